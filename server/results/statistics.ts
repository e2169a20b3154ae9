/**
 * The numbers behind the statistics dashboard of a round or of the whole contest: attempts over time,
 * participation per unit and per category, the score distribution and the time taken. Pure: the
 * attempts, the ranking and the registrations come in, numbers go out (the charts and the tables of
 * app/routes/console.results*.tsx only draw them).
 */
import type { AttemptDetail } from "#db/repos/results";
import { VN_UTC_OFFSET_MS } from "~/rules/vn-time";
import type { RankedRow, UnitRow } from "./model";

export interface TimeBar {
  /** ISO instant the bucket starts at. */
  from: string;
  count: number;
}

export interface CategoryStat {
  categoryId: number;
  name: string;
  registered: number;
  participants: number;
  /** participants / registered, null with nobody registered. */
  rate: number | null;
}

export interface ScoreBin {
  /** Inclusive lower bound. */
  from: number;
  /** Inclusive upper bound (bins of whole scores have from = to). */
  to: number;
  count: number;
}

export interface Statistics {
  started: number;
  submitted: number;
  participants: number;
  registered: number;
  perfect: number;
  averageScore: number | null;
  averageSeconds: number | null;
  medianSeconds: number | null;
  bucketMinutes: number;
  overTime: TimeBar[];
  units: UnitRow[];
  categories: CategoryStat[];
  scores: ScoreBin[];
}

const MINUTE = 60_000;
/** Bucket sizes to choose from, smallest first; the first that gives at most MAX_BARS bars wins. */
const BUCKETS_MINUTES = [5, 15, 30, 60, 180, 360, 1440, 10_080] as const;
const MAX_BARS = 48;

export function chooseBucketMinutes(spanMs: number): number {
  return (
    BUCKETS_MINUTES.find((m) => spanMs / (m * MINUTE) < MAX_BARS) ??
    BUCKETS_MINUTES[BUCKETS_MINUTES.length - 1]
  );
}

/** Bucket start for an instant, aligned on Vietnam's wall clock (a day bucket starts at 00:00 there). */
function bucketStart(ms: number, bucketMs: number): number {
  return Math.floor((ms + VN_UTC_OFFSET_MS) / bucketMs) * bucketMs - VN_UTC_OFFSET_MS;
}

/** Submissions per bucket, every bucket from the first to the last shown, empty ones included. */
export function submissionsOverTime(submittedAt: readonly string[]): {
  bucketMinutes: number;
  bars: TimeBar[];
} {
  const times = submittedAt.map((s) => Date.parse(s)).filter((ms) => !Number.isNaN(ms));
  if (times.length === 0) return { bucketMinutes: BUCKETS_MINUTES[0], bars: [] };
  const first = Math.min(...times);
  const last = Math.max(...times);
  const bucketMinutes = chooseBucketMinutes(last - first);
  const bucketMs = bucketMinutes * MINUTE;
  const start = bucketStart(first, bucketMs);
  const counts = new Map<number, number>();
  for (const ms of times) {
    const b = bucketStart(ms, bucketMs);
    counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  const bars: TimeBar[] = [];
  for (let b = start; b <= last; b += bucketMs)
    bars.push({ from: new Date(b).toISOString(), count: counts.get(b) ?? 0 });
  return { bucketMinutes, bars };
}

/** One bin per whole score when scores are whole and few; otherwise ten equal bins from 0 to the top. */
export function scoreDistribution(scores: readonly number[]): ScoreBin[] {
  if (scores.length === 0) return [];
  const max = Math.max(0, ...scores);
  if (scores.every(Number.isInteger) && max <= 50) {
    const bins: ScoreBin[] = Array.from({ length: max + 1 }, (_, i) => ({ from: i, to: i, count: 0 }));
    for (const s of scores) bins[Math.max(0, s)].count++;
    return bins;
  }
  const width = max / 10 || 1;
  const bins: ScoreBin[] = Array.from({ length: 10 }, (_, i) => ({
    from: Math.round(i * width * 100) / 100,
    to: Math.round((i + 1) * width * 100) / 100,
    count: 0,
  }));
  for (const s of scores) bins[Math.min(9, Math.max(0, Math.floor(s / width)))].count++;
  return bins;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

export interface StatisticsInput {
  /** Every ranked attempt (in progress or submitted) of the round or the contest. */
  attempts: readonly AttemptDetail[];
  /** The ranking (one row per contestant and round). */
  ranking: readonly RankedRow[];
  units: readonly UnitRow[];
  categories: readonly { id: number; name: string }[];
  registeredByCategory: ReadonlyMap<number, number>;
}

export function computeStatistics(input: StatisticsInput): Statistics {
  const submitted = input.attempts.filter((a) => a.status === "submitted");
  const participants = new Set(input.ranking.map((r) => r.contestantId));
  const perCategory = new Map<number, Set<number>>();
  for (const r of input.ranking) {
    const set = perCategory.get(r.categoryId) ?? new Set<number>();
    set.add(r.contestantId);
    perCategory.set(r.categoryId, set);
  }
  const seconds = input.ranking.map((r) => r.durationMs / 1000);
  const { bucketMinutes, bars } = submissionsOverTime(submitted.map((a) => a.submittedAt ?? ""));
  return {
    started: input.attempts.length,
    submitted: submitted.length,
    participants: participants.size,
    registered: [...input.registeredByCategory.values()].reduce((sum, n) => sum + n, 0),
    perfect: submitted.filter((a) => a.allCorrect).length,
    averageScore: mean(input.ranking.map((r) => r.score)),
    averageSeconds: mean(seconds),
    medianSeconds: median(seconds),
    bucketMinutes,
    overTime: bars,
    units: [...input.units],
    categories: input.categories.map((c) => {
      const registered = input.registeredByCategory.get(c.id) ?? 0;
      const took = perCategory.get(c.id)?.size ?? 0;
      return {
        categoryId: c.id,
        name: c.name,
        registered,
        participants: took,
        rate: registered > 0 ? took / registered : null,
      };
    }),
    scores: scoreDistribution(input.ranking.map((r) => r.score)),
  };
}
