/**
 * Writing a round's settings from the organizer console, and what the console reads to check them:
 * the approved bank per topic × difficulty, and how many attempts each round has. The rules that decide
 * whether settings may be saved are in `app/rules/round-settings.ts`; the caller runs them first and
 * writes the audit entry in the same transaction.
 */
import type { PoolCount } from "~/rules/draw";
import { DIFFICULTIES } from "~/rules/question";
import type { RoundSettingsInput } from "~/rules/round-settings";
import type { Db } from "../connection";
import type { Round, RoundsTable } from "../schema";
import type { RoundSettings } from "./rounds";

/**
 * What the approved bank holds per topic and difficulty: the pool every round draws from. With a
 * reference date (YYYY-MM-DD), only the questions whose key is true on that date count (issue 12).
 */
export async function approvedPoolCounts(db: Db, referenceDate?: string): Promise<PoolCount[]> {
  let query = db
    .selectFrom("questions")
    .innerJoin("question_versions", "question_versions.id", "questions.current_version_id")
    .select(["questions.topic_id", "questions.difficulty", (eb) => eb.fn.countAll<number | bigint>().as("n")])
    .where("questions.status", "=", "approved");
  if (referenceDate)
    query = query
      .where((eb) =>
        eb.or([
          eb("question_versions.valid_from", "is", null),
          eb("question_versions.valid_from", "<=", referenceDate),
        ]),
      )
      .where((eb) =>
        eb.or([
          eb("question_versions.valid_until", "is", null),
          eb("question_versions.valid_until", ">", referenceDate),
        ]),
      );
  const rows = await query
    .groupBy(["questions.topic_id", "questions.difficulty"])
    .orderBy("questions.topic_id")
    .orderBy("questions.difficulty")
    .execute();
  return rows
    .filter((row) => (DIFFICULTIES as readonly string[]).includes(row.difficulty))
    .map((row) => ({ topicId: row.topic_id, difficulty: row.difficulty, count: Number(row.n) }));
}

type SettingsColumns = Omit<
  RoundsTable,
  | "id"
  | "contest_id"
  | "created_at"
  | "ranked_at"
  | "published_at"
  | "perfect_count"
  | "is_rehearsal"
  | "kind"
>;

/** The settings as the columns of `rounds` store them (JSON text, 0/1 flags, UTC ISO times). */
export function roundColumns(settings: RoundSettingsInput): SettingsColumns {
  return {
    title: settings.title,
    opens_at: settings.opensAt.toISOString(),
    closes_at: settings.closesAt.toISOString(),
    duration_seconds: settings.durationMinutes * 60,
    draw_spec: JSON.stringify(
      settings.drawSpec.map((line) => ({
        topicId: line.topicId,
        difficulty: line.difficulty,
        count: line.count,
      })),
    ),
    shuffle_questions: settings.shuffleQuestions ? 1 : 0,
    shuffle_options: settings.shuffleOptions ? 1 : 0,
    prediction_enabled: settings.predictionEnabled ? 1 : 0,
    max_attempts: settings.maxAttempts,
    eligible_categories: JSON.stringify([...settings.eligibleCategories].sort((a, b) => a - b)),
    show_review_after_close: settings.showReviewAfterClose ? 1 : 0,
    board_policy: settings.boardPolicy,
    freeze_minutes: settings.boardPolicy === "frozen" ? settings.freezeMinutes : 0,
    points: JSON.stringify({
      easy: settings.points.easy,
      medium: settings.points.medium,
      hard: settings.points.hard,
    }),
    prizes: JSON.stringify({
      first: settings.prizes.first,
      second: settings.prizes.second,
      third: settings.prizes.third,
      consolation: settings.prizes.consolation,
    }),
  };
}

/** A stored round back in the form's terms (the time allowed in whole minutes). */
export function roundSettingsInput(settings: RoundSettings): RoundSettingsInput {
  return {
    title: settings.title,
    opensAt: settings.opensAt,
    closesAt: settings.closesAt,
    durationMinutes: Math.max(1, Math.round(settings.durationSeconds / 60)),
    drawSpec: settings.drawSpec,
    shuffleQuestions: settings.shuffleQuestions,
    shuffleOptions: settings.shuffleOptions,
    predictionEnabled: settings.predictionEnabled,
    maxAttempts: settings.maxAttempts,
    eligibleCategories: settings.eligibleCategories,
    showReviewAfterClose: settings.showReviewAfterClose,
    boardPolicy: settings.boardPolicy,
    freezeMinutes: settings.freezeMinutes,
    points: settings.points,
    prizes: settings.prizes,
  };
}

export interface CreateRoundInput {
  contestId: number;
  settings: RoundSettingsInput;
  now: Date;
  /** The organizers' rehearsal (issue 11), chosen when the round is written; false when absent. */
  rehearsal?: boolean;
}

export function createRound(db: Db, input: CreateRoundInput): Promise<Round> {
  return db
    .insertInto("rounds")
    .values({
      ...roundColumns(input.settings),
      contest_id: input.contestId,
      ranked_at: null,
      published_at: null,
      perfect_count: null,
      is_rehearsal: input.rehearsal === true ? 1 : 0,
      created_at: input.now.toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Replaces the round's settings. The ranking state (ranked_at, published_at, perfect_count) is left
 * alone: recomputing the ranking is the organizer's separate action. Undefined when there is no such round.
 */
export function updateRound(
  db: Db,
  roundId: number,
  settings: RoundSettingsInput,
): Promise<Round | undefined> {
  return db
    .updateTable("rounds")
    .set(roundColumns(settings))
    .where("id", "=", roundId)
    .returningAll()
    .executeTakeFirst();
}

/** Turns practice (thi thử) on or off for the contest. False when there is no such contest. */
export async function setPracticeEnabled(db: Db, contestId: number, enabled: boolean): Promise<boolean> {
  const result = await db
    .updateTable("contests")
    .set({ practice_enabled: enabled ? 1 : 0 })
    .where("id", "=", contestId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface RoundAttemptCounts {
  roundId: number;
  /** Ranked attempts begun, whatever their state. */
  started: number;
  /** Ranked attempts handed in (by the contestant or at the deadline). */
  submitted: number;
}

/** Ranked attempts per round of the contest; practice attempts are not counted. */
export async function roundAttemptCounts(
  db: Db,
  contestId: number,
): Promise<Map<number, RoundAttemptCounts>> {
  const rows = await db
    .selectFrom("attempts")
    .innerJoin("rounds", "rounds.id", "attempts.round_id")
    .select((eb) => [
      "attempts.round_id as roundId",
      eb.fn.countAll<number | bigint>().as("started"),
      eb.fn
        .sum<number | bigint | null>(
          eb.case().when("attempts.status", "=", "submitted").then(1).else(0).end(),
        )
        .as("submitted"),
    ])
    .where("rounds.contest_id", "=", contestId)
    .where("attempts.is_practice", "=", 0)
    .groupBy("attempts.round_id")
    .execute();
  const counts = new Map<number, RoundAttemptCounts>();
  for (const row of rows) {
    if (row.roundId === null) continue;
    counts.set(row.roundId, {
      roundId: row.roundId,
      started: Number(row.started),
      submitted: Number(row.submitted ?? 0),
    });
  }
  return counts;
}
