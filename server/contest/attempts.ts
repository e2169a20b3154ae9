/**
 * Taking a round: start (draw and freeze the questions), answer, mark, predict, submit, and the
 * deadline sweeper. The server alone decides time and scores: every check uses `services.clock`, and
 * the answer key never leaves this layer except in a review the round allows.
 */
import { acceptsAnswer, ANSWER_GRACE_MS, attemptDeadline, roundPhase } from "~/rules/deadline";
import { drawQuestions, optionOrder, seedFrom, type DrawSpecLine } from "~/rules/draw";
import { scoreAttempt, DEFAULT_POINTS } from "~/rules/scoring";
import { PRACTICE } from "~/rules/practice";
import { mayEnterRankedRounds } from "~/rules/registration";
import {
  countPracticeAttempts,
  findAttempt,
  findOpenPracticeAttempt,
  insertAttempt,
  listItems,
  listItemShapes,
  lockAttempt,
  listOverdueAttempts,
  listRankedAttempts,
  recordSubmission,
  saveChoice,
  saveChoiceInTime,
  saveMark,
  savePrediction,
} from "#db/repos/attempts";
import { findContestantByUserId } from "#db/repos/contestants";
import { contestReferenceDate, findContest } from "#db/repos/contests";
import { findRoundSettings, type RoundSettings } from "#db/repos/rounds";
import type { Db } from "#db/connection";
import type { Attempt } from "#db/schema";
import type { Services } from "../services";

export const MAX_PREDICTION = 1_000_000;

export type EntryProblem =
  | "notRegistered"
  | "wrongContest"
  | "roundNotFound"
  | "notOpenYet"
  | "closed"
  | "disqualified"
  | "staffMember"
  | "notEligible"
  | "noAttemptsLeft"
  | "practiceDisabled"
  | "bankTooSmall";

export type StartResult =
  { ok: true; attemptId: number; resumed: boolean } | { ok: false; code: EntryProblem; attemptId?: number };

/** The approved bank with each question's validity and exclusion groups; the draw filters by date. */
async function approvedPool(db: Db) {
  const rows = await db
    .selectFrom("questions")
    .innerJoin("question_versions", "question_versions.id", "questions.current_version_id")
    .select([
      "questions.id",
      "questions.topic_id",
      "questions.difficulty",
      "questions.current_version_id",
      "question_versions.valid_from",
      "question_versions.valid_until",
      "question_versions.exclusion_groups",
    ])
    .where("questions.status", "=", "approved")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    topicId: r.topic_id,
    difficulty: r.difficulty,
    versionId: r.current_version_id!,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    exclusionGroups: parseGroups(r.exclusion_groups),
  }));
}

function parseGroups(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((g): g is string => typeof g === "string") : [];
  } catch {
    return [];
  }
}

async function optionCounts(db: Db, versionIds: number[]): Promise<Map<number, number>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("question_versions")
    .select(["id", "options"])
    .where("id", "in", versionIds)
    .execute();
  return new Map(rows.map((r) => [r.id, (JSON.parse(r.options) as string[]).length]));
}

/** Draws the questions and creates the attempt with its frozen items. */
async function createAttempt(
  db: Db,
  input: {
    roundId: number | null;
    contestantId: number;
    attemptNo: number;
    drawSpec: DrawSpecLine[];
    shuffleQuestions: boolean;
    shuffleOptions: boolean;
    durationSeconds: number;
    closesAt: Date;
    now: Date;
    /** Only questions valid on this date are drawn (the contest's reference date). */
    referenceDate: string;
  },
): Promise<number | null> {
  const seed = (Math.random() * 2 ** 32) >>> 0;
  const drawn = drawQuestions(await approvedPool(db), input.drawSpec, seed, {
    shuffleOrder: input.shuffleQuestions,
    referenceDate: input.referenceDate,
  });
  if (!drawn.ok) return null;
  const counts = await optionCounts(
    db,
    drawn.questions.map((q) => q.versionId),
  );
  return insertAttempt(db, {
    roundId: input.roundId,
    contestantId: input.contestantId,
    isPractice: input.roundId === null,
    attemptNo: input.attemptNo,
    seed,
    startedAt: input.now,
    deadlineAt: attemptDeadline(input.now, input.durationSeconds, input.closesAt),
    items: drawn.questions.map((q) => ({
      questionVersionId: q.versionId,
      optionOrder: optionOrder(counts.get(q.versionId) ?? 0, seedFrom(seed, q.id), input.shuffleOptions),
    })),
  });
}

