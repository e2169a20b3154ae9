/**
 * The live final over real sockets (issue 14): phones join, the host paces it, answers are written
 * before their acknowledgement and only once, the room gets counts (never one message per answer),
 * a skipped question counts for nobody, the end writes the ranking snapshot, and a restart mid-question
 * resumes with the same deadline.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { LiveFinalSettings } from "~/rules/live/settings";
import type { LiveCounts, LiveResult, LiveSaved, LiveSeat, LiveView } from "~/realtime/live-contract";
import { createUser } from "#db/repos/users";
import { listOfficialRanking } from "#db/repos/rankings";
import { insertLiveAnswers, listLiveAnswers, listLiveQuestions, listLiveSeats } from "#db/repos/live-finals";
import { createLiveFinal, createSeatCodes } from "#server/live/finals";
import { LiveHub } from "#server/live/hub";
import { createPlatform } from "#server/platform";
import { finalSettings } from "./live-final-settings";
import { boardHarness, data, request, sleep, waitFor, type BoardHarness, type Client } from "./board-harness";

let h: BoardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function setup(players = 3, seconds = 20, settings: Partial<LiveFinalSettings> = {}) {
  h = await boardHarness();
  const admin = await createUser(h.services.db, {
    role: "admin",
    username: "host",
    displayName: "Host",
    passwordHash: "x",
    now: h.clock.now(),
  });
  const created = await createLiveFinal(h.services, {
    contestId: h.seed.contestId,
    actorUserId: admin.id,
    settings: finalSettings({ secondsPerQuestion: seconds, ...settings }),
  });
  if (!created.ok) throw new Error(created.code);
  const host = await h.client({ cookie: await h.cookieFor(admin.id) });
  const phones: { socket: Client; contestantId: number; userId: number; cookie: string }[] = [];
  for (let i = 0; i < players; i++) {
    const c = await h.addContestant(["Trần Thị Hoa", "Lê Văn Bình", "Phạm Minh Châu", "Võ Thị Dung"][i % 4]);
    const cookie = await h.cookieFor(c.userId);
    const socket = await h.client({ cookie });
    phones.push({ socket, cookie, ...c });
  }
  const key = await h.services.db
    .selectFrom("live_questions")
    .innerJoin("question_versions", "question_versions.id", "live_questions.question_version_id")
    .select(["live_questions.position", "question_versions.correct", "question_versions.options"])
    .where("round_id", "=", created.roundId)
    .orderBy("position")
    .execute();
  const correct = key.map((k) => (JSON.parse(k.correct) as number[])[0]);
  const optionCount = key.map((k) => (JSON.parse(k.options) as string[]).length);
  return {
    h,
    roundId: created.roundId,
    joinCode: created.joinCode,
    host,
    phones,
    correct,
    optionCount,
    adminId: admin.id,
  };
}

const hostDo = async (host: Client, roundId: number, command: string) =>
  data(await request<LiveView>(host, "live:host", { roundId, command }));

describe("live final", () => {
  it("runs a three-question final: join by code, answers once, counts not per answer, skip, podium in the ranking snapshot", async () => {
    const { h, roundId, joinCode, host, phones, correct, optionCount } = await setup(3);
    for (const p of phones) {
      const seat = data(await request<LiveSeat>(p.socket, "live:join", { code: joinCode.toLowerCase() }));
      expect(seat.view.phase).toBe("lobby");
    }
    const screen = await h.client();
    const watched = data(await request<LiveView>(screen, "live:watch", { roundId }));
    expect(watched.joined).toBe(3);
    // Contestants cannot host; an anonymous socket cannot join.
    expect(await request(phones[0].socket, "live:host", { roundId, command: "start" })).toEqual({
      error: { code: "forbidden" },
    });
    expect(await request(screen, "live:join", { roundId })).toEqual({ error: { code: "notContestant" } });

    let countsMessages = 0;
    screen.on("live:counts", () => countsMessages++);
    // Phones show no counts: they are not written to while everyone answers.
    let countsOnPhones = 0;
    for (const p of phones) p.socket.on("live:counts", () => countsOnPhones++);
    const opened = waitFor<LiveView>(screen, "live:state", (v) => v.phase === "open");
    const q0 = await hostDo(host, roundId, "start");
    expect(q0.question?.options.length).toBe(optionCount[0]);
    expect(JSON.stringify(q0)).not.toContain('"correct"');
    await opened;

    // Question 1: phones 0 and 1 right, phone 2 wrong.
    const wrong0 = (correct[0] + 1) % optionCount[0];
    const savedAt: string[] = [];
    for (const [i, choice] of [correct[0], correct[0], wrong0].entries()) {
      h.clock.advance(1000);
      const saved = data(
        await request<LiveSaved>(phones[i].socket, "live:answer", { roundId, position: 0, choice }),
      );
      expect(saved).toMatchObject({ position: 0, choice });
      savedAt.push(saved.savedAt);
    }
    // A second answer is refused and changes nothing.
    expect(
      await request(phones[2].socket, "live:answer", { roundId, position: 0, choice: correct[0] }),
    ).toEqual({
      error: { code: "alreadyAnswered" },
    });
    // The same answer again (its acknowledgement lost) is acknowledged as the one saved, not saved twice.
    h.clock.advance(1000);
    expect(
      data(
        await request<LiveSaved>(phones[2].socket, "live:answer", { roundId, position: 0, choice: wrong0 }),
      ),
    ).toEqual({ position: 0, choice: wrong0, savedAt: savedAt[2] });
    const stored = await h.services.db
      .selectFrom("live_answers")
      .selectAll()
      .where("round_id", "=", roundId)
      .execute();
    expect(stored).toHaveLength(3);

    // A reload: a new socket takes the same seat and sees its answer.
    phones[1].socket.disconnect();
    phones[1].socket = await h.client({ cookie: phones[1].cookie });
    const back = data(await request<LiveSeat>(phones[1].socket, "live:join", { roundId }));
    expect(back.answer).toEqual({ position: 0, choice: correct[0] });
    expect(back.view.deadlineAt).toBe(q0.deadlineAt);

    await sleep(700);
    expect(countsMessages).toBeGreaterThanOrEqual(1);
    expect(countsMessages).toBeLessThan(3);
    expect(countsOnPhones).toBe(0);

    await hostDo(host, roundId, "close");
    const results = phones.map((p) => waitFor<LiveResult>(p.socket, "live:result"));
    const revealed = await hostDo(host, roundId, "reveal");
    expect(revealed.reveal?.correct).toEqual([correct[0]]);
    expect(revealed.reveal?.counts.reduce((a, b) => a + b, 0)).toBe(3);
    const mine = await Promise.all(results);
    expect(mine.map((r) => r.correct)).toEqual([true, true, false]);
    expect(mine[2]).toMatchObject({ points: 0, score: 0, rank: 3, of: 3 });

    const board = await hostDo(host, roundId, "board");
    expect(board.board?.map((r) => r.score)).toEqual([10, 10, 0]);
    // Time of correct answers breaks the tie: phone 0 answered first.
    expect(board.board?.[0].name).toBe("Trần Thị H.");

    // Question 2: only phone 2 answers right, then the host skips it: it counts for nobody.
    await hostDo(host, roundId, "next");
    data(await request(phones[2].socket, "live:answer", { roundId, position: 1, choice: correct[1] }));
    const skipped = await hostDo(host, roundId, "skip");
    expect(skipped.phase).toBe("board");
    expect(skipped.skipped).toEqual([1]);
    expect(skipped.board?.[2].score).toBe(0);

    // Question 3: phone 2 right. Then the end.
    await hostDo(host, roundId, "next");
    h.clock.advance(5_000);
    data(await request(phones[2].socket, "live:answer", { roundId, position: 2, choice: correct[2] }));
    expect(await request(host, "live:host", { roundId, command: "end" })).toEqual({
      error: { code: "notAllowed" },
    });
    await hostDo(host, roundId, "close");
    await hostDo(host, roundId, "reveal");
    const podium = await hostDo(host, roundId, "end");
    expect(podium.phase).toBe("podium");
    const ranking = await listOfficialRanking(h.services.db, roundId);
    expect(ranking.map((r) => [r.contestant_id, r.rank, r.score, r.prize])).toEqual([
      [phones[0].contestantId, 1, 10, "first"],
      [phones[1].contestantId, 2, 10, "second"],
      [phones[2].contestantId, 3, 10, "third"],
    ]);
    expect(podium.board?.map((r) => r.score)).toEqual([10, 10, 10]);
    const audit = await h.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", String(roundId))
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["live.create", "live.skip", "round.rank"]),
    );
  });

  it("resumes the same question with the same deadline after a restart, and closes it if the time ran out", async () => {
    const { h, roundId, joinCode, host, phones, correct } = await setup(1, 20);
    data(await request(phones[0].socket, "live:join", { code: joinCode }));
    const open = await hostDo(host, roundId, "start");
    h.clock.advance(2_000);
    const first = data(
      await request<LiveSaved>(phones[0].socket, "live:answer", { roundId, position: 0, choice: correct[0] }),
    );

    // The process dies: a new hub on the same database.
    const emitted: string[] = [];
    const again = new LiveHub(h.services, (...args: unknown[]) => {
      emitted.push(String(args[1]));
    });
    h.clock.advance(3_000);
    await again.start();
    const resumed = await again.watch(roundId);
    expect(resumed.ok && resumed.data).toMatchObject({
      phase: "open",
      position: 0,
      deadlineAt: open.deadlineAt,
      answered: 1,
    });
    // The phone's answer, sent again because its acknowledgement was lost with the process, is the one
    // saved before, even once the deadline has passed; another choice is refused.
    h.clock.advance(20_000);
    const answer = { userId: phones[0].userId, roundId, position: 0 };
    expect(await again.answer({ ...answer, choice: correct[0] })).toEqual({ ok: true, data: first });
    expect(await again.answer({ ...answer, choice: (correct[0] + 1) % 2 })).toEqual({
      ok: false,
      code: "alreadyAnswered",
    });
    await again.stop();

    // A platform restarted after the deadline: the question is closed, the deadline unchanged.
    const platform = await createPlatform(h.services, { kind: "none" });
    const { port } = await platform.start();
    try {
      const { io } = await import("socket.io-client");
      const s = io(`http://127.0.0.1:${port}`, { transports: ["websocket"], forceNew: true });
      const view = data(await request<LiveView>(s, "live:watch", { roundId }));
      expect(view).toMatchObject({ phase: "closed", deadlineAt: open.deadlineAt, answered: 1 });
      s.disconnect();
    } finally {
      await platform.stop();
    }
  });
});

describe("live final: the same answer twice", () => {
  it("acknowledges the same answer sent twice at once as one answer, saved once", async () => {
    const { h, roundId, joinCode, host, phones, correct } = await setup(1, 20);
    data(await request(phones[0].socket, "live:join", { code: joinCode }));
    await hostDo(host, roundId, "start");
    h.clock.advance(1_000);
    const payload = { roundId, position: 0, choice: correct[0] };
    const [a, b] = await Promise.all([
      request<LiveSaved>(phones[0].socket, "live:answer", payload),
      request<LiveSaved>(phones[0].socket, "live:answer", payload),
    ]);
    expect(data(b)).toEqual(data(a));
    const rows = await h.services.db
      .selectFrom("live_answers")
      .select(["choice", "answered_at"])
      .where("round_id", "=", roundId)
      .execute();
    expect(rows).toEqual([{ choice: correct[0], answered_at: data(a).savedAt }]);
  });
});

describe("live final: the answers' group commit", () => {
  it("writes a burst of answers in one statement on either engine: each saved once, an answer already there refused", async () => {
    const { h, roundId, phones } = await setup(4);
    const [p0, p1, p2, p3] = phones.map((p) => p.contestantId);
    const at = (ms: number) => new Date(h.clock.now().getTime() + ms);
    const row = (contestantId: number, position: number, choice: number, ms: number) => ({
      roundId,
      position,
      contestantId,
      choice,
      elapsedMs: ms,
      now: at(ms),
    });
    expect(await insertLiveAnswers(h.services.db, [row(p0, 0, 1, 100)])).toEqual(["saved"]);
    const burst = await insertLiveAnswers(h.services.db, [
      row(p1, 0, 2, 200),
      row(p0, 0, 3, 250), // p0 answered question 0 already
      row(p2, 0, 0, 300),
      row(p0, 1, 0, 310), // another question: a new answer
      row(p3, 0, 1, 320),
    ]);
    expect(burst).toEqual(["saved", "alreadyAnswered", "saved", "saved", "saved"]);
    const stored = await listLiveAnswers(h.services.db, roundId);
    expect(stored.map((a) => [a.position, a.contestantId, a.choice])).toEqual(
      [
        [0, p0, 1],
        [0, p1, 2],
        [0, p2, 0],
        [0, p3, 1],
        [1, p0, 0],
      ].sort((a, b) => a[0] - b[0] || a[1] - b[1]),
    );
  });
});

describe("live final: seats, prediction, pictures, picked questions", () => {
  it("seats an invited contestant by seat code without an account, in the same seat after a reload", async () => {
    const { h, roundId, host, phones, correct, optionCount, adminId } = await setup(2);
    const first = await createSeatCodes(h.services, { roundId, actorUserId: adminId });
    expect(first.ok && first.added).toBeGreaterThanOrEqual(2);
    // Codes already handed out are kept: a second run adds nobody.
    expect(await createSeatCodes(h.services, { roundId, actorUserId: adminId })).toEqual({
      ok: true,
      added: 0,
    });
    const seats = await listLiveSeats(h.services.db, roundId);
    const code = seats.find((s) => s.contestantId === phones[1].contestantId)?.code ?? "";
    expect(code).toMatch(/^[2-9A-Z]{8}$/);

    // A phone with no session at all joins with the code (typed in small letters).
    let phone = await h.client();
    const seat = data(await request<LiveSeat>(phone, "live:join", { seat: code.toLowerCase() }));
    expect(seat.name).toBe("Lê Văn B.");
    expect(seat.view.roundId).toBe(roundId);
    expect(await request(phone, "live:join", { seat: "ZZZZZZZZ" })).toEqual({ error: { code: "notFound" } });

    await hostDo(host, roundId, "start");
    data(await request(phone, "live:answer", { roundId, position: 0, choice: correct[0] }));
    // The contestant's own account and the seat are the same seat: another answer is refused, the same
    // one is the answer the seat gave.
    data(await request(phones[1].socket, "live:join", { roundId }));
    const other = (correct[0] + 1) % optionCount[0];
    expect(await request(phones[1].socket, "live:answer", { roundId, position: 0, choice: other })).toEqual({
      error: { code: "alreadyAnswered" },
    });
    expect(
      data(
        await request<LiveSaved>(phones[1].socket, "live:answer", {
          roundId,
          position: 0,
          choice: correct[0],
        }),
      ),
    ).toMatchObject({ position: 0, choice: correct[0] });

    // A reload: a new socket with the same code sees its answer.
    phone.disconnect();
    phone = await h.client();
    const back = data(await request<LiveSeat>(phone, "live:join", { roundId, seat: code }));
    expect(back.answer).toEqual({ position: 0, choice: correct[0] });
    // Another socket without a seat cannot answer for it.
    const stranger = await h.client();
    expect(await request(stranger, "live:answer", { roundId, position: 0, choice: 0 })).toEqual({
      error: { code: "notContestant" },
    });
    const audit = await h.services.db
      .selectFrom("audit_log")
      .select("action")
      .where("entity_id", "=", String(roundId))
      .execute();
    expect(audit.map((a) => a.action)).toContain("live.seats");
  });

  it("breaks a tie of points and time with the prediction, asked only in the lobby", async () => {
    const { h, roundId, host, phones, correct } = await setup(3, 20, { predictionEnabled: true });
    // Everyone will answer every question right at the same moment: only the prediction separates them.
    const predictions = [1, 3, 2];
    for (const [i, p] of phones.entries()) {
      const seat = data(await request<LiveSeat>(p.socket, "live:join", { roundId, prediction: 0 }));
      expect(seat.view.predictionEnabled).toBe(true);
      // Changed in the lobby: the last one counts.
      const again = data(
        await request<LiveSeat>(p.socket, "live:join", { roundId, prediction: predictions[i] }),
      );
      expect(again.prediction).toBe(predictions[i]);
    }
    for (let position = 0; position < 3; position++) {
      await hostDo(host, roundId, position === 0 ? "start" : "next");
      if (position === 0) {
        // Once the questions run, a prediction is no longer taken.
        const late = data(await request<LiveSeat>(phones[0].socket, "live:join", { roundId, prediction: 3 }));
        expect(late.prediction).toBe(1);
      }
      for (const p of phones)
        data(await request(p.socket, "live:answer", { roundId, position, choice: correct[position] }));
      await hostDo(host, roundId, "close");
      await hostDo(host, roundId, "reveal");
    }
    const podium = await hostDo(host, roundId, "end");
    const ranking = await listOfficialRanking(h.services.db, roundId);
    // Three players answered everything right: predictions 3, 2, 1 are 0, 1, 2 away.
    expect(ranking.map((r) => [r.contestant_id, r.rank, r.score, r.prediction_distance])).toEqual([
      [phones[1].contestantId, 1, 30, 0],
      [phones[2].contestantId, 2, 30, 1],
      [phones[0].contestantId, 3, 30, 2],
    ]);
    expect(podium.board?.map((r) => r.name)).toEqual(["Lê Văn B.", "Phạm Minh C.", "Trần Thị H."]);
  });

  it("plays the questions picked in order and shows a question's picture from the bank", async () => {
    const first = await setup(1);
    const drawn = await listLiveQuestions(first.h.services.db, first.roundId);
    const ids = await first.h.services.db
      .selectFrom("questions")
      .select(["id", "current_version_id"])
      .where(
        "current_version_id",
        "in",
        drawn.map((q) => q.questionVersionId),
      )
      .execute();
    const idOf = new Map(ids.map((r) => [r.current_version_id, r.id]));
    // The same three questions, picked in the reverse order.
    const picked = drawn.map((q) => idOf.get(q.questionVersionId) ?? 0).reverse();
    const version = drawn[2].questionVersionId;
    await first.h.services.db
      .insertInto("question_pictures")
      .values({
        question_version_id: version,
        slot: "question",
        file_name: "cau-hoi.webp",
        mime: "image/webp",
        width: 640,
        height: 360,
        alt: "Bản đồ huyện đảo Lý Sơn",
        sha256: "ab".repeat(32),
        byte_size: 4,
        bytes: Buffer.from([1, 2, 3, 4]),
        created_at: first.h.clock.now().toISOString(),
      })
      .execute();
    const created = await createLiveFinal(first.h.services, {
      contestId: first.h.seed.contestId,
      actorUserId: first.adminId,
      settings: finalSettings({
        title: "Chung kết chọn câu",
        questions: { kind: "picked", questionIds: picked },
      }),
    });
    if (!created.ok) throw new Error(created.code);
    const played = await listLiveQuestions(first.h.services.db, created.roundId);
    expect(played.map((q) => q.questionVersionId)).toEqual(drawn.map((q) => q.questionVersionId).reverse());
    data(await request(first.phones[0].socket, "live:join", { roundId: created.roundId }));
    const q0 = await hostDo(first.host, created.roundId, "start");
    expect(q0.question?.picture).toMatchObject({
      url: expect.stringMatching(/^\/media\/pictures\/\d+-abababababababab\.webp$/),
      width: 640,
      height: 360,
      alt: "Bản đồ huyện đảo Lý Sơn",
    });
    const q1 = await hostDo(first.host, created.roundId, "skip").then(() =>
      hostDo(first.host, created.roundId, "next"),
    );
    expect(q1.question?.picture).toBeNull();
  });
});

export type { LiveCounts };
