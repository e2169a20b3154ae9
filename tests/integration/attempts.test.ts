import { describe, expect, it } from "vitest";
import { listItems, findAttempt } from "#db/repos/attempts";
import {
  answerQuestion,
  startPracticeAttempt,
  startRoundAttempt,
  submitAttempt,
  submitOverdueAttempts,
  predict,
} from "#server/contest/attempts";
import { contestFixture } from "./contest-fixture";

const MINUTE = 60_000;

describe("taking a round", () => {
  it("draws and freezes 20 questions, and resumes the same attempt on a second start", async () => {
    const f = await contestFixture();
    const { userId } = await f.addContestant();
    const first = await startRoundAttempt(f.services, { userId, roundId: f.seed.openRoundId });
    expect(first).toMatchObject({ ok: true, resumed: false });
    const again = await startRoundAttempt(f.services, { userId, roundId: f.seed.openRoundId });
    expect(again).toEqual({ ok: true, attemptId: first.ok && first.attemptId, resumed: true });
    const items = await listItems(f.services.db, first.ok ? first.attemptId : 0);
    expect(items).toHaveLength(20);
    expect(new Set(items.map((i) => i.questionId)).size).toBe(20);
    expect(items.filter((i) => i.difficulty === "hard")).toHaveLength(4);
    for (const item of items) expect([...item.optionOrder].sort()).toEqual(item.options.map((_, i) => i));
  });

  it("starting from two tabs at once gives one attempt", async () => {
    const f = await contestFixture();
    const { userId } = await f.addContestant();
    const [a, b] = await Promise.all([
      startRoundAttempt(f.services, { userId, roundId: f.seed.openRoundId }),
      startRoundAttempt(f.services, { userId, roundId: f.seed.openRoundId }),
    ]);
    expect(a.ok && b.ok && a.attemptId === b.attemptId).toBe(true);
    const count = await f.services.db
      .selectFrom("attempts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it("refuses an upcoming round, a staff member, and a second ranked attempt", async () => {
    const f = await contestFixture();
    const { userId } = await f.addContestant();
    expect(await startRoundAttempt(f.services, { userId, roundId: f.seed.upcomingRoundId })).toEqual({
      ok: false,
      code: "notOpenYet",
    });
    const staff = await f.addContestant("Lê Thị Hoa", { isStaffMember: true });
    expect(
      await startRoundAttempt(f.services, { userId: staff.userId, roundId: f.seed.openRoundId }),
    ).toEqual({
      ok: false,
      code: "staffMember",
    });
    const started = await startRoundAttempt(f.services, { userId, roundId: f.seed.openRoundId });
    if (!started.ok) throw new Error("start failed");
    await submitAttempt(f.services, { attemptId: started.attemptId, reason: "manual", userId });
    expect(await startRoundAttempt(f.services, { userId, roundId: f.seed.openRoundId })).toEqual({
      ok: false,
      code: "noAttemptsLeft",
      attemptId: started.attemptId,
    });
  });

  it("scores exactly the chosen sets, maps shown option order back, and submits once", async () => {
    const f = await contestFixture();
    const { userId } = await f.addContestant();
    const started = await startRoundAttempt(f.services, { userId, roundId: f.seed.openRoundId });
    if (!started.ok) throw new Error("start failed");
    const items = await listItems(f.services.db, started.attemptId);
    // Answer the first 10 right (choosing by displayed position), the rest wrong or not at all.
    for (const item of items.slice(0, 10)) {
      const shown = item.correct.map((original) => item.optionOrder.indexOf(original));
      expect(
        await answerQuestion(f.services, {
          userId,
          attemptId: started.attemptId,
          position: item.position,
          chosen: shown,
        }),
      ).toMatchObject({ ok: true });
    }
    const wrong = items[10];
    const wrongShown = wrong.optionOrder.findIndex((original) => !wrong.correct.includes(original));
    await answerQuestion(f.services, {
      userId,
      attemptId: started.attemptId,
      position: wrong.position,
      chosen: [wrongShown],
    });

    f.clock.advance(3 * MINUTE);
    const [one, two] = await Promise.all([
      submitAttempt(f.services, { attemptId: started.attemptId, reason: "manual", userId }),
      submitAttempt(f.services, { attemptId: started.attemptId, reason: "manual", userId }),
    ]);
    expect(one.ok && two.ok).toBe(true);
    if (!one.ok || !two.ok) return;
    expect([one.first, two.first].sort()).toEqual([false, true]);
    expect(one.summary).toEqual(two.summary);
    expect(one.summary).toMatchObject({
      score: 10,
      correctCount: 10,
      questionCount: 20,
      durationMs: 3 * MINUTE,
      reason: "manual",
    });
    // A choice after submission is refused and changes nothing.
    expect(
      await answerQuestion(f.services, { userId, attemptId: started.attemptId, position: 15, chosen: [0] }),
    ).toEqual({
      ok: false,
      code: "submitted",
    });
  });

  it("refuses bad choices and another contestant's attempt", async () => {
    const f = await contestFixture();
    const a = await f.addContestant();
    const b = await f.addContestant("Phạm Minh Tuấn");
    const started = await startRoundAttempt(f.services, { userId: a.userId, roundId: f.seed.openRoundId });
    if (!started.ok) throw new Error("start failed");
    const base = { userId: a.userId, attemptId: started.attemptId };
    expect(await answerQuestion(f.services, { ...base, position: 99, chosen: [0] })).toEqual({
      ok: false,
      code: "badPosition",
    });
    expect(await answerQuestion(f.services, { ...base, position: 0, chosen: [7] })).toEqual({
      ok: false,
      code: "badChoice",
    });
    expect(await answerQuestion(f.services, { ...base, position: 0, chosen: [0, 0] })).toEqual({
      ok: false,
      code: "badChoice",
    });
    expect(await answerQuestion(f.services, { ...base, userId: b.userId, position: 0, chosen: [0] })).toEqual(
      { ok: false, code: "notYours" },
    );
    expect(await predict(f.services, { ...base, prediction: -3 })).toEqual({
      ok: false,
      code: "badPrediction",
    });
  });

  it("submits at the deadline with what was saved, and refuses answers after the grace", async () => {
    const f = await contestFixture();
    const { userId } = await f.addContestant();
    const started = await startRoundAttempt(f.services, { userId, roundId: f.seed.openRoundId });
    if (!started.ok) throw new Error("start failed");
    const items = await listItems(f.services.db, started.attemptId);
    const first = items[0];
    await answerQuestion(f.services, {
      userId,
      attemptId: started.attemptId,
      position: 0,
      chosen: first.correct.map((c) => first.optionOrder.indexOf(c)),
    });
    await predict(f.services, { userId, attemptId: started.attemptId, prediction: 12 });

    f.clock.advance(15 * MINUTE + 3_000); // within the grace: still accepted
    expect(
      await answerQuestion(f.services, { userId, attemptId: started.attemptId, position: 1, chosen: [0] }),
    ).toMatchObject({ ok: true });
    f.clock.advance(5_000); // beyond it
    expect(
      await answerQuestion(f.services, { userId, attemptId: started.attemptId, position: 2, chosen: [0] }),
    ).toEqual({
      ok: false,
      code: "deadlinePassed",
    });
    const attempt = await findAttempt(f.services.db, started.attemptId);
    expect(attempt).toMatchObject({
      status: "submitted",
      submit_reason: "deadline",
      prediction: 12,
      duration_ms: 15 * MINUTE,
    });
    expect(attempt!.score).toBeGreaterThanOrEqual(1);
    expect(attempt!.submitted_at).toBe(attempt!.deadline_at);
  });

  it("the sweeper submits overdue attempts whether or not a page is open", async () => {
    const f = await contestFixture();
    const ids: number[] = [];
    for (const name of ["Võ Thị Lan", "Đặng Văn Hùng", "Huỳnh Thị Mai"]) {
      const { userId } = await f.addContestant(name);
      const started = await startRoundAttempt(f.services, { userId, roundId: f.seed.openRoundId });
      if (started.ok) ids.push(started.attemptId);
    }
    f.clock.advance(10 * MINUTE);
    expect(await submitOverdueAttempts(f.services)).toBe(0);
    f.clock.advance(6 * MINUTE);
    expect(await submitOverdueAttempts(f.services)).toBe(3);
    for (const id of ids) expect((await findAttempt(f.services.db, id))?.status).toBe("submitted");
  });

  it("practice is unlimited and never ranked", async () => {
    const f = await contestFixture();
    const { userId } = await f.addContestant();
    const one = await startPracticeAttempt(f.services, { userId });
    if (!one.ok) throw new Error("practice failed");
    await submitAttempt(f.services, { attemptId: one.attemptId, reason: "manual", userId });
    const two = await startPracticeAttempt(f.services, { userId });
    expect(two.ok && two.attemptId !== one.attemptId).toBe(true);
    const submitted: { roundId: number | null; isPractice: boolean }[] = [];
    f.services.events.on("attemptSubmitted", (e) => submitted.push(e));
    if (two.ok) await submitAttempt(f.services, { attemptId: two.attemptId, reason: "manual", userId });
    expect(submitted).toMatchObject([{ roundId: null, isPractice: true }]);
    const ranked = await f.services.db
      .selectFrom("attempts")
      .select("id")
      .where("is_practice", "=", 0)
      .execute();
    expect(ranked).toEqual([]);
  });
});
