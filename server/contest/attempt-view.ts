/**
 * What a contestant's page may know about their attempt. While it runs: the questions and options in
 * the order shown to them, their saved choices and the server's deadline — never the answer key.
 * After submitting: the score and ranks. The key and explanations only once the round has closed and
 * only if it allows a review (practice shows them at once: it is never ranked).
 */
import { liveRanking } from "~/rules/ranking";
import { remainingMs, roundPhase } from "~/rules/deadline";
import type { QuestionType } from "~/rules/question";
import type { PictureView } from "~/rules/question-formats/pictures";
import { NO_PICTURES, picturesOfVersions } from "#db/repos/question-pictures";
import { findAttempt, listItems, listSubmittedEntries } from "#db/repos/attempts";
import { findContestantByUserId } from "#db/repos/contestants";
import { findRoundSettings } from "#db/repos/rounds";
import type { Services } from "../services";
import { bestEntries } from "./ranking";
import { submitAttempt } from "./attempts";

export interface AttemptQuestionView {
  position: number;
  text: string;
  type: QuestionType;
  /** In the order shown to this contestant. */
  options: string[];
  /** The question's picture (issue 15), and each shown option's small picture. */
  picture: PictureView | null;
  optionPictures: (PictureView | null)[];
  /** Shown indexes. */
  chosen: number[];
  marked: boolean;
}

export interface ReviewItem {
  position: number;
  text: string;
  type: QuestionType;
  options: string[];
  picture: PictureView | null;
  optionPictures: (PictureView | null)[];
  chosen: number[];
  correct: number[];
  isCorrect: boolean;
  explanation: string;
  source: string;
}

export interface AttemptView {
  id: number;
  roundId: number | null;
  title: string;
  isPractice: boolean;
  status: "in_progress" | "submitted";
  startedAt: string;
  deadlineAt: string;
  serverNow: string;
  remainingMs: number;
  predictionEnabled: boolean;
  prediction: number | null;
  questions: AttemptQuestionView[];
  result: {
    score: number;
    maxScore: number;
    correctCount: number;
    questionCount: number;
    durationMs: number;
    submittedAt: string;
    reason: "manual" | "deadline";
    liveRank: number | null;
    liveTotal: number;
    officialRank: number | null;
    prize: string | null;
    published: boolean;
    roundClosed: boolean;
  } | null;
  review: ReviewItem[] | null;
}

export type AttemptViewResult =
  { ok: true; view: AttemptView } | { ok: false; code: "notFound" | "notYours" };

const toShown = (order: number[], originals: number[] | null) =>
  (originals ?? []).map((o) => order.indexOf(o)).sort((a, b) => a - b);

export async function loadAttemptView(
  services: Services,
  input: { userId: number; attemptId: number; practiceTitle: string },
): Promise<AttemptViewResult> {
  const { db, clock } = services;
  let attempt = await findAttempt(db, input.attemptId);
  if (!attempt) return { ok: false, code: "notFound" };
  const contestant = await findContestantByUserId(db, input.userId);
  if (!contestant || contestant.id !== attempt.contestant_id) return { ok: false, code: "notYours" };

  const now = clock.now();
  if (attempt.status === "in_progress" && remainingMs(now, new Date(attempt.deadline_at)) === 0) {
    // Its time is over: submit it now rather than show a page that can no longer be answered.
    await submitAttempt(services, { attemptId: attempt.id, reason: "deadline" });
    attempt = (await findAttempt(db, attempt.id))!;
  }
  const round = attempt.round_id === null ? null : ((await findRoundSettings(db, attempt.round_id)) ?? null);
  const items = await listItems(db, attempt.id);
  const pictures = await picturesOfVersions(
    db,
    items.map((i) => i.questionVersionId),
  );
  const picturesOf = (i: (typeof items)[number]) => {
    const p = pictures.get(i.questionVersionId) ?? NO_PICTURES;
    return { picture: p.question, optionPictures: i.optionOrder.map((o) => p.options[o] ?? null) };
  };
  const view: AttemptView = {
    id: attempt.id,
    roundId: attempt.round_id,
    title: round?.title ?? input.practiceTitle,
    isPractice: attempt.is_practice === 1,
    status: attempt.status,
    startedAt: attempt.started_at,
    deadlineAt: attempt.deadline_at,
    serverNow: now.toISOString(),
    remainingMs: remainingMs(now, new Date(attempt.deadline_at)),
    predictionEnabled: round?.predictionEnabled ?? false,
    prediction: attempt.prediction,
    questions: [],
    result: null,
    review: null,
  };

  if (attempt.status === "in_progress") {
    view.questions = items.map((i) => ({
      position: i.position,
      text: i.text,
      type: i.type,
      options: i.optionOrder.map((o) => i.options[o]),
      ...picturesOf(i),
      chosen: toShown(i.optionOrder, i.chosen),
      marked: i.marked,
    }));
    return { ok: true, view };
  }

  const roundClosed = round ? roundPhase(now, round.opensAt, round.closesAt) === "closed" : true;
  let liveRank: number | null = null;
  let liveTotal = 0;
  let officialRank: number | null = null;
  let prize: string | null = null;
  if (round && attempt.is_practice === 0) {
    const live = liveRanking(bestEntries(await listSubmittedEntries(db, round.id)));
    liveTotal = live.length;
    liveRank = live.find((r) => r.attemptId === attempt!.id)?.rank ?? null;
    if (round.rankedAt) {
      const row = await db
        .selectFrom("round_rankings")
        .select(["rank", "prize"])
        .where("round_id", "=", round.id)
        .where("attempt_id", "=", attempt.id)
        .executeTakeFirst();
      officialRank = row?.rank ?? null;
      prize = row?.prize ?? null;
    }
  }
  const points = round?.points ?? { easy: 1, medium: 1, hard: 1 };
  view.result = {
    score: attempt.score ?? 0,
    maxScore: items.reduce((sum, i) => sum + points[i.difficulty], 0),
    correctCount: attempt.correct_count ?? 0,
    questionCount: items.length,
    durationMs: attempt.duration_ms ?? 0,
    submittedAt: attempt.submitted_at ?? "",
    reason: attempt.submit_reason ?? "manual",
    liveRank,
    liveTotal,
    officialRank,
    prize,
    published: Boolean(round?.publishedAt),
    roundClosed,
  };
  const reviewAllowed =
    attempt.is_practice === 1 || (round !== null && roundClosed && round.showReviewAfterClose);
  if (reviewAllowed) {
    view.review = items.map((i) => ({
      position: i.position,
      text: i.text,
      type: i.type,
      options: i.optionOrder.map((o) => i.options[o]),
      ...picturesOf(i),
      chosen: toShown(i.optionOrder, i.chosen),
      correct: toShown(i.optionOrder, i.correct),
      isCorrect: i.isCorrect === true,
      explanation: i.explanation,
      source: i.sourceDocument,
    }));
  }
  return { ok: true, view };
}
