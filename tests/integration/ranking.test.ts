import { describe, expect, it } from "vitest";
import { listItems } from "#db/repos/attempts";
import { listOfficialRanking } from "#db/repos/rankings";
import { answerQuestion, predict, startRoundAttempt, submitAttempt } from "#server/contest/attempts";
import { closeRound, computeOfficialRanking, publishRound } from "#server/contest/ranking";
import { contestFixture, type ContestFixture } from "./contest-fixture";

async function takeRound(
  f: ContestFixture,
  userId: number,
  rightAnswers: number,
  minutes: number,
  prediction: number | null,
) {
  const started = await startRoundAttempt(f.services, { userId, roundId: f.seed.openRoundId });
  if (!started.ok) throw new Error(`start failed: ${started.code}`);
  const items = await listItems(f.services.db, started.attemptId);
  for (const item of items.slice(0, rightAnswers)) {
    const shown = item.correct.map((c) => item.optionOrder.indexOf(c));
    await answerQuestion(f.services, {
      userId,
      attemptId: started.attemptId,
      position: item.position,
      chosen: shown,
    });
  }
  if (prediction !== null) await predict(f.services, { userId, attemptId: started.attemptId, prediction });
  const start = f.clock.now().getTime();
  f.clock.advance(minutes * 60_000);
  await submitAttempt(f.services, { attemptId: started.attemptId, reason: "manual", userId });
  f.clock.set(new Date(start + 1_000));
  return started.attemptId;
}

describe("the official ranking", () => {
  it("orders by score, prediction distance, time and submission, gives prizes, and recomputes identically", async () => {
    const f = await contestFixture();
    const c = async (name: string) => (await f.addContestant(name)).userId;
    // Two perfect papers, so the real count is 2.
    const perfectFast = await takeRound(f, await c("Nguyễn Văn An"), 20, 5, 7);
    const perfectSlow = await takeRound(f, await c("Trần Thị Bình"), 20, 9, 2);
    const tiedClose = await takeRound(f, await c("Lê Văn Cường"), 15, 8, 3); // distance 1
    const tiedFar = await takeRound(f, await c("Phạm Thị Dung"), 15, 4, 40); // distance 38
    const tiedNone = await takeRound(f, await c("Hoàng Văn Em"), 15, 2, null); // no prediction: after both
    const low = await takeRound(f, await c("Võ Thị Giang"), 3, 1, 2);

    const closed = await closeRound(f.services, { roundId: f.seed.openRoundId, actorUserId: null });
    expect(closed).toEqual({ ok: true, perfectCount: 2, ranked: 6 });
    const stored = await listOfficialRanking(f.services.db, f.seed.openRoundId);
    // Equal perfect scores: distance |2-2|=0 beats |7-2|=5, whatever the times.
    expect(stored.map((r) => r.attempt_id)).toEqual([
      perfectSlow,
      perfectFast,
      tiedClose,
      tiedFar,
      tiedNone,
      low,
    ]);
    expect(stored.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(stored.map((r) => r.prediction_distance)).toEqual([0, 5, 1, 38, null, 0]);
    expect(stored.map((r) => r.prize)).toEqual(["first", "second", "second", "third", "third", "third"]);

    const again = await computeOfficialRanking(f.services.db, f.seed.openRoundId);
    expect(again.rows).toEqual(
      stored.map((r) => ({
        attemptId: r.attempt_id,
        rank: r.rank,
        score: r.score,
        predictionDistance: r.prediction_distance,
        durationMs: r.duration_ms,
        submittedAt: r.submitted_at,
        prize: r.prize,
      })),
    );
  });

  it("leaves disqualified contestants out of ranks and prizes", async () => {
    const f = await contestFixture();
    const cheat = await f.addContestant("Đỗ Văn Phúc");
    const honest = await f.addContestant("Ngô Thị Hạnh");
    await takeRound(f, cheat.userId, 20, 3, 1);
    const honestAttempt = await takeRound(f, honest.userId, 10, 3, 1);
    await f.services.db
      .updateTable("contestants")
      .set({ status: "disqualified" })
      .where("id", "=", cheat.contestantId)
      .execute();
    await closeRound(f.services, { roundId: f.seed.openRoundId, actorUserId: null });
    const stored = await listOfficialRanking(f.services.db, f.seed.openRoundId);
    expect(stored.map((r) => [r.attempt_id, r.rank, r.prize])).toEqual([[honestAttempt, 1, "first"]]);
  });

  it("closing early ends the attempts in progress with what was saved; publishing needs a ranking", async () => {
    const f = await contestFixture();
    const upcoming = await publishRound(f.services, { roundId: f.seed.openRoundId, actorUserId: null });
    expect(upcoming).toEqual({ ok: false, code: "notRanked" });
    const { userId } = await f.addContestant();
    const started = await startRoundAttempt(f.services, { userId, roundId: f.seed.openRoundId });
    if (!started.ok) throw new Error("start failed");
    f.clock.advance(60_000);
    const events: string[] = [];
    f.services.events.on("attemptSubmitted", () => events.push("submitted"));
    f.services.events.on("roundRanked", () => events.push("ranked"));
    f.services.events.on("roundPublished", () => events.push("published"));
    expect(await closeRound(f.services, { roundId: f.seed.openRoundId, actorUserId: null })).toMatchObject({
      ok: true,
      ranked: 1,
    });
    expect(
      await startRoundAttempt(f.services, {
        userId: (await f.addContestant("Mai Anh")).userId,
        roundId: f.seed.openRoundId,
      }),
    ).toMatchObject({
      ok: false,
      code: "closed",
    });
    expect(await publishRound(f.services, { roundId: f.seed.openRoundId, actorUserId: null })).toEqual({
      ok: true,
    });
    expect(events).toEqual(["submitted", "ranked", "published"]);
    const audit = await f.services.db.selectFrom("audit_log").select("action").orderBy("id").execute();
    expect(audit.map((a) => a.action)).toEqual(["round.rank", "round.publish"]);
  });
});
