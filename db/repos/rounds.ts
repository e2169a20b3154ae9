import type { Db } from "../connection";
import type { Round } from "../schema";

export function listRounds(db: Db, contestId: number): Promise<Round[]> {
  return db
    .selectFrom("rounds")
    .selectAll()
    .where("contest_id", "=", contestId)
    .orderBy("opens_at")
    .orderBy("id")
    .execute();
}

export function findRound(db: Db, id: number): Promise<Round | undefined> {
  return db.selectFrom("rounds").selectAll().where("id", "=", id).executeTakeFirst();
}
