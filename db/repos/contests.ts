import { VN_UTC_OFFSET_MS } from "~/rules/vn-time";
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
  referenceDate: string | null;
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
    reference_date: next.referenceDate,
    min_age: next.minAge,
    max_age: next.maxAge,
  };
  const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => current[k] !== values[k]);
  if (changed.length > 0) await db.updateTable("contests").set(values).where("id", "=", id).execute();
  return changed;
}

/**
 * The date the draw checks validity against (issue 12): the contest's reference date, or else the
 * Vietnamese calendar date its first round opens, or else today in Vietnam (a contest with no round yet).
 */
export async function contestReferenceDate(db: Db, contestId: number, now: Date): Promise<string> {
  const contest = await db
    .selectFrom("contests")
    .select("reference_date")
    .where("id", "=", contestId)
    .executeTakeFirst();
  if (contest?.reference_date) return contest.reference_date;
  const first = await db
    .selectFrom("rounds")
    .select("opens_at")
    .where("contest_id", "=", contestId)
    .orderBy("opens_at")
    .limit(1)
    .executeTakeFirst();
  return vnIsoDate(first ? new Date(first.opens_at) : now);
}

/** YYYY-MM-DD of the day it is in Vietnam at `date`. */
export function vnIsoDate(date: Date): string {
  return new Date(date.getTime() + VN_UTC_OFFSET_MS).toISOString().slice(0, 10);
}
