/**
 * Scores of a live final (issue 14). By default a correct answer earns `basePoints` and a wrong one
 * nothing: speed counts only as a tie-breaker. An organizer may turn on a speed bonus, shown to everyone
 * with its formula:
 *
 *   points = base + round(bonus × remaining time ÷ time per question)   (correct answers only)
 *
 * The official order: points (high first), then total answering time of correct answers (short first),
 * then distance of the prediction from the real number of perfect players (small first, when predictions
 * were asked), then the contestant id so the order is total and repeatable.
 */

export interface LiveScoring {
  basePoints: number;
  speedBonus: boolean;
  speedBonusPoints: number;
  secondsPerQuestion: number;
}

export function answerPoints(scoring: LiveScoring, correct: boolean, elapsedMs: number): number {
  if (!correct) return 0;
  if (!scoring.speedBonus) return scoring.basePoints;
  const limit = scoring.secondsPerQuestion * 1000;
  const remaining = Math.min(limit, Math.max(0, limit - elapsedMs));
  return scoring.basePoints + Math.round((scoring.speedBonusPoints * remaining) / limit);
}

export interface LiveAnswer {
  contestantId: number;
  position: number;
  correct: boolean;
  elapsedMs: number;
}

export interface LivePlayerInput {
  contestantId: number;
  prediction: number | null;
}

export interface LiveTotal {
  contestantId: number;
  score: number;
  correctCount: number;
  /** Answering time of the correct answers only: the first tie-breaker. */
  correctTimeMs: number;
  prediction: number | null;
  predictionDistance: number | null;
  allCorrect: boolean;
  rank: number;
}

/** Totals and ranks of every player; skipped questions count for nobody. Ties share nothing: the order is total. */
export function liveStandings(
  scoring: LiveScoring,
  players: readonly LivePlayerInput[],
  answers: readonly LiveAnswer[],
  counted: { questionCount: number; skipped: ReadonlySet<number> },
): { perfectCount: number; rows: LiveTotal[] } {
  const totals = new Map<number, Omit<LiveTotal, "rank" | "predictionDistance" | "allCorrect">>();
  for (const p of players) {
    totals.set(p.contestantId, {
      contestantId: p.contestantId,
      score: 0,
      correctCount: 0,
      correctTimeMs: 0,
      prediction: p.prediction,
    });
  }
  for (const a of answers) {
    if (counted.skipped.has(a.position)) continue;
    const t = totals.get(a.contestantId);
    if (!t || !a.correct) continue;
    t.score += answerPoints(scoring, true, a.elapsedMs);
    t.correctCount += 1;
    t.correctTimeMs += a.elapsedMs;
  }
  const countedQuestions =
    counted.questionCount - [...counted.skipped].filter((p) => p < counted.questionCount).length;
  const list = [...totals.values()].map((t) => ({
    ...t,
    allCorrect: countedQuestions > 0 && t.correctCount === countedQuestions,
  }));
  const perfectCount = list.filter((t) => t.allCorrect).length;
  const withDistance = list.map((t) => ({
    ...t,
    predictionDistance: t.prediction === null ? null : Math.abs(t.prediction - perfectCount),
  }));
  withDistance.sort(
    (a, b) =>
      b.score - a.score ||
      a.correctTimeMs - b.correctTimeMs ||
      (a.predictionDistance ?? Infinity) - (b.predictionDistance ?? Infinity) ||
      a.contestantId - b.contestantId,
  );
  return { perfectCount, rows: withDistance.map((t, i) => ({ ...t, rank: i + 1 })) };
}

/** Movement on the board between two standings: positive = moved up. New entries have no movement. */
export function movement(
  before: ReadonlyMap<number, number>,
  contestantId: number,
  rankNow: number,
): number | null {
  const was = before.get(contestantId);
  return was === undefined ? null : was - rankNow;
}
