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

export interface ContestSettings {
  title: string;
  organizerName: string;
  description: string;
  dataNotice: string;
  cccdPolicy: Contest["cccd_policy"];
  minAge: number;
  maxAge: number;
}

/** Updates the contest's own settings; returns the names of the fields that changed (for the audit). */
export async function updateContestSettings(db: Db, id: number, next: ContestSettings): Promise<string[]> {
  const current = await findContest(db, id);
  if (!current) return [];
  const values = {
    title: next.title,
    organizer_name: next.organizerName,
    description: next.description,
    data_notice: next.dataNotice,
    cccd_policy: next.cccdPolicy,
    min_age: next.minAge,
    max_age: next.maxAge,
  };
  const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => current[k] !== values[k]);
  if (changed.length > 0) await db.updateTable("contests").set(values).where("id", "=", id).execute();
  return changed;
}
