import type { Db } from "../connection";
import type { RoundRanking } from "../schema";

export interface RankingRowInput {
  attemptId: number;
  rank: number;
  score: number;
  predictionDistance: number | null;
  durationMs: number;
  submittedAt: string;
  prize: RoundRanking["prize"];
}

/** Replaces the round's stored official ranking and records when and with which perfect count. */
export async function storeOfficialRanking(
  db: Db,
  input: { roundId: number; perfectCount: number; rows: RankingRowInput[]; at: Date },
): Promise<void> {
  // The round's row first: on PostgreSQL its row lock makes two rankings of one round (two organizers,
  // two processes) take turns, as SQLite's single writer does, instead of colliding on the primary key.
  await db
    .updateTable("rounds")
    .set({ ranked_at: input.at.toISOString(), perfect_count: input.perfectCount })
    .where("id", "=", input.roundId)
    .execute();
  await db.deleteFrom("round_rankings").where("round_id", "=", input.roundId).execute();
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < input.rows.length; i += 500) {
    await db
      .insertInto("round_rankings")
      .values(
        input.rows.slice(i, i + 500).map((r) => ({
          round_id: input.roundId,
          attempt_id: r.attemptId,
          rank: r.rank,
          score: r.score,
          prediction_distance: r.predictionDistance,
          duration_ms: r.durationMs,
          submitted_at: r.submittedAt,
          prize: r.prize,
        })),
      )
      .execute();
  }
}

export interface StoredRankingRow extends RoundRanking {
  contestant_id: number;
  full_name: string;
  unit_id: number;
  unit_name: string;
  prediction: number | null;
}

export function listOfficialRanking(db: Db, roundId: number): Promise<StoredRankingRow[]> {
  return db
    .selectFrom("round_rankings")
    .innerJoin("attempts", "attempts.id", "round_rankings.attempt_id")
    .innerJoin("contestants", "contestants.id", "attempts.contestant_id")
    .innerJoin("units", "units.id", "contestants.unit_id")
    .selectAll("round_rankings")
    .select([
      "attempts.contestant_id",
      "attempts.prediction",
      "contestants.full_name",
      "contestants.unit_id",
      "units.name as unit_name",
    ])
    .where("round_rankings.round_id", "=", roundId)
    .orderBy("round_rankings.rank")
    .execute();
}

export async function setPublished(db: Db, roundId: number, at: Date | null): Promise<void> {
  await db
    .updateTable("rounds")
    .set({ published_at: at ? at.toISOString() : null })
    .where("id", "=", roundId)
    .execute();
}
