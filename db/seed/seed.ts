/**
 * Fills an empty database with the demo contest: units, categories, the bundled question bank,
 * one round open now and one upcoming, and the admin account. Runs in one transaction: a failed
 * seed leaves the database empty, and the next start tries again.
 */
import type { QuestionDraft } from "~/rules/question";
import type { Db } from "../connection";
import { createUser } from "../repos/users";
import { ensureTopics, insertQuestion } from "../repos/questions";
import { seedDemoContestants } from "./demo-contestants";
import { BANK_TOPICS, DEMO_CATEGORIES, DEMO_CONTEST, DEMO_UNITS, type DemoUnit } from "./demo-contest";

export interface BankQuestion {
  key: string;
  draft: QuestionDraft;
}

export interface SeedInput {
  now: Date;
  adminPasswordHash: string;
  /** How the demo contestants' shared password is hashed: the server's `hashPassword`, given by the caller. */
  hashPassword: (password: string) => Promise<string>;
  bank: readonly BankQuestion[];
}

export interface SeedResult {
  contestId: number;
  openRoundId: number;
  upcomingRoundId: number;
  questions: number;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom("contests").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

export async function seedDemo(db: Db, input: SeedInput): Promise<SeedResult> {
  return db.transaction().execute(async (trx) => {
    const { now } = input;
    const at = now.toISOString();

    await createUser(trx, {
      role: "admin",
      username: "admin",
      displayName: "Quản trị viên",
      passwordHash: input.adminPasswordHash,
      now,
    });

    const contest = await trx
      .insertInto("contests")
      .values({
        slug: DEMO_CONTEST.slug,
        title: DEMO_CONTEST.title,
        organizer_name: DEMO_CONTEST.organizerName,
        description: DEMO_CONTEST.description,
        data_notice: DEMO_CONTEST.dataNotice,
        cccd_policy: "optional",
        min_age: 10,
        max_age: 100,
        practice_enabled: 1,
        reference_date: DEMO_CONTEST.referenceDate,
        created_at: at,
        is_demo: 1,
        starts_on: null,
        ends_on: null,
        closed_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    let order = 0;
    const insertUnit = async (unit: DemoUnit, parentId: number | null): Promise<void> => {
      const row = await trx
        .insertInto("units")
        .values({
          contest_id: contest.id,
          parent_id: parentId,
          name: unit.name,
          kind: unit.kind,
          expected_headcount: unit.expected,
          sort_order: ++order,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const child of unit.children ?? []) await insertUnit(child, row.id);
    };
    for (const unit of DEMO_UNITS) await insertUnit(unit, null);

    await trx
      .insertInto("categories")
      .values(DEMO_CATEGORIES.map((name, i) => ({ contest_id: contest.id, name, sort_order: i + 1 })))
      .execute();
    await seedDemoContestants(trx, { contestId: contest.id, now, hashPassword: input.hashPassword });

    const topics = await ensureTopics(trx, [...BANK_TOPICS, ...input.bank.map((q) => q.draft.topic)]);
    for (const q of input.bank) {
      await insertQuestion(trx, {
        draft: q.draft,
        topicId: topics.get(q.draft.topic)!.id,
        status: "approved",
        key: q.key,
        now,
      });
    }

    const roundDefaults = {
      contest_id: contest.id,
      duration_seconds: 15 * 60,
      draw_spec: JSON.stringify([
        { topicId: null, difficulty: "easy", count: 8 },
        { topicId: null, difficulty: "medium", count: 8 },
        { topicId: null, difficulty: "hard", count: 4 },
      ]),
      shuffle_questions: 1,
      shuffle_options: 1,
      prediction_enabled: 1,
      max_attempts: 1,
      eligible_categories: "[]",
      show_review_after_close: 1,
      board_policy: "live" as const,
      freeze_minutes: 0,
      points: JSON.stringify({ easy: 1, medium: 1, hard: 1 }),
      prizes: JSON.stringify({ first: 1, second: 2, third: 3, consolation: 5 }),
      ranked_at: null,
      published_at: null,
      perfect_count: null,
      created_at: at,
    };
    const open = await trx
      .insertInto("rounds")
      .values({
        ...roundDefaults,
        title: "Đợt 1: Chuyển đổi số – hiểu để làm",
        opens_at: new Date(now.getTime() - HOUR).toISOString(),
        closes_at: new Date(now.getTime() + 7 * DAY).toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const upcoming = await trx
      .insertInto("rounds")
      .values({
        ...roundDefaults,
        title: "Đợt 2: Dịch vụ công trực tuyến và an toàn thông tin",
        opens_at: new Date(now.getTime() + 7 * DAY).toISOString(),
        closes_at: new Date(now.getTime() + 14 * DAY).toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();

    return {
      contestId: contest.id,
      openRoundId: open.id,
      upcomingRoundId: upcoming.id,
      questions: input.bank.length,
    };
  });
}
