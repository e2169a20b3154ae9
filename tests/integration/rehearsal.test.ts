import { describe, expect, it } from "vitest";
import { defaultRoundSettings } from "~/rules/round-settings";
import { createRound } from "#db/repos/round-settings";
import { listPublicRounds, listRounds } from "#db/repos/rounds";
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

  it("can be marked when it is written, and never reaches the public list of rounds", async () => {
    const f = await contestFixture();
    const now = f.clock.now();
    const settings = {
      ...defaultRoundSettings(new Date(now.getTime() + 3_600_000), new Date(now.getTime() + 7_200_000)),
      title: "Thi thử trước giờ G",
    };
    const rehearsal = await createRound(f.services.db, {
      contestId: f.seed.contestId,
      settings,
      now,
      rehearsal: true,
    });
    const real = await createRound(f.services.db, {
      contestId: f.seed.contestId,
      settings: { ...settings, title: "Đợt thật" },
      now,
    });
    expect(rehearsal.is_rehearsal).toBe(1);
    expect(real.is_rehearsal).toBe(0);
    const staff = (await listRounds(f.services.db, f.seed.contestId)).map((r) => r.id);
    const publicIds = (await listPublicRounds(f.services.db, f.seed.contestId)).map((r) => r.id);
    expect(staff).toEqual(expect.arrayContaining([rehearsal.id, real.id]));
    expect(publicIds).toContain(real.id);
    expect(publicIds).not.toContain(rehearsal.id);
    expect(publicIds).toHaveLength(staff.length - 1);
  });
});