function isUniqueViolation(error: unknown): boolean {
  return /UNIQUE|unique constraint/i.test(String(error));
}

/** Starts the contestant's ranked attempt in a round, or resumes the one in progress. */
export async function startRoundAttempt(
  services: Services,
  input: { userId: number; roundId: number },
): Promise<StartResult> {
  const { db, clock, events } = services;
  const now = clock.now();
  const round = await findRoundSettings(db, input.roundId);
  if (!round) return { ok: false, code: "roundNotFound" };
  const contestant = await findContestantByUserId(db, input.userId);
  if (!contestant) return { ok: false, code: "notRegistered" };
  if (contestant.contest_id !== round.contestId) return { ok: false, code: "wrongContest" };

  const attempts = await listRankedAttempts(db, round.id, contestant.id);
  const inProgress = attempts.find((a) => a.status === "in_progress");
  if (inProgress) return { ok: true, attemptId: inProgress.id, resumed: true };
  const last = attempts.at(-1);

  const entry = mayEnterRankedRounds(contestant);
  if (!entry.ok) return { ok: false, code: entry.reason === "staffMember" ? "staffMember" : "disqualified" };
  if (round.eligibleCategories.length > 0 && !round.eligibleCategories.includes(contestant.category_id))
    return { ok: false, code: "notEligible" };
  const phase = roundPhase(now, round.opensAt, round.closesAt);
  if (phase === "upcoming") return { ok: false, code: "notOpenYet" };
  if (phase === "closed") return { ok: false, code: "closed", attemptId: last?.id };
  if (attempts.length >= round.maxAttempts) return { ok: false, code: "noAttemptsLeft", attemptId: last?.id };

  try {
    const attemptId = await db.transaction().execute(async (trx) =>
      createAttempt(trx, {
        roundId: round.id,
        contestantId: contestant.id,
        attemptNo: attempts.length + 1,
        drawSpec: round.drawSpec,
        shuffleQuestions: round.shuffleQuestions,
        shuffleOptions: round.shuffleOptions,
        durationSeconds: round.durationSeconds,
        closesAt: round.closesAt,
        now,
        referenceDate: await contestReferenceDate(trx, round.contestId, now),
      }),
    );
    if (attemptId === null) return { ok: false, code: "bankTooSmall" };
    events.emit("attemptStarted", { roundId: round.id, attemptId, contestantId: contestant.id });
    return { ok: true, attemptId, resumed: false };
  } catch (error) {
    // Two tabs pressed "start" at once: the unique (round, contestant, attempt_no) let one through.
    if (!isUniqueViolation(error)) throw error;
    const again = (await listRankedAttempts(db, round.id, contestant.id)).find(
      (a) => a.status === "in_progress",
    );
    if (again) return { ok: true, attemptId: again.id, resumed: true };
    throw error;
  }
}

/** Starts a practice attempt (or resumes the open one). */
export async function startPracticeAttempt(
  services: Services,
  input: { userId: number },
): Promise<StartResult> {
  const { db, clock } = services;
  const now = clock.now();
  const contestant = await findContestantByUserId(db, input.userId);
  if (!contestant) return { ok: false, code: "notRegistered" };
  const contest = await findContest(db, contestant.contest_id);
  if (!contest || contest.practice_enabled !== 1) return { ok: false, code: "practiceDisabled" };
  const open = await findOpenPracticeAttempt(db, contestant.id);
  if (open && new Date(open.deadline_at) > now) return { ok: true, attemptId: open.id, resumed: true };
  if (open) await submitAttempt(services, { attemptId: open.id, reason: "deadline" });
  const attemptId = await db.transaction().execute(async (trx) =>
    createAttempt(trx, {
      roundId: null,
      contestantId: contestant.id,
      attemptNo: (await countPracticeAttempts(trx, contestant.id)) + 1,
      drawSpec: PRACTICE.drawSpec,
      shuffleQuestions: true,
      shuffleOptions: true,
      durationSeconds: PRACTICE.durationSeconds,
      closesAt: new Date(now.getTime() + 24 * 60 * 60 * 1000),
      now,
      referenceDate: await contestReferenceDate(trx, contestant.contest_id, now),
    }),
  );
  if (attemptId === null) return { ok: false, code: "bankTooSmall" };
  return { ok: true, attemptId, resumed: false };
}

