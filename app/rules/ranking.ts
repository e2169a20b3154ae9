/**
 * The ranking chain (PRODUCT.md, "How Vietnamese online knowledge contests run").
 *
 * - While a round runs the live board ranks by score, then time taken.
 * - At close the official ranking adds the prediction question: how far each entrant's guess is from the
 *   real number of perfect entries, which is only known once the round has closed.
 *
 * Every chain ends in `attemptId`, so the order is total: two runs over the same entries, in any input
 * order, give the same ranks. That matters because ranks are published, exported and awarded prizes.
 */

export interface RankingEntry {
  attemptId: number;
  contestantId: number;
  score: number;
  durationMs: number;
  /** ISO 8601 instant in UTC, e.g. "2026-11-27T01:23:45.678Z". */
  submittedAt: string;
  /** The contestant's answer to the prediction question; null when they gave none. */
  prediction: number | null;
  allCorrect: boolean;
}

export type LiveRow<E extends RankingEntry = RankingEntry> = E & { rank: number };

export type OfficialRow<E extends RankingEntry = RankingEntry> = E & {
  rank: number;
  /** |prediction − perfectCount|, or null when the entrant made no prediction. */
  predictionDistance: number | null;
};

export interface OfficialRanking<E extends RankingEntry = RankingEntry> {
  /** How many entries answered every question correctly: the answer to the prediction question. */
  perfectCount: number;
  rows: OfficialRow<E>[];
}

const ascending = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Compares instants, not strings: "…T01:00:00Z" and "…T01:00:00.000Z" are the same moment and sort
 * equal, which a string comparison would get wrong.
 */
export function submittedAtMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`submittedAt is not an ISO date-time: ${JSON.stringify(iso)}`);
  return ms;
}

export function countPerfect(entries: readonly RankingEntry[]): number {
  return entries.filter((entry) => entry.allCorrect).length;
}

export function predictionDistance(prediction: number | null, perfectCount: number): number | null {
  return prediction === null ? null : Math.abs(prediction - perfectCount);
}

/**
 * An entry with its sort keys worked out once, so a comparison never parses a date: when many entries
 * tie on score and time, a comparator that parsed would do it n·log n times.
 */
interface Keyed<E> {
  entry: E;
  submittedMs: number;
  distance: number | null;
}

function keyed<E extends RankingEntry>(entries: readonly E[], perfectCount: number): Keyed<E>[] {
  return entries.map((entry) => ({
    entry,
    submittedMs: submittedAtMs(entry.submittedAt),
    distance: predictionDistance(entry.prediction, perfectCount),
  }));
}

type Compare = (a: Keyed<RankingEntry>, b: Keyed<RankingEntry>) => number;

const byScoreDesc: Compare = (a, b) => ascending(b.entry.score, a.entry.score);
const byDurationAsc: Compare = (a, b) => ascending(a.entry.durationMs, b.entry.durationMs);
const bySubmittedAtAsc: Compare = (a, b) => ascending(a.submittedMs, b.submittedMs);
const byAttemptIdAsc: Compare = (a, b) => ascending(a.entry.attemptId, b.entry.attemptId);

/**
 * Closest prediction first; an entrant who made no prediction comes after everyone who did (with the
 * same score), because declining the tie-breaker cannot beat answering it.
 */
const byPredictionDistanceAsc: Compare = (a, b) => {
  if (a.distance === null || b.distance === null) {
    return ascending(a.distance === null ? 1 : 0, b.distance === null ? 1 : 0);
  }
  return ascending(a.distance, b.distance);
};

/** Runs comparators in turn; the first that tells the two apart decides. */
function chain(...comparators: Compare[]): Compare {
  return (a, b) => {
    for (const compare of comparators) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

/** The live board's order: score, then time taken, then who submitted first. */
const compareLive = chain(byScoreDesc, byDurationAsc, bySubmittedAtAsc, byAttemptIdAsc);

/** The official order: the prediction comes between the score and the time taken. */
const compareOfficial = chain(
  byScoreDesc,
  byPredictionDistanceAsc,
  byDurationAsc,
  bySubmittedAtAsc,
  byAttemptIdAsc,
);

export function liveRanking<E extends RankingEntry>(entries: readonly E[]): LiveRow<E>[] {
  return keyed(entries, 0)
    .sort(compareLive)
    .map(({ entry }, index) => ({ ...entry, rank: index + 1 }));
}

/** The official ranking, computed once the round has closed and every entry is in. */
export function officialRanking<E extends RankingEntry>(entries: readonly E[]): OfficialRanking<E> {
  const perfectCount = countPerfect(entries);
  const rows = keyed(entries, perfectCount)
    .sort(compareOfficial)
    .map(({ entry, distance }, index) => ({ ...entry, rank: index + 1, predictionDistance: distance }));
  return { perfectCount, rows };
}

/** One contestant's result in one round, as summed for the prize over all rounds. */
export interface RoundResult {
  contestantId: number;
  score: number;
  durationMs: number;
}

export interface OverallRow {
  contestantId: number;
  totalScore: number;
  totalDurationMs: number;
  /** How many round results were summed for this contestant. */
  rounds: number;
  rank: number;
}

/** The ranking over all rounds: total score, then total time, then contestant id for a total order. */
export function overallRanking(results: readonly RoundResult[]): OverallRow[] {
  const totals = new Map<number, Omit<OverallRow, "rank">>();
  for (const { contestantId, score, durationMs } of results) {
    const total = totals.get(contestantId) ?? { contestantId, totalScore: 0, totalDurationMs: 0, rounds: 0 };
    total.totalScore += score;
    total.totalDurationMs += durationMs;
    total.rounds += 1;
    totals.set(contestantId, total);
  }
  return [...totals.values()]
    .sort(
      (a, b) =>
        ascending(b.totalScore, a.totalScore) ||
        ascending(a.totalDurationMs, b.totalDurationMs) ||
        ascending(a.contestantId, b.contestantId),
    )
    .map((row, index) => ({ ...row, rank: index + 1 }));
}
