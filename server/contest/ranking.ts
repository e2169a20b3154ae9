/**
 * The official ranking of a round: computed at close from the stored attempts (pure rules in
 * app/rules/ranking.ts and prizes.ts), stored as a snapshot, published by an organizer. Computing it
 * again from the same attempts gives exactly the same rows (tests/integration/ranking.test.ts).
 */
import { officialRanking, liveRanking } from "~/rules/ranking";
import { allocatePrizes } from "~/rules/prizes";
import { listInProgressForRound, listSubmittedEntries, type SubmittedEntry } from "#db/repos/attempts";
import { setPublished, storeOfficialRanking, type RankingRowInput } from "#db/repos/rankings";
import { findRoundSettings } from "#db/repos/rounds";
import { recordAudit } from "#db/repos/audit";
import type { Db } from "#db/connection";
import type { Services } from "../services";
import { submitAttempt } from "./attempts";

/**
 * One entry per contestant: their best submitted attempt (by the live order) when a round allows
 * several. Disqualified contestants are left out of the official ranking and its prizes.
 */
export function bestEntries(entries: readonly SubmittedEntry[]): SubmittedEntry[] {
  const ordered = liveRanking(entries);
  const seen = new Set<number>();
  return ordered.filter((e) => (seen.has(e.contestantId) ? false : (seen.add(e.contestantId), true)));
}

export interface ComputedRanking {
  perfectCount: number;
  rows: RankingRowInput[];
}

/** The official ranking from the stored attempts, without writing anything. */
export async function computeOfficialRanking(db: Db, roundId: number): Promise<ComputedRanking> {
  const round = await findRoundSettings(db, roundId);
  if (!round) throw new Error(`round ${roundId} not found`);
  const eligible = bestEntries(await listSubmittedEntries(db, roundId)).filter(
    (e) => e.contestantStatus === "active",
  );
  const ranking = officialRanking(eligible);
  const prizes = allocatePrizes(ranking.rows, round.prizes);
  return {
    perfectCount: ranking.perfectCount,
    rows: ranking.rows.map((r) => ({
      attemptId: r.attemptId,
      rank: r.rank,
      score: r.score,
      predictionDistance: r.predictionDistance,
      durationMs: r.durationMs,
      submittedAt: r.submittedAt,
      prize: prizes.get(r.attemptId) ?? null,
    })),
  };
}

export type CloseResult =
  { ok: true; perfectCount: number; ranked: number } | { ok: false; code: "notFound" | "notOpenYet" };

/**
 * Closes the round (now, if it is still open), submits the attempts in progress with what was saved,
 * then computes and stores the official ranking. Called again before publishing, it recomputes.
 */
export async function closeRound(
  services: Services,
  input: { roundId: number; actorUserId: number | null },
): Promise<CloseResult> {
  const { db, clock, events } = services;
  const now = clock.now();
  const round = await findRoundSettings(db, input.roundId);
  if (!round) return { ok: false, code: "notFound" };
  if (now < round.opensAt) return { ok: false, code: "notOpenYet" };
  if (now < round.closesAt) {
    await db.updateTable("rounds").set({ closes_at: now.toISOString() }).where("id", "=", round.id).execute();
    // Attempts still running end now: their deadline can be no later than the round's close.
    await db
      .updateTable("attempts")
      .set({ deadline_at: now.toISOString() })
      .where("round_id", "=", round.id)
      .where("status", "=", "in_progress")
      .where("deadline_at", ">", now.toISOString())
      .execute();
  }
  for (const { id } of await listInProgressForRound(db, round.id)) {
    await submitAttempt(services, { attemptId: id, reason: "deadline" });
  }
  const computed = await db.transaction().execute(async (trx) => {
    const ranking = await computeOfficialRanking(trx, round.id);
    await storeOfficialRanking(trx, {
      roundId: round.id,
      perfectCount: ranking.perfectCount,
      rows: ranking.rows,
      at: now,
    });
    await recordAudit(trx, {
      actorUserId: input.actorUserId,
      action: "round.rank",
      entity: "round",
      entityId: round.id,
      details: {
        perfectCount: ranking.perfectCount,
        ranked: ranking.rows.length,
        closedEarly: now < round.closesAt,
      },
      now,
    });
    return ranking;
  });
  events.emit("roundRanked", { roundId: round.id });
  return { ok: true, perfectCount: computed.perfectCount, ranked: computed.rows.length };
}

export type PublishResult = { ok: true } | { ok: false; code: "notFound" | "notRanked" };

export async function publishRound(
  services: Services,
  input: { roundId: number; actorUserId: number | null },
): Promise<PublishResult> {
  const { db, clock, events } = services;
  const now = clock.now();
  const round = await findRoundSettings(db, input.roundId);
  if (!round) return { ok: false, code: "notFound" };
  if (!round.rankedAt) return { ok: false, code: "notRanked" };
  await db.transaction().execute(async (trx) => {
    await setPublished(trx, round.id, now);
    await recordAudit(trx, {
      actorUserId: input.actorUserId,
      action: "round.publish",
      entity: "round",
      entityId: round.id,
      now,
    });
  });
  events.emit("roundPublished", { roundId: round.id });
  return { ok: true };
}