export type ActionProblem =
  "notFound" | "notYours" | "submitted" | "deadlinePassed" | "badPosition" | "badChoice" | "badPrediction";

type Owned = { ok: true; attempt: Attempt } | { ok: false; code: ActionProblem };

/** The attempt, if it belongs to the user. */
async function ownedAttempt(db: Db, userId: number, attemptId: number): Promise<Owned> {
  const attempt = await findAttempt(db, attemptId);
  if (!attempt) return { ok: false, code: "notFound" };
  const contestant = await findContestantByUserId(db, userId);
  if (!contestant || contestant.id !== attempt.contestant_id) return { ok: false, code: "notYours" };
  return { ok: true, attempt };
}

/** Checks that the attempt still takes changes; submits it first if its time is over. */
async function openForChanges(services: Services, attempt: Attempt): Promise<ActionProblem | null> {
  if (attempt.status !== "in_progress") return "submitted";
  if (!acceptsAnswer(services.clock.now(), new Date(attempt.deadline_at), ANSWER_GRACE_MS)) {
    await submitAttempt(services, { attemptId: attempt.id, reason: "deadline" });
    return "deadlinePassed";
  }
  return null;
}

export type ChangeResult = { ok: true; savedAt: string } | { ok: false; code: ActionProblem };

/**
 * Saves a choice. `chosen` holds indexes in the order the options were shown to this contestant;
 * an empty list clears the answer.
 */
export async function answerQuestion(
  services: Services,
  input: { userId: number; attemptId: number; position: number; chosen: number[] },
): Promise<ChangeResult> {
  const { db, clock } = services;
  const owned = await ownedAttempt(db, input.userId, input.attemptId);
  if (!owned.ok) return owned;
  const problem = await openForChanges(services, owned.attempt);
  if (problem) return { ok: false, code: problem };
  {
    const items = await listItems(db, input.attemptId);
    const item = items.find((i) => i.position === input.position);
    if (!item) return { ok: false, code: "badPosition" };
    const unique = [...new Set(input.chosen)];
    const inRange = unique.every((d) => Number.isInteger(d) && d >= 0 && d < item.optionOrder.length);
    if (!inRange || unique.length !== input.chosen.length || (item.type !== "multiple" && unique.length > 1))
      return { ok: false, code: "badChoice" };
    const original = unique.map((d) => item.optionOrder[d]).sort((a, b) => a - b);
    // An answer that arrives in the grace period counts as given at the deadline, as the submission
    // does: its time is never after the attempt's `submitted_at`.
    const deadline = new Date(owned.attempt.deadline_at);
    const now = clock.now();
    const at = now > deadline ? deadline : now;
    const saved = await saveChoice(db, {
      attemptId: input.attemptId,
      position: input.position,
      chosen: original.length ? original : null,
      at,
    });
    // Not saved: a submission won the race since the check above.
    if (!saved) return { ok: false, code: "submitted" };
    return { ok: true, savedAt: at.toISOString() };
  }
}

/**
 * What a socket may remember about an attempt it has shown to be its user's: who owns an attempt and
 * which items it holds (their option order and type) are frozen when it starts. Its status and deadline
 * are not remembered: the statement that saves an answer checks them itself.
 */
export interface KnownAttempt {
  attemptId: number;
  /** Indexed by position. */
  items: { optionCount: number; optionOrder: number[]; multiple: boolean }[];
}

