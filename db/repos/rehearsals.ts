/**
 * Rehearsal rounds (thi thử của ban tổ chức, issue 11) and removing rounds: a rehearsal works like any
 * round but is never counted over the contest; its attempts can be wiped, and a round without attempts can
 * be deleted. Callers run these inside the transaction that writes the audit entry.
 */
import type { Db } from "../connection";
import { roundHasAttempts } from "./rounds";

export async function setRoundRehearsal(db: Db, roundId: number, rehearsal: boolean): Promise<boolean> {
  const result = await db
    .updateTable("rounds")
    .set({ is_rehearsal: rehearsal ? 1 : 0 })
    .where("id", "=", roundId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Ids of the contest's rehearsal rounds. */
export async function rehearsalRoundIds(db: Db, contestId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom("rounds")
    .select("id")
    .where("contest_id", "=", contestId)
    .where("is_rehearsal", "=", 1)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Removes every attempt of the round (answers and the official snapshot with them) and returns the round
 * to "not ranked, not published". Returns how many attempts were removed.
 */
export async function wipeRoundAttempts(db: Db, roundId: number): Promise<number> {
  await db.deleteFrom("round_rankings").where("round_id", "=", roundId).execute();
  const ids = db.selectFrom("attempts").select("id").where("round_id", "=", roundId);
  await db.deleteFrom("attempt_items").where("attempt_id", "in", ids).execute();
  const result = await db.deleteFrom("attempts").where("round_id", "=", roundId).executeTakeFirst();
  await db
    .updateTable("rounds")
    .set({ ranked_at: null, published_at: null, perfect_count: null })
    .where("id", "=", roundId)
    .execute();
  return Number(result.numDeletedRows);
}

export type DeleteRoundOutcome = "deleted" | "hasAttempts" | "notFound";

/** Deletes a round that nobody has started; a round with attempts must be wiped first (rehearsals only). */
export async function deleteRoundWithoutAttempts(db: Db, roundId: number): Promise<DeleteRoundOutcome> {
  if (await roundHasAttempts(db, roundId)) return "hasAttempts";
  await db.updateTable("screen_states").set({ round_id: null }).where("round_id", "=", roundId).execute();
  const result = await db.deleteFrom("rounds").where("id", "=", roundId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0 ? "deleted" : "notFound";
}
