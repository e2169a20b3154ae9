/**
 * Test set-up that would take many clicks otherwise: accounts written straight into the server's
 * database file (SQLite allows a second connection). Only set-up goes this way; what a test checks
 * always goes through the browser.
 */
import fs from "node:fs";
import { openDatabase, type Db } from "#db/connection";
import { createUser } from "#db/repos/users";
import { hashPassword } from "#server/security/password";
import { E2E_STATE_FILE } from "./env";

/** The shared server's database, or the database file of a server a test started itself. */
export function e2eDatabase(databaseFile?: string): Db {
  const file =
    databaseFile ??
    (JSON.parse(fs.readFileSync(E2E_STATE_FILE, "utf8")) as { databaseFile: string }).databaseFile;
  return openDatabase({ kind: "sqlite", file });
}

let counter = 0;
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${(counter++).toString(36)}`;
}

export async function createStaffAccount(
  role: "organizer" | "judge",
  password: string,
  databaseFile?: string,
): Promise<string> {
  const db = e2eDatabase(databaseFile);
  try {
    const username = `${role}.${uniqueSuffix()}`;
    await createUser(db, {
      role,
      username,
      displayName: `Cán bộ ${role}`,
      passwordHash: await hashPassword(password),
      now: new Date(),
    });
    return username;
  } finally {
    await db.destroy();
  }
}

/** A registered contestant of the demo contest, returning the phone number to log in with. */
export async function createContestantAccount(password: string): Promise<string> {
  const db = e2eDatabase();
  try {
    const contest = await db.selectFrom("contests").select("id").orderBy("id").executeTakeFirstOrThrow();
    const unit = await db
      .selectFrom("units")
      .select("id")
      .where("contest_id", "=", contest.id)
      .executeTakeFirstOrThrow();
    const category = await db
      .selectFrom("categories")
      .select("id")
      .where("contest_id", "=", contest.id)
      .executeTakeFirstOrThrow();
    const phone = `09${String(Date.now() % 100_000_000).padStart(8, "0")}`;
    const now = new Date().toISOString();
    const user = await createUser(db, {
      role: "contestant",
      username: null,
      displayName: "Trần Thị Bích",
      passwordHash: await hashPassword(password),
      now: new Date(),
    });
    await db
      .insertInto("contestants")
      .values({
        user_id: user.id,
        contest_id: contest.id,
        full_name: "Trần Thị Bích",
        name_folded: "tran thi bich",
        birth_date: "1995-04-12",
        gender: "female",
        phone,
        cccd: null,
        unit_id: unit.id,
        category_id: category.id,
        is_staff_member: 0,
        status: "active",
        status_reason: null,
        consent_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return phone;
  } finally {
    await db.destroy();
  }
}

/** A round of the demo contest for one test alone, so closing it touches no other test. */
export async function createRound(input: {
  title: string;
  durationSeconds: number;
  questionCount?: number;
  opensInMinutes?: number;
  closesInMinutes: number;
  /** Draw only from this topic (by name), in the bank's order; otherwise any topic, shuffled. */
  topic?: string;
}): Promise<number> {
  const db = e2eDatabase();
  try {
    const contest = await db.selectFrom("contests").select("id").orderBy("id").executeTakeFirstOrThrow();
    const topicId = input.topic
      ? (await db.selectFrom("topics").select("id").where("name", "=", input.topic).executeTakeFirstOrThrow())
          .id
      : null;
    const now = Date.now();
    const row = await db
      .insertInto("rounds")
      .values({
        contest_id: contest.id,
        title: input.title,
        opens_at: new Date(now + (input.opensInMinutes ?? -1) * 60_000).toISOString(),
        closes_at: new Date(now + input.closesInMinutes * 60_000).toISOString(),
        duration_seconds: input.durationSeconds,
        draw_spec: JSON.stringify([{ topicId, difficulty: null, count: input.questionCount ?? 5 }]),
        shuffle_questions: topicId === null ? 1 : 0,
        shuffle_options: 1,
        prediction_enabled: topicId === null ? 1 : 0,
        max_attempts: 1,
        eligible_categories: "[]",
        show_review_after_close: 1,
        board_policy: "live",
        freeze_minutes: 0,
        points: JSON.stringify({ easy: 1, medium: 1, hard: 1 }),
        prizes: JSON.stringify({ first: 1, second: 1, third: 1, consolation: 1 }),
        ranked_at: null,
        published_at: null,
        perfect_count: null,
        created_at: new Date(now).toISOString(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  } finally {
    await db.destroy();
  }
}

export async function attemptStatus(
  attemptId: number,
): Promise<{ status: string; submit_reason: string | null }> {
  const db = e2eDatabase();
  try {
    return await db
      .selectFrom("attempts")
      .select(["status", "submit_reason"])
      .where("id", "=", attemptId)
      .executeTakeFirstOrThrow();
  } finally {
    await db.destroy();
  }
}
