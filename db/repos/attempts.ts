/**
 * Attempts and their items. An item records which question version the contestant saw, the order
 * its options were shown in, and what was chosen (as original option indexes).
 */
import { CompiledQuery } from "kysely";
import type { Difficulty, QuestionType } from "~/rules/question";
import { isPostgres, type Db } from "../connection";
import type { Attempt } from "../schema";

export interface NewAttemptItem {
  questionVersionId: number;
  optionOrder: number[];
}

export interface NewAttempt {
  roundId: number | null;
  contestantId: number;
  isPractice: boolean;
  attemptNo: number;
  seed: number;
  startedAt: Date;
  deadlineAt: Date;
  items: NewAttemptItem[];
}

export async function insertAttempt(db: Db, input: NewAttempt): Promise<number> {
  const attempt = await db
    .insertInto("attempts")
    .values({
      round_id: input.roundId,
      contestant_id: input.contestantId,
      is_practice: input.isPractice ? 1 : 0,
      attempt_no: input.attemptNo,
      status: "in_progress",
      seed: input.seed,
      started_at: input.startedAt.toISOString(),
      deadline_at: input.deadlineAt.toISOString(),
      submitted_at: null,
      submit_reason: null,
      prediction: null,
      score: null,
      correct_count: null,
      all_correct: null,
      duration_ms: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (input.items.length > 0) {
    await db
      .insertInto("attempt_items")
      .values(
        input.items.map((item, position) => ({
          attempt_id: attempt.id,
          position,
          question_version_id: item.questionVersionId,
          option_order: JSON.stringify(item.optionOrder),
          chosen: null,
          answered_at: null,
          marked: 0,
          is_correct: null,
          points: null,
        })),
      )
      .execute();
  }
  return attempt.id;
}

export function findAttempt(db: Db, id: number): Promise<Attempt | undefined> {
  return db.selectFrom("attempts").selectAll().where("id", "=", id).executeTakeFirst();
}

export function listRankedAttempts(db: Db, roundId: number, contestantId: number): Promise<Attempt[]> {
  return db
    .selectFrom("attempts")
    .selectAll()
    .where("round_id", "=", roundId)
    .where("contestant_id", "=", contestantId)
    .where("is_practice", "=", 0)
    .orderBy("attempt_no")
    .execute();
}

export function findOpenPracticeAttempt(db: Db, contestantId: number): Promise<Attempt | undefined> {
  return db
    .selectFrom("attempts")
    .selectAll()
    .where("contestant_id", "=", contestantId)
    .where("is_practice", "=", 1)
    .where("status", "=", "in_progress")
    .orderBy("id", "desc")
    .executeTakeFirst();
}

export async function countPracticeAttempts(db: Db, contestantId: number): Promise<number> {
  const row = await db
    .selectFrom("attempts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("contestant_id", "=", contestantId)
    .where("is_practice", "=", 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One item with the question version it shows: everything the server needs, key included. */
export interface ItemWithQuestion {
  position: number;
  questionVersionId: number;
  questionId: number;
  text: string;
  type: QuestionType;
  difficulty: Difficulty;
  /** In original order. */
  options: string[];
  /** Original indexes: the answer key. Never sent to a browser before the round allows it. */
  correct: number[];
  explanation: string;
  sourceDocument: string;
  /** optionOrder[displayIndex] = original index. */
  optionOrder: number[];
  /** Original indexes, or null when unanswered. */
  chosen: number[] | null;
  answeredAt: string | null;
  marked: boolean;
  isCorrect: boolean | null;
}

export async function listItems(db: Db, attemptId: number): Promise<ItemWithQuestion[]> {
  const rows = await db
    .selectFrom("attempt_items")
    .innerJoin("question_versions", "question_versions.id", "attempt_items.question_version_id")
    .innerJoin("questions", "questions.id", "question_versions.question_id")
    .select([
      "attempt_items.position",
      "attempt_items.question_version_id",
      "attempt_items.option_order",
      "attempt_items.chosen",
      "attempt_items.answered_at",
      "attempt_items.marked",
      "attempt_items.is_correct",
      "question_versions.question_id",
      "question_versions.text",
      "question_versions.options",
      "question_versions.correct",
      "question_versions.explanation",
      "question_versions.source_document",
      "questions.type",
      "questions.difficulty",
    ])
    .where("attempt_items.attempt_id", "=", attemptId)
    .orderBy("attempt_items.position")
    .execute();
  return rows.map((r) => ({
    position: r.position,
    questionVersionId: r.question_version_id,
    questionId: r.question_id,
    text: r.text,
    type: r.type,
    difficulty: r.difficulty,
    options: JSON.parse(r.options) as string[],
    correct: JSON.parse(r.correct) as number[],
    explanation: r.explanation,
    sourceDocument: r.source_document,
    optionOrder: JSON.parse(r.option_order) as number[],
    chosen: r.chosen === null ? null : (JSON.parse(r.chosen) as number[]),
    answeredAt: r.answered_at,
    marked: r.marked === 1,
    isCorrect: r.is_correct === null ? null : r.is_correct === 1,
  }));
}

/**
 * On PostgreSQL, a change to an attempt's items holds a share lock on the attempt's row while it checks
 * that the attempt is still in progress, and a submission holds an update lock on it (`lockAttempt`)
 * while it reads and scores the items: so an answer is either saved before the submission reads the
 * items (and scored), or refused — never acknowledged and then left out. SQLite runs one writer at a time
 * and needs no lock clause (it has none).
 */
function inProgress(db: Db, attemptId: number) {
  const q = db
    .selectFrom("attempts")
    .select("attempts.id")
    .where("attempts.id", "=", attemptId)
    .where("attempts.status", "=", "in_progress");
  return isPostgres(db) ? q.forShare() : q;
}

/** Takes the attempt's row lock for the rest of the transaction (PostgreSQL; SQLite's write lock is enough). */
export async function lockAttempt(db: Db, attemptId: number): Promise<void> {
  if (!isPostgres(db)) return;
  await db.selectFrom("attempts").select("id").where("id", "=", attemptId).forUpdate().execute();
}

export async function saveChoice(
  db: Db,
  input: { attemptId: number; position: number; chosen: number[] | null; at: Date },
): Promise<boolean> {
  const result = await db
    .updateTable("attempt_items")
    .set({
      chosen: input.chosen === null ? null : JSON.stringify(input.chosen),
      answered_at: input.at.toISOString(),
    })
    .where("attempt_id", "=", input.attemptId)
    .where("position", "=", input.position)
    // In the same statement, so a submission can never be followed by a change it did not score.
    .where((eb) => eb.exists(inProgress(db, input.attemptId)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** What answering needs of an item, without the question's text: frozen when the attempt starts. */
export interface ItemShape {
  position: number;
  /** optionOrder[displayIndex] = original index. */
  optionOrder: number[];
  type: QuestionType;
}

export async function listItemShapes(db: Db, attemptId: number): Promise<ItemShape[]> {
  const rows = await db
    .selectFrom("attempt_items")
    .innerJoin("question_versions", "question_versions.id", "attempt_items.question_version_id")
    .innerJoin("questions", "questions.id", "question_versions.question_id")
    .select(["attempt_items.position", "attempt_items.option_order", "questions.type"])
    .where("attempt_items.attempt_id", "=", attemptId)
    .orderBy("attempt_items.position")
    .execute();
  return rows.map((r) => ({
    position: r.position,
    optionOrder: JSON.parse(r.option_order) as number[],
    type: r.type,
  }));
}

/** A query compiled once per database handle, its parameters put in place for each run. */
interface Compiled {
  query: CompiledQuery;
  /** For each parameter of the compiled query: the index of the value to put there, or -1 to keep it. */
  slots: number[];
}

const compiledAnswer = new WeakMap<Db, Compiled>();

/** Distinct placeholders that let the compiled query tell where each value goes. */
const slot = (i: number) => `\u0000slot${i}\u0000`;

function compileAnswer(db: Db): Compiled {
  const at = (i: number) => slot(i) as unknown as number;
  const query = db
    .updateTable("attempt_items")
    .set({ chosen: slot(0), answered_at: slot(1) })
    .where("attempt_id", "=", at(2))
    .where("position", "=", at(3))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("attempts")
          .select("attempts.id")
          .where("attempts.id", "=", at(2))
          .where("attempts.status", "=", "in_progress")
          .where("attempts.deadline_at", ">=", slot(4)),
      ),
    )
    .compile();
  const slots = query.parameters.map((p) =>
    typeof p === "string" && p.startsWith("\u0000slot") ? Number(p.slice(5, -1)) : -1,
  );
  return { query, slots };
}

/**
 * The answer path's save, in one statement: the choice is written only while the attempt is in
 * progress and its deadline is at or after `acceptFrom` (the answer path passes now; an answer in the
 * grace period takes the full path, which stores it at the deadline), so a submission or the
 * deadline can never be followed by a change, whatever a caller remembers about the attempt. The query
 * is built and compiled once per database handle (portable SQL from Kysely's own compiler, whatever
 * the dialect); only the values change. Returns whether the row was saved.
 */
export async function saveChoiceInTime(
  db: Db,
  input: { attemptId: number; position: number; chosen: number[] | null; at: Date; acceptFrom: Date },
): Promise<boolean> {
  let compiled = compiledAnswer.get(db);
  if (!compiled) {
    compiled = compileAnswer(db);
    compiledAnswer.set(db, compiled);
  }
  const values = [
    input.chosen === null ? null : JSON.stringify(input.chosen),
    input.at.toISOString(),
    input.attemptId,
    input.position,
    input.acceptFrom.toISOString(),
  ];
  const { query, slots } = compiled;
  const parameters = query.parameters.map((p, i) => (slots[i] < 0 ? p : values[slots[i]]));
  const result = await db.executeQuery(CompiledQuery.raw(query.sql, parameters));
  return Number(result.numAffectedRows ?? 0) === 1;
}

export async function saveMark(
  db: Db,
  attemptId: number,
  position: number,
  marked: boolean,
): Promise<boolean> {
  const result = await db
    .updateTable("attempt_items")
    .set({ marked: marked ? 1 : 0 })
    .where("attempt_id", "=", attemptId)
    .where("position", "=", position)
    .where((eb) => eb.exists(inProgress(db, attemptId)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function savePrediction(db: Db, attemptId: number, prediction: number | null): Promise<boolean> {
  const result = await db
    .updateTable("attempts")
    .set({ prediction })
    .where("id", "=", attemptId)
    .where("status", "=", "in_progress")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface SubmissionRecord {
  attemptId: number;
  submittedAt: Date;
  reason: "manual" | "deadline";
  score: number;
  correctCount: number;
  allCorrect: boolean;
  durationMs: number;
  items: { position: number; isCorrect: boolean; points: number }[];
}

/**
 * Marks the attempt submitted — only if it is still in progress, so that of two submissions racing
 * (two tabs, or a tab and the deadline sweeper) exactly one wins. Returns whether this one did.
 */
export async function recordSubmission(db: Db, s: SubmissionRecord): Promise<boolean> {
  const result = await db
    .updateTable("attempts")
    .set({
      status: "submitted",
      submitted_at: s.submittedAt.toISOString(),
      submit_reason: s.reason,
      score: s.score,
      correct_count: s.correctCount,
      all_correct: s.allCorrect ? 1 : 0,
      duration_ms: s.durationMs,
    })
    .where("id", "=", s.attemptId)
    .where("status", "=", "in_progress")
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  for (const item of s.items) {
    await db
      .updateTable("attempt_items")
      .set({ is_correct: item.isCorrect ? 1 : 0, points: item.points })
      .where("attempt_id", "=", s.attemptId)
      .where("position", "=", item.position)
      .execute();
  }
  return true;
}

/** Attempts still in progress whose deadline (plus grace) has passed: the sweeper submits them. */
export function listOverdueAttempts(db: Db, before: Date, limit = 200): Promise<Pick<Attempt, "id">[]> {
  return db
    .selectFrom("attempts")
    .select("id")
    .where("status", "=", "in_progress")
    .where("deadline_at", "<", before.toISOString())
    .orderBy("deadline_at")
    .limit(limit)
    .execute();
}

export function listInProgressForRound(db: Db, roundId: number): Promise<Pick<Attempt, "id">[]> {
  return db
    .selectFrom("attempts")
    .select("id")
    .where("round_id", "=", roundId)
    .where("status", "=", "in_progress")
    .execute();
}

/** The submitted ranked attempts of a round, with what ranking and boards need. */
export interface SubmittedEntry {
  attemptId: number;
  contestantId: number;
  score: number;
  durationMs: number;
  submittedAt: string;
  prediction: number | null;
  allCorrect: boolean;
  contestantStatus: "active" | "disqualified";
  fullName: string;
  unitId: number;
}

export async function listSubmittedEntries(db: Db, roundId: number): Promise<SubmittedEntry[]> {
  const rows = await db
    .selectFrom("attempts")
    .innerJoin("contestants", "contestants.id", "attempts.contestant_id")
    .select([
      "attempts.id",
      "attempts.contestant_id",
      "attempts.score",
      "attempts.duration_ms",
      "attempts.submitted_at",
      "attempts.prediction",
      "attempts.all_correct",
      "contestants.status",
      "contestants.full_name",
      "contestants.unit_id",
    ])
    .where("attempts.round_id", "=", roundId)
    .where("attempts.is_practice", "=", 0)
    .where("attempts.status", "=", "submitted")
    .execute();
  return rows.map((r) => ({
    attemptId: r.id,
    contestantId: r.contestant_id,
    score: r.score ?? 0,
    durationMs: r.duration_ms ?? 0,
    submittedAt: r.submitted_at ?? "",
    prediction: r.prediction,
    allCorrect: r.all_correct === 1,
    contestantStatus: r.status,
    fullName: r.full_name,
    unitId: r.unit_id,
  }));
}
