import type { Db } from "../connection";
import type { Category, Contest, Unit } from "../schema";

/** The contest the home page shows: the most recently created. A platform usually hosts one at a time. */
export function findCurrentContest(db: Db): Promise<Contest | undefined> {
  return db.selectFrom("contests").selectAll().orderBy("id", "desc").limit(1).executeTakeFirst();
}

export function findContest(db: Db, id: number): Promise<Contest | undefined> {
  return db.selectFrom("contests").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listContests(db: Db): Promise<Contest[]> {
  return db.selectFrom("contests").selectAll().orderBy("id", "desc").execute();
}

export function listUnits(db: Db, contestId: number): Promise<Unit[]> {
  return db
    .selectFrom("units")
    .selectAll()
    .where("contest_id", "=", contestId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
}

export function listCategories(db: Db, contestId: number): Promise<Category[]> {
  return db
    .selectFrom("categories")
    .selectAll()
    .where("contest_id", "=", contestId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
}
