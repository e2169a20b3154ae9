/**
 * The live final's aggregate (issue 14): the round of kind "live", its settings and state
 * (`live_finals`), its questions, players and answers. The state is written on every transition so a
 * restart resumes the same question with the same deadline.
 */
import { z } from "zod";
import type { Db } from "../connection";
import type { LiveFinalsTable } from "../schema";
import { picturesOfVersions } from "./question-pictures";

export interface NewLiveFinal {
  contestId: number;
  title: string;
  joinCode: string;
  secondsPerQuestion: number;
  basePoints: number;
  speedBonus: boolean;
  speedBonusPoints: number;
  /** JSON of a LiveEligibility (parsed by the caller). */
  eligibility: string;
  predictionEnabled: boolean;
  prizes: { first: number; second: number; third: number; consolation: number };
  questionVersionIds: readonly number[];
  now: Date;
}

/** Creates the round (kind "live") and its final; returns the round id. Call inside a transaction. */
export async function insertLiveFinal(db: Db, input: NewLiveFinal): Promise<number> {
  const at = input.now.toISOString();
  const count = input.questionVersionIds.length;
  const { id } = await db
    .insertInto("rounds")
    .values({
      contest_id: input.contestId,
      title: input.title,
      kind: "live",
      // The window is the evening of the final; the online pages treat it as closed for attempts
      // (max_attempts 0): a live final is only ever played through the stage.
      opens_at: at,
      closes_at: new Date(input.now.getTime() + 12 * 3600_000).toISOString(),
      duration_seconds: count * input.secondsPerQuestion,
      draw_spec: JSON.stringify([{ topicId: null, difficulty: null, count: Math.max(1, count) }]),
      shuffle_questions: 0,
      shuffle_options: 0,
      prediction_enabled: input.predictionEnabled ? 1 : 0,
      max_attempts: 0,
      eligible_categories: "[]",
      show_review_after_close: 1,
      board_policy: "live",
      freeze_minutes: 0,
      points: JSON.stringify({ easy: input.basePoints, medium: input.basePoints, hard: input.basePoints }),
      prizes: JSON.stringify(input.prizes),
      ranked_at: null,
      published_at: null,
      perfect_count: null,
      created_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("live_finals")
    .values({
      round_id: id,
      join_code: input.joinCode,
      seconds_per_question: input.secondsPerQuestion,
      base_points: input.basePoints,
      speed_bonus: input.speedBonus ? 1 : 0,
      speed_bonus_points: input.speedBonusPoints,
      eligibility: input.eligibility,
      phase: "lobby",
      position: -1,
      question_started_at: null,
      deadline_at: null,
      paused_remaining_ms: null,
      version: 0,
      updated_at: at,
    })
    .execute();
  if (count > 0) {
    await db
      .insertInto("live_questions")
      .values(
        input.questionVersionIds.map((versionId, position) => ({
          round_id: id,
          position,
          question_version_id: versionId,
          skipped: 0,
          opened_at: null,
          revealed_at: null,
        })),
      )
      .execute();
  }
  return id;
}

export type LiveFinalRow = LiveFinalsTable & {
  title: string;
  contest_id: number;
  prizes: string;
  prediction_enabled: number;
};

export function findLiveFinal(db: Db, roundId: number): Promise<LiveFinalRow | undefined> {
  return db
    .selectFrom("live_finals")
    .innerJoin("rounds", "rounds.id", "live_finals.round_id")
    .selectAll("live_finals")
    .select(["rounds.title", "rounds.contest_id", "rounds.prizes", "rounds.prediction_enabled"])
    .where("live_finals.round_id", "=", roundId)
    .executeTakeFirst();
}

export async function findLiveFinalIdByCode(db: Db, code: string): Promise<number | undefined> {
  const row = await db
    .selectFrom("live_finals")
    .select("round_id")
    .where("join_code", "=", code.toUpperCase())
    .executeTakeFirst();
  return row?.round_id;
}

export function listLiveFinals(db: Db, contestId: number): Promise<LiveFinalRow[]> {
  return db
    .selectFrom("live_finals")
    .innerJoin("rounds", "rounds.id", "live_finals.round_id")
    .selectAll("live_finals")
    .select(["rounds.title", "rounds.contest_id", "rounds.prizes", "rounds.prediction_enabled"])
    .where("rounds.contest_id", "=", contestId)
    .orderBy("live_finals.round_id", "desc")
    .execute();
}

/** Finals not yet ended: the ones a restarting server must resume. */
export async function listUnfinishedLiveFinalIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom("live_finals").select("round_id").where("phase", "!=", "podium").execute();
  return rows.map((r) => r.round_id);
}

export interface LiveStateColumns {
  phase: string;
  position: number;
  questionStartedAt: Date | null;
  deadlineAt: Date | null;
  pausedRemainingMs: number | null;
  version: number;
}

export async function saveLiveState(
  db: Db,
  roundId: number,
  state: LiveStateColumns,
  now: Date,
): Promise<void> {
  await db
    .updateTable("live_finals")
    .set({
      phase: state.phase,
      position: state.position,
      question_started_at: state.questionStartedAt?.toISOString() ?? null,
      deadline_at: state.deadlineAt?.toISOString() ?? null,
      paused_remaining_ms: state.pausedRemainingMs,
      version: state.version,
      updated_at: now.toISOString(),
    })
    .where("round_id", "=", roundId)
    .execute();
}

export async function markLiveQuestion(
  db: Db,
  roundId: number,
  position: number,
  change: { opened?: Date; revealed?: Date; skipped?: true },
): Promise<void> {
  await db
    .updateTable("live_questions")
    .set({
      ...(change.opened ? { opened_at: change.opened.toISOString() } : {}),
      ...(change.revealed ? { revealed_at: change.revealed.toISOString() } : {}),
      ...(change.skipped ? { skipped: 1 } : {}),
    })
    .where("round_id", "=", roundId)
    .where("position", "=", position)
    .execute();
}

export interface LiveQuestionFull {
  position: number;
  questionVersionId: number;
  skipped: boolean;
  text: string;
  options: string[];
  /** The answer key: server only until the reveal. */
  correct: number[];
  explanation: string;
  sourceDocument: string;
  /** The question's picture, when the bank has one. */
  picture: { url: string; width: number; height: number; alt: string } | null;
}

export async function listLiveQuestions(db: Db, roundId: number): Promise<LiveQuestionFull[]> {
  const rows = await db
    .selectFrom("live_questions")
    .innerJoin("question_versions", "question_versions.id", "live_questions.question_version_id")
    .select([
      "live_questions.position",
      "live_questions.question_version_id",
      "live_questions.skipped",
      "question_versions.text",
      "question_versions.options",
      "question_versions.correct",
      "question_versions.explanation",
      "question_versions.source_document",
    ])
    .where("live_questions.round_id", "=", roundId)
    .orderBy("live_questions.position")
    .execute();
  const pictures = await picturesOfVersions(
    db,
    rows.map((r) => r.question_version_id),
  );
  return rows.map((r) => ({
    position: r.position,
    questionVersionId: r.question_version_id,
    picture: pictures.get(r.question_version_id)?.question ?? null,
    skipped: r.skipped === 1,
    text: r.text,
    options: z.array(z.string()).parse(JSON.parse(r.options)),
    correct: z.array(z.number().int()).parse(JSON.parse(r.correct)),
    explanation: r.explanation,
    sourceDocument: r.source_document,
  }));
}

/** Adds a player; joining again changes nothing (same seat, same points). */
export async function addLivePlayer(
  db: Db,
  input: { roundId: number; contestantId: number; prediction: number | null; now: Date },
): Promise<void> {
  await db
    .insertInto("live_players")
    .values({
      round_id: input.roundId,
      contestant_id: input.contestantId,
      attempt_id: null,
      prediction: input.prediction,
      joined_at: input.now.toISOString(),
    })
    .onConflict((oc) => oc.columns(["round_id", "contestant_id"]).doNothing())
    .execute();
}

export async function setLivePrediction(
  db: Db,
  roundId: number,
  contestantId: number,
  prediction: number | null,
): Promise<void> {
  await db
    .updateTable("live_players")
    .set({ prediction })
    .where("round_id", "=", roundId)
    .where("contestant_id", "=", contestantId)
    .execute();
}

export interface LivePlayerRow {
  contestantId: number;
  fullName: string;
  unitId: number;
  unitName: string;
  prediction: number | null;
  attemptId: number | null;
}

export async function listLivePlayers(db: Db, roundId: number): Promise<LivePlayerRow[]> {
  const rows = await db
    .selectFrom("live_players")
    .innerJoin("contestants", "contestants.id", "live_players.contestant_id")
    .innerJoin("units", "units.id", "contestants.unit_id")
    .select([
      "live_players.contestant_id",
      "live_players.prediction",
      "live_players.attempt_id",
      "contestants.full_name",
      "contestants.unit_id",
      "units.name as unit_name",
    ])
    .where("live_players.round_id", "=", roundId)
    .orderBy("live_players.joined_at")
    // Players who joined in the same millisecond: the same order on every engine and every reload.
    .orderBy("live_players.contestant_id")
    .execute();
  return rows.map((r) => ({
    contestantId: r.contestant_id,
    fullName: r.full_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    prediction: r.prediction,
    attemptId: r.attempt_id,
  }));
}

export type InsertAnswerResult = "saved" | "alreadyAnswered";

/** Writes one answer; the primary key (round, position, contestant) refuses a second one. */
export async function insertLiveAnswer(
  db: Db,
  input: {
    roundId: number;
    position: number;
    contestantId: number;
    choice: number;
    elapsedMs: number;
    now: Date;
  },
): Promise<InsertAnswerResult> {
  const result = await db
    .insertInto("live_answers")
    .values({
      round_id: input.roundId,
      position: input.position,
      contestant_id: input.contestantId,
      choice: input.choice,
      answered_at: input.now.toISOString(),
      elapsed_ms: input.elapsedMs,
    })
    .onConflict((oc) => oc.columns(["round_id", "position", "contestant_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? "saved" : "alreadyAnswered";
}

/**
 * Writes several answers in one statement (the live final's group commit). Each gets "saved", or
 * "alreadyAnswered" when the primary key already held that player's answer to that question.
 */
export async function insertLiveAnswers(
  db: Db,
  rows: readonly {
    roundId: number;
    position: number;
    contestantId: number;
    choice: number;
    elapsedMs: number;
    now: Date;
  }[],
): Promise<InsertAnswerResult[]> {
  if (rows.length === 0) return [];
  if (rows.length === 1) return [await insertLiveAnswer(db, rows[0])];
  return db.transaction().execute(async (trx) => {
    const results: InsertAnswerResult[] = [];
    for (let i = 0; i < rows.length; i += 150) {
      const chunk = rows.slice(i, i + 150);
      const inserted = await trx
        .insertInto("live_answers")
        .values(
          chunk.map((r) => ({
            round_id: r.roundId,
            position: r.position,
            contestant_id: r.contestantId,
            choice: r.choice,
            answered_at: r.now.toISOString(),
            elapsed_ms: r.elapsedMs,
          })),
        )
        .onConflict((oc) => oc.columns(["round_id", "position", "contestant_id"]).doNothing())
        .returning(["position", "contestant_id", "answered_at"])
        .execute();
      const written = new Set(inserted.map((r) => `${r.position}:${r.contestant_id}:${r.answered_at}`));
      for (const r of chunk)
        results.push(
          written.has(`${r.position}:${r.contestantId}:${r.now.toISOString()}`) ? "saved" : "alreadyAnswered",
        );
    }
    return results;
  });
}

export interface LiveAnswerRow {
  position: number;
  contestantId: number;
  choice: number;
  answeredAt: string;
  elapsedMs: number;
}

export async function listLiveAnswers(db: Db, roundId: number): Promise<LiveAnswerRow[]> {
  const rows = await db
    .selectFrom("live_answers")
    .selectAll()
    .where("round_id", "=", roundId)
    .orderBy("position")
    .orderBy("contestant_id")
    .execute();
  return rows.map((r) => ({
    position: r.position,
    contestantId: r.contestant_id,
    choice: r.choice,
    answeredAt: r.answered_at,
    elapsedMs: r.elapsed_ms,
  }));
}

export interface LiveResultAttempt {
  contestantId: number;
  score: number;
  correctCount: number;
  allCorrect: boolean;
  durationMs: number;
  prediction: number | null;
  items: {
    position: number;
    questionVersionId: number;
    optionCount: number;
    chosen: number | null;
    answeredAt: string | null;
    isCorrect: boolean;
    points: number;
  }[];
}

/**
 * Writes each player's result as a submitted attempt of the final's round with its items, so the
 * ranking snapshot, the exports and the winners notice read a final like any other round. Returns
 * contestant id → attempt id. Call inside a transaction.
 */
export async function writeLiveAttempts(
  db: Db,
  input: { roundId: number; startedAt: Date; endedAt: Date; results: readonly LiveResultAttempt[] },
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  await db.deleteFrom("round_rankings").where("round_id", "=", input.roundId).execute();
  const old = db.selectFrom("attempts").select("id").where("round_id", "=", input.roundId);
  await db
    .updateTable("live_players")
    .set({ attempt_id: null })
    .where("round_id", "=", input.roundId)
    .execute();
  await db.deleteFrom("attempt_items").where("attempt_id", "in", old).execute();
  await db.deleteFrom("attempts").where("round_id", "=", input.roundId).execute();
  for (const r of input.results) {
    const { id } = await db
      .insertInto("attempts")
      .values({
        round_id: input.roundId,
        contestant_id: r.contestantId,
        is_practice: 0,
        attempt_no: 1,
        status: "submitted",
        seed: 0,
        started_at: input.startedAt.toISOString(),
        deadline_at: input.endedAt.toISOString(),
        submitted_at: input.endedAt.toISOString(),
        submit_reason: "manual",
        prediction: r.prediction,
        score: r.score,
        correct_count: r.correctCount,
        all_correct: r.allCorrect ? 1 : 0,
        duration_ms: r.durationMs,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.set(r.contestantId, id);
    if (r.items.length > 0) {
      await db
        .insertInto("attempt_items")
        .values(
          r.items.map((item) => ({
            attempt_id: id,
            position: item.position,
            question_version_id: item.questionVersionId,
            option_order: JSON.stringify(Array.from({ length: item.optionCount }, (_, i) => i)),
            chosen: item.chosen === null ? null : JSON.stringify([item.chosen]),
            answered_at: item.answeredAt,
            marked: 0,
            is_correct: item.isCorrect ? 1 : 0,
            points: item.points,
          })),
        )
        .execute();
    }
    await db
      .updateTable("live_players")
      .set({ attempt_id: id })
      .where("round_id", "=", input.roundId)
      .where("contestant_id", "=", r.contestantId)
      .execute();
  }
  return ids;
}

/** Best official rank per round for the given contestants (for "the top N of chosen rounds"). */
export async function officialRanksOf(
  db: Db,
  contestantId: number,
  roundIds: readonly number[],
): Promise<Map<number, number>> {
  if (roundIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("round_rankings")
    .innerJoin("attempts", "attempts.id", "round_rankings.attempt_id")
    .select(["round_rankings.round_id", "round_rankings.rank"])
    .where("attempts.contestant_id", "=", contestantId)
    .where("round_rankings.round_id", "in", [...roundIds])
    .execute();
  const ranks = new Map<number, number>();
  for (const r of rows) ranks.set(r.round_id, Math.min(r.rank, ranks.get(r.round_id) ?? Infinity));
  return ranks;
}

/** The unit's ancestors, nearest first. */
export async function unitAncestry(db: Db, unitId: number): Promise<number[]> {
  const units = await db.selectFrom("units").select(["id", "parent_id"]).execute();
  const parent = new Map(units.map((u) => [u.id, u.parent_id]));
  const chain: number[] = [];
  let at = parent.get(unitId) ?? null;
  while (at !== null && !chain.includes(at)) {
    chain.push(at);
    at = parent.get(at) ?? null;
  }
  return chain;
}

// ---------------------------------------------------------------------------------------------------
// Seat codes (invited teams): a code takes one contestant's seat, without an account.

export interface LiveSeatRow {
  contestantId: number;
  fullName: string;
  unitName: string;
  code: string;
}

export async function listLiveSeats(db: Db, roundId: number): Promise<LiveSeatRow[]> {
  const rows = await db
    .selectFrom("live_seats")
    .innerJoin("contestants", "contestants.id", "live_seats.contestant_id")
    .innerJoin("units", "units.id", "contestants.unit_id")
    .select([
      "live_seats.contestant_id",
      "live_seats.code",
      "contestants.full_name",
      "units.name as unit_name",
    ])
    .where("live_seats.round_id", "=", roundId)
    .orderBy("units.name")
    .orderBy("contestants.name_folded")
    .orderBy("live_seats.contestant_id")
    .execute();
  return rows.map((r) => ({
    contestantId: r.contestant_id,
    fullName: r.full_name,
    unitName: r.unit_name,
    code: r.code,
  }));
}

/** Adds the seats not there yet; a contestant who has a code keeps it. Returns how many were added. */
export async function addLiveSeats(
  db: Db,
  roundId: number,
  seats: readonly { contestantId: number; code: string }[],
  now: Date,
): Promise<number> {
  const have = new Set(
    (await db.selectFrom("live_seats").select("contestant_id").where("round_id", "=", roundId).execute()).map(
      (r) => r.contestant_id,
    ),
  );
  const fresh = seats.filter((s) => !have.has(s.contestantId));
  for (let i = 0; i < fresh.length; i += 200) {
    await db
      .insertInto("live_seats")
      .values(
        fresh.slice(i, i + 200).map((s) => ({
          round_id: roundId,
          contestant_id: s.contestantId,
          code: s.code,
          created_at: now.toISOString(),
        })),
      )
      .execute();
  }
  return fresh.length;
}

export async function findLiveSeat(
  db: Db,
  code: string,
): Promise<{ roundId: number; contestantId: number } | undefined> {
  const row = await db
    .selectFrom("live_seats")
    .select(["round_id", "contestant_id"])
    .where("code", "=", code.trim().toUpperCase())
    .executeTakeFirst();
  return row ? { roundId: row.round_id, contestantId: row.contestant_id } : undefined;
}

/** What eligibility needs of every contestant of a contest, read at once (for handing out seats). */
export async function eligibilityFactsOfContest(
  db: Db,
  contestId: number,
  roundIds: readonly number[],
): Promise<
  {
    contestantId: number;
    unitId: number;
    unitAncestry: number[];
    ranks: Map<number, number>;
    active: boolean;
    staffMember: boolean;
  }[]
> {
  const contestants = await db
    .selectFrom("contestants")
    .select(["id", "unit_id", "status", "is_staff_member"])
    .where("contest_id", "=", contestId)
    .orderBy("id")
    .execute();
  const units = await db.selectFrom("units").select(["id", "parent_id"]).execute();
  const parent = new Map(units.map((u) => [u.id, u.parent_id]));
  const ancestry = (unitId: number) => {
    const chain: number[] = [];
    let at = parent.get(unitId) ?? null;
    while (at !== null && !chain.includes(at)) {
      chain.push(at);
      at = parent.get(at) ?? null;
    }
    return chain;
  };
  const ranks = new Map<number, Map<number, number>>();
  if (roundIds.length > 0) {
    const rows = await db
      .selectFrom("round_rankings")
      .innerJoin("attempts", "attempts.id", "round_rankings.attempt_id")
      .select(["attempts.contestant_id", "round_rankings.round_id", "round_rankings.rank"])
      .where("round_rankings.round_id", "in", [...roundIds])
      .execute();
    for (const r of rows) {
      const m = ranks.get(r.contestant_id) ?? new Map<number, number>();
      m.set(r.round_id, Math.min(r.rank, m.get(r.round_id) ?? Infinity));
      ranks.set(r.contestant_id, m);
    }
  }
  return contestants.map((c) => ({
    contestantId: c.id,
    unitId: c.unit_id,
    unitAncestry: ancestry(c.unit_id),
    ranks: ranks.get(c.id) ?? new Map(),
    active: c.status === "active",
    staffMember: c.is_staff_member === 1,
  }));
}

/** The questions a final can play (approved, exactly one correct option), for the ordered picker. */
export async function listPlayableQuestions(
  db: Db,
): Promise<{ id: number; key: string | null; topicId: number; text: string; picture: boolean }[]> {
  const rows = await db
    .selectFrom("questions")
    .innerJoin("question_versions", "question_versions.id", "questions.current_version_id")
    .leftJoin("question_pictures", (join) =>
      join
        .onRef("question_pictures.question_version_id", "=", "question_versions.id")
        .on("question_pictures.slot", "=", "question"),
    )
    .select([
      "questions.id",
      "questions.key",
      "questions.topic_id",
      "question_versions.text",
      "question_versions.correct",
      "question_pictures.id as picture_id",
    ])
    .where("questions.status", "=", "approved")
    .orderBy("questions.topic_id")
    .orderBy("questions.id")
    .execute();
  return rows
    .filter((r) => (JSON.parse(r.correct) as unknown[]).length === 1)
    .map((r) => ({
      id: r.id,
      key: r.key,
      topicId: r.topic_id,
      text: r.text,
      picture: r.picture_id !== null,
    }));
}
