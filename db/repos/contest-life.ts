/**
 * A contest's life (issue 11): a real installation's first contest, next year's contest, and closing the
 * previous one. A closed contest stays readable (results, exports, winners) and takes no registrations;
 * the home page shows the newest. Contestants belong to their contest and are never carried over.
 */
import type { Db } from "../connection";
import type { CccdPolicy } from "../schema";
import { ensureTopics, insertQuestion } from "./questions";
import type { QuestionDraft } from "~/rules/question";

/** The categories (đối tượng) a new contest starts with; the organizer edits them in the console. */
export const DEFAULT_CATEGORIES = [
  "Cán bộ",
  "Công chức",
  "Viên chức",
  "Đoàn viên, thanh niên",
  "Học sinh",
  "Người lao động",
  "Người dân",
] as const;

export interface NewContestInput {
  title: string;
  organizerName: string;
  description: string;
  dataNotice: string;
  startsOn: string | null;
  endsOn: string | null;
  /** The day questions must be true on (issue 12); null: the first round's opening day. */
  referenceDate: string | null;
  cccdPolicy: CccdPolicy;
  minAge: number;
  maxAge: number;
  now: Date;
}

function slugOf(title: string, now: Date): string {
  const base = title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `${base || "hoi-thi"}-${now.getTime().toString(36)}`;
}

/** Creates a contest with the default categories, or the previous contest's when given. */
export async function createContest(
  db: Db,
  input: NewContestInput,
  copy: { categoriesFrom?: number; unitsFrom?: number } = {},
): Promise<number> {
  const at = input.now.toISOString();
  const contest = await db
    .insertInto("contests")
    .values({
      slug: slugOf(input.title, input.now),
      title: input.title,
      organizer_name: input.organizerName,
      description: input.description,
      data_notice: input.dataNotice,
      cccd_policy: input.cccdPolicy,
      min_age: input.minAge,
      max_age: input.maxAge,
      practice_enabled: 1,
      created_at: at,
      is_demo: 0,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      reference_date: input.referenceDate,
      closed_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const previousCategories = copy.categoriesFrom
    ? await db
        .selectFrom("categories")
        .select("name")
        .where("contest_id", "=", copy.categoriesFrom)
        .orderBy("sort_order")
        .execute()
    : [];
  const names =
    previousCategories.length > 0 ? previousCategories.map((c) => c.name) : [...DEFAULT_CATEGORIES];
  await db
    .insertInto("categories")
    .values(names.map((name, i) => ({ contest_id: contest.id, name, sort_order: i + 1 })))
    .execute();
  if (copy.unitsFrom) await copyUnits(db, copy.unitsFrom, contest.id);
  return contest.id;
}

/** The unit tree (names, kinds, expected headcounts), not the people in it. */
async function copyUnits(db: Db, fromContestId: number, toContestId: number): Promise<void> {
  const units = await db
    .selectFrom("units")
    .selectAll()
    .where("contest_id", "=", fromContestId)
    .orderBy("parent_id")
    .orderBy("sort_order")
    .execute();
  const newIds = new Map<number, number>();
  // Parents before children: repeat until every unit found its parent (trees are shallow).
  let pending = units;
  for (let pass = 0; pending.length > 0 && pass < 10; pass++) {
    const later: typeof units = [];
    for (const u of pending) {
      if (u.parent_id !== null && !newIds.has(u.parent_id)) {
        later.push(u);
        continue;
      }
      const row = await db
        .insertInto("units")
        .values({
          contest_id: toContestId,
          parent_id: u.parent_id === null ? null : newIds.get(u.parent_id)!,
          name: u.name,
          kind: u.kind,
          expected_headcount: u.expected_headcount,
          sort_order: u.sort_order,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      newIds.set(u.id, row.id);
    }
    pending = later;
  }
}

/** Closes every open contest but the given one: they stay readable and take no more registrations. */
export async function closeOtherContests(db: Db, keepId: number, now: Date): Promise<number[]> {
  const open = await db
    .selectFrom("contests")
    .select("id")
    .where("id", "!=", keepId)
    .where("closed_at", "is", null)
    .execute();
  if (open.length > 0)
    await db
      .updateTable("contests")
      .set({ closed_at: now.toISOString() })
      .where(
        "id",
        "in",
        open.map((c) => c.id),
      )
      .execute();
  return open.map((c) => c.id);
}

/** Is there a demo contest in this database (then every page says so)? */
export async function hasDemoContest(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("contests")
    .select("id")
    .where("is_demo", "=", 1)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Is anything installed yet (a contest or a staff account)? The first-run page only works before. */
export async function isInstalled(db: Db): Promise<boolean> {
  const contest = await db.selectFrom("contests").select("id").limit(1).executeTakeFirst();
  const staff = await db
    .selectFrom("users")
    .select("id")
    .where("role", "=", "admin")
    .limit(1)
    .executeTakeFirst();
  return contest !== undefined || staff !== undefined;
}

/** Loads the bundled, sourced question bank into a real installation (approved, as the demo does). */
export async function loadBankInto(
  db: Db,
  bank: readonly { key: string; draft: QuestionDraft }[],
  topicsInOrder: readonly string[],
  now: Date,
): Promise<number> {
  const topics = await ensureTopics(db, [...topicsInOrder, ...bank.map((q) => q.draft.topic)]);
  let n = 0;
  for (const q of bank) {
    const existing = await db
      .selectFrom("questions")
      .select("id")
      .where("key", "=", q.key)
      .executeTakeFirst();
    if (existing) continue;
    await insertQuestion(db, {
      draft: q.draft,
      topicId: topics.get(q.draft.topic)!.id,
      status: "approved",
      key: q.key,
      now,
    });
    n++;
  }
  return n;
}
