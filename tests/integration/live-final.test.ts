/**
 * The live final over real sockets (issue 14): phones join, the host paces it, answers are written
 * before their acknowledgement and only once, the room gets counts (never one message per answer),
 * a skipped question counts for nobody, the end writes the ranking snapshot, and a restart mid-question
 * resumes with the same deadline.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { LiveCounts, LiveResult, LiveSeat, LiveView } from "~/realtime/live-contract";
import { createUser } from "#db/repos/users";
import { listOfficialRanking } from "#db/repos/rankings";
import { createLiveFinal } from "#server/live/finals";
import { LiveHub } from "#server/live/hub";
import { createPlatform } from "#server/platform";
import { boardHarness, data, request, sleep, waitFor, type BoardHarness, type Client } from "./board-harness";

let h: BoardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function setup(players = 3, seconds = 20) {
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
    settings: {
      title: "Chung kết",
      secondsPerQuestion: seconds,
      basePoints: 10,
      speedBonus: false,
      speedBonusPoints: 0,
      predictionEnabled: false,
      eligibility: { kind: "everyone" },
      questions: { kind: "drawn", count: 3, topicId: null },
      prizes: { first: 1, second: 1, third: 1, consolation: 0 },
    },
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
    const opened = waitFor<LiveView>(screen, "live:state", (v) => v.phase === "open");
    const q0 = await hostDo(host, roundId, "start");
    expect(q0.question?.options.length).toBe(optionCount[0]);
    expect(JSON.stringify(q0)).not.toContain('"correct"');
    await opened;

    // Question 1: phones 0 and 1 right, phone 2 wrong.
    const wrong0 = (correct[0] + 1) % optionCount[0];
    for (const [i, choice] of [correct[0], correct[0], wrong0].entries()) {
      h.clock.advance(1000);
      const saved = data(await request(phones[i].socket, "live:answer", { roundId, position: 0, choice }));
      expect(saved).toMatchObject({ position: 0, choice });
    }
    // A second answer is refused and changes nothing.
    expect(
      await request(phones[2].socket, "live:answer", { roundId, position: 0, choice: correct[0] }),
    ).toEqual({
      error: { code: "alreadyAnswered" },
    });
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
    data(await request(phones[0].socket, "live:answer", { roundId, position: 0, choice: correct[0] }));

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
    await again.stop();

    // A platform restarted after the deadline: the question is closed, the deadline unchanged.
    h.clock.advance(20_000);
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

export type { LiveCounts };