/** Reads what a socket may remember about the user's attempt (see KnownAttempt): once per socket. */
export async function loadKnownAttempt(
  db: Db,
  userId: number,
  attemptId: number,
): Promise<{ ok: true; known: KnownAttempt } | { ok: false; code: ActionProblem }> {
  const owned = await ownedAttempt(db, userId, attemptId);
  if (!owned.ok) return owned;
  const items: KnownAttempt["items"] = [];
  for (const item of await listItemShapes(db, attemptId))
    items[item.position] = {
      optionCount: item.optionOrder.length,
      optionOrder: item.optionOrder,
      multiple: item.type === "multiple",
    };
  return { ok: true, known: { attemptId, items } };
}

/**
 * The answer path for a caller that already knows the attempt is the user's (a socket that loaded it
 * with loadKnownAttempt): validated in memory, then saved with one prepared statement that itself
 * refuses a submitted attempt or one whose deadline (by the server's clock) has passed.
 * Anything unusual — a refused save, a position or choice that does not fit — goes through
 * answerQuestion, which reads the attempt afresh and gives the exact reason (and submits an attempt
 * whose time is over), so the outcome is the same as answerQuestion's in every case.
 */
export async function answerKnownAttempt(
  services: Services,
  known: KnownAttempt,
  input: { userId: number; position: number; chosen: number[] },
): Promise<ChangeResult> {
  const slow = () => answerQuestion(services, { ...input, attemptId: known.attemptId });
  const item = known.items[input.position];
  if (!item) return slow();
  const chosen = input.chosen;
  if (chosen.length > (item.multiple ? item.optionCount : 1)) return slow();
  const original: number[] = [];
  for (const d of chosen) {
    if (!Number.isInteger(d) || d < 0 || d >= item.optionCount) return slow();
    const o = item.optionOrder[d];
    if (original.includes(o)) return slow();
    original.push(o);
  }
  original.sort((a, b) => a - b);
  const at = services.clock.now();
  // Only an answer before the deadline is saved here, at its own time. One in the grace period goes
  // through answerQuestion, which stores it at the deadline as the submission will be (issue 10).
  const saved = await saveChoiceInTime(services.db, {
    attemptId: known.attemptId,
    position: input.position,
    chosen: original.length ? original : null,
    at,
    acceptFrom: at,
  });
  if (saved) return { ok: true, savedAt: at.toISOString() };
  return slow();
}

export async function markQuestion(
  services: Services,
  input: { userId: number; attemptId: number; position: number; marked: boolean },
): Promise<ChangeResult> {
  const { db, clock } = services;
  const owned = await ownedAttempt(db, input.userId, input.attemptId);
  if (!owned.ok) return owned;
  const problem = await openForChanges(services, owned.attempt);
  if (problem) return { ok: false, code: problem };
  if (!(await saveMark(db, input.attemptId, input.position, input.marked)))
    return { ok: false, code: "badPosition" };
  return { ok: true, savedAt: clock.now().toISOString() };
}

export async function predict(
  services: Services,
  input: { userId: number; attemptId: number; prediction: number | null },
): Promise<ChangeResult> {
  const { db, clock } = services;
  const owned = await ownedAttempt(db, input.userId, input.attemptId);
  if (!owned.ok) return owned;
  const problem = await openForChanges(services, owned.attempt);
  if (problem) return { ok: false, code: problem };
  const p = input.prediction;
  if (p !== null && (!Number.isInteger(p) || p < 0 || p > MAX_PREDICTION))
    return { ok: false, code: "badPrediction" };
  await savePrediction(db, input.attemptId, p);
  return { ok: true, savedAt: clock.now().toISOString() };
}

export interface SubmissionSummary {
  attemptId: number;
  score: number;
  correctCount: number;
  questionCount: number;
  durationMs: number;
  submittedAt: string;
  reason: "manual" | "deadline";
}

