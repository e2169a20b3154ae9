import { describe, expect, it } from "vitest";
import { deleteRoundWithoutAttempts, setRoundRehearsal, wipeRoundAttempts } from "#db/repos/rehearsals";
import { startRoundAttempt, submitAttempt } from "#server/contest/attempts";
import { computeOverall } from "#server/contest/board";
import { loadContestResults } from "#server/results/export";
import { contestFixture } from "./contest-fixture";

describe("an organizers' rehearsal round", () => {
  it("is left out of the overall ranking and the contest results, and its attempts can be wiped", async () => {
    const f = await contestFixture();
    const { userId } = await f.addContestant("Lê Thị Hoa");
    const started = await startRoundAttempt(f.services, { userId, roundId: f.seed.openRoundId });
    if (!started.ok) throw new Error(started.code);
    f.clock.advance(60_000);
    await submitAttempt(f.services, { attemptId: started.attemptId, reason: "manual", userId });

    expect((await computeOverall(f.services, f.seed.contestId)).ranked).toBe(1);
    await setRoundRehearsal(f.services.db, f.seed.openRoundId, true);
    expect((await computeOverall(f.services, f.seed.contestId)).ranked).toBe(0);
    const results = await loadContestResults(f.services.db, f.seed.contestId, f.clock.now());
    expect(JSON.stringify(results)).not.toContain("Đợt 1");

    // A round with attempts cannot be deleted; wiped, it can.
    expect(await deleteRoundWithoutAttempts(f.services.db, f.seed.openRoundId)).toBe("hasAttempts");
    expect(await wipeRoundAttempts(f.services.db, f.seed.openRoundId)).toBe(1);
    const left = await f.services.db
      .selectFrom("attempts")
      .select("id")
      .where("round_id", "=", f.seed.openRoundId)
      .execute();
    expect(left).toHaveLength(0);
    expect(await deleteRoundWithoutAttempts(f.services.db, f.seed.openRoundId)).toBe("deleted");
    expect(await deleteRoundWithoutAttempts(f.services.db, f.seed.openRoundId)).toBe("notFound");
  });
});
