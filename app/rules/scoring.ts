/**
 * Scoring one attempt. Pure: the caller hands in the questions as drawn for this attempt together with
 * what the contestant chose, and gets the score back. The server alone calls this (STYLE.md: the server
 * decides scores); the browser only shows the result.
 */
import type { Difficulty } from "./question";

export interface ScoringItem {
  difficulty: Difficulty;
  /** 0-based indexes of the correct options (order does not matter). */
  correct: readonly number[];
  /** What the contestant chose; `null` when the question was left unanswered. */
  chosen: readonly number[] | null;
}

export type PointsPerDifficulty = Record<Difficulty, number>;

/** Every question is worth one point unless the round says otherwise. */
export const DEFAULT_POINTS: PointsPerDifficulty = { easy: 1, medium: 1, hard: 1 };

export interface ScoredItem {
  isCorrect: boolean;
  /** Points earned on this question: its worth when correct, 0 otherwise. */
  points: number;
}

export interface AttemptScore {
  score: number;
  /** The most this attempt could have scored. */
  maxScore: number;
  correctCount: number;
  items: ScoredItem[];
  /**
   * Every question right. This is what the prediction question counts ("how many entrants answer every
   * question correctly?"), so an attempt with no questions at all is never counted as perfect.
   */
  allCorrect: boolean;
}

/**
 * All-or-nothing per question: with several correct options the chosen set must equal the correct set
 * exactly — partly right is wrong, as in the provincial contests this platform copies.
 */
export function isAnswerCorrect(correct: readonly number[], chosen: readonly number[] | null): boolean {
  if (chosen === null) return false;
  const want = new Set(correct);
  const got = new Set(chosen);
  if (want.size === 0 || want.size !== got.size) return false;
  for (const option of got) if (!want.has(option)) return false;
  return true;
}

export function scoreAttempt(
  items: readonly ScoringItem[],
  points: Partial<PointsPerDifficulty> = {},
): AttemptScore {
  const worth = resolvePoints(points);
  let score = 0;
  let maxScore = 0;
  let correctCount = 0;
  const scored = items.map((item): ScoredItem => {
    const value = worth[item.difficulty];
    maxScore += value;
    const isCorrect = isAnswerCorrect(item.correct, item.chosen);
    if (!isCorrect) return { isCorrect, points: 0 };
    correctCount += 1;
    score += value;
    return { isCorrect, points: value };
  });
  return {
    score,
    maxScore,
    correctCount,
    items: scored,
    allCorrect: items.length > 0 && correctCount === items.length,
  };
}

/** Fills in defaults and refuses nonsense, which can only come from a misconfigured round. */
function resolvePoints(points: Partial<PointsPerDifficulty>): PointsPerDifficulty {
  const resolved = { ...DEFAULT_POINTS, ...points };
  for (const [difficulty, value] of Object.entries(resolved)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`Points for ${difficulty} questions must be a finite number ≥ 0, got ${value}`);
    }
  }
  return resolved;
}