function summaryOf(attempt: Attempt, questionCount: number): SubmissionSummary {
  return {
    attemptId: attempt.id,
    score: attempt.score ?? 0,
    correctCount: attempt.correct_count ?? 0,
    questionCount,
    durationMs: attempt.duration_ms ?? 0,
    submittedAt: attempt.submitted_at ?? "",
    reason: attempt.submit_reason ?? "manual",
  };
}

/**
 * Submits an attempt with what was saved. Idempotent: a second submission (another tab, the sweeper)
 * gets the first one's result. A manual submission that arrives after the deadline and its grace counts
 * as submitted at the deadline.
 */
export async function submitAttempt(
  services: Services,
  input: { attemptId: number; reason: "manual" | "deadline"; userId?: number; prediction?: number | null },
): Promise<{ ok: true; summary: SubmissionSummary; first: boolean } | { ok: false; code: ActionProblem }> {
  const { db, clock, events } = services;
  const now = clock.now();
  const outcome = await db.transaction().execute(async (trx) => {
    // Answers being saved finish first, and later ones are refused (see lockAttempt).
    await lockAttempt(trx, input.attemptId);
    const owned =
      input.userId === undefined
        ? await findAttempt(trx, input.attemptId).then((a): Owned =>
            a ? { ok: true, attempt: a } : { ok: false, code: "notFound" },
          )
        : await ownedAttempt(trx, input.userId, input.attemptId);
    if (!owned.ok) return owned;
    const attempt = owned.attempt;
    const items = await listItems(trx, attempt.id);
    if (attempt.status === "submitted") return { ok: true as const, attempt, items, first: false };

    if (input.prediction !== undefined) {
      const p = input.prediction;
      if (p !== null && (!Number.isInteger(p) || p < 0 || p > MAX_PREDICTION))
        return { ok: false as const, code: "badPrediction" as const };
      await savePrediction(trx, attempt.id, p);
    }
    const deadline = new Date(attempt.deadline_at);
    const late = !acceptsAnswer(now, deadline, ANSWER_GRACE_MS);
    const reason = late ? "deadline" : input.reason;
    // Nothing counts after the deadline: a late submission ends at the deadline, so the time taken is
    // at most the time allowed.
    const submittedAt = now < deadline ? now : deadline;
    const round = attempt.round_id === null ? null : await findRoundSettings(trx, attempt.round_id);
    const scored = scoreAttempt(
      items.map((i) => ({ difficulty: i.difficulty, correct: i.correct, chosen: i.chosen })),
      round?.points ?? DEFAULT_POINTS,
    );
    const won = await recordSubmission(trx, {
      attemptId: attempt.id,
      submittedAt,
      reason,
      score: scored.score,
      correctCount: scored.correctCount,
      allCorrect: scored.allCorrect,
      durationMs: Math.max(0, submittedAt.getTime() - new Date(attempt.started_at).getTime()),
      items: items.map((i, index) => ({ position: i.position, ...scored.items[index] })),
    });
    const fresh = (await findAttempt(trx, attempt.id))!;
    return { ok: true as const, attempt: fresh, items, first: won };
  });
  if (!outcome.ok) return outcome;
  const { attempt, items, first } = outcome;
  const summary = summaryOf(attempt, items.length);
  if (first) {
    events.emit("attemptSubmitted", {
      roundId: attempt.round_id,
      isPractice: attempt.is_practice === 1,
      attemptId: attempt.id,
      contestantId: attempt.contestant_id,
      summary,
    });
  }
  return { ok: true, summary, first };
}

/** Submits every attempt whose time is over, with what was saved. Returns how many it submitted. */
export async function submitOverdueAttempts(services: Services): Promise<number> {
  const before = new Date(services.clock.now().getTime() - ANSWER_GRACE_MS);
  let submitted = 0;
  const seen = new Set<number>();
  for (;;) {
    const due = (await listOverdueAttempts(services.db, before)).filter(({ id }) => !seen.has(id));
    if (due.length === 0) return submitted;
    for (const { id } of due) {
      seen.add(id);
      const result = await submitAttempt(services, { attemptId: id, reason: "deadline" });
      if (result.ok && result.first) submitted++;
    }
  }
}

export type { RoundSettings };
