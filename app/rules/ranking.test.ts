import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { liveRanking, officialRanking, overallRanking, type RankingEntry } from "./ranking";

function entry(attemptId: number, overrides: Partial<RankingEntry> = {}): RankingEntry {
  return {
    attemptId,
    contestantId: attemptId * 10,
    score: 10,
    durationMs: 60_000,
    submittedAt: "2026-11-27T01:00:00.000Z",
    prediction: 0,
    allCorrect: false,
    ...overrides,
  };
}

const ids = (rows: { attemptId: number }[]) => rows.map((r) => r.attemptId);

describe("liveRanking", () => {
  it("ranks by score, high first", () => {
    const rows = liveRanking([entry(1, { score: 5 }), entry(2, { score: 9 }), entry(3, { score: 7 })]);
    expect(ids(rows)).toEqual([2, 3, 1]);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it("breaks a score tie by time taken, then by submission time, then by attempt id", () => {
    const rows = liveRanking([
      entry(1, { durationMs: 90_000 }),
      entry(2, { durationMs: 60_000, submittedAt: "2026-11-27T01:05:00Z" }),
      entry(3, { durationMs: 60_000, submittedAt: "2026-11-27T01:04:00Z" }),
      entry(5, { durationMs: 30_000 }),
      entry(4, { durationMs: 30_000 }),
    ]);
    expect(ids(rows)).toEqual([4, 5, 3, 2, 1]);
  });

  it("ignores the prediction while the round runs", () => {
    const rows = liveRanking([
      entry(1, { prediction: 999, durationMs: 1 }),
      entry(2, { prediction: 0, durationMs: 2 }),
    ]);
    expect(ids(rows)).toEqual([1, 2]);
  });

  it("compares submission instants, not strings", () => {
    // Same instant written two ways, then an earlier instant whose string sorts later.
    const rows = liveRanking([
      entry(2, { submittedAt: "2026-11-27T01:00:00Z" }),
      entry(1, { submittedAt: "2026-11-27T01:00:00.000Z" }),
      entry(3, { submittedAt: "2026-11-27T00:59:59.999+00:00" }),
    ]);
    expect(ids(rows)).toEqual([3, 1, 2]);
  });

  it("refuses an unreadable submission time rather than ranking it anywhere", () => {
    expect(() => liveRanking([entry(1), entry(2, { submittedAt: "yesterday" })])).toThrow(RangeError);
  });

  it("keeps the caller's extra fields on each row", () => {
    const [row] = liveRanking([{ ...entry(1), maskedName: "Nguyễn Văn A." }]);
    expect(row.maskedName).toBe("Nguyễn Văn A.");
  });
});

describe("officialRanking", () => {
  it("counts the perfect entries and measures each prediction against that count", () => {
    const result = officialRanking([
      entry(1, { allCorrect: true, prediction: 5 }),
      entry(2, { allCorrect: true, prediction: 1 }),
      entry(3, { allCorrect: false, prediction: null }),
    ]);
    expect(result.perfectCount).toBe(2);
    const distance = Object.fromEntries(result.rows.map((r) => [r.attemptId, r.predictionDistance]));
    expect(distance).toEqual({ 1: 3, 2: 1, 3: null });
  });

  it("puts a higher score first whatever the prediction", () => {
    const result = officialRanking([
      entry(1, { score: 9, prediction: 1000 }),
      entry(2, { score: 10, prediction: null }),
    ]);
    expect(ids(result.rows)).toEqual([2, 1]);
  });

  it("breaks a score tie by the closest prediction before time taken", () => {
    // Nobody is perfect, so the real count is 0.
    const result = officialRanking([
      entry(1, { prediction: 3, durationMs: 10_000 }),
      entry(2, { prediction: 1, durationMs: 90_000 }),
      entry(3, { prediction: 2, durationMs: 50_000 }),
    ]);
    expect(result.perfectCount).toBe(0);
    expect(ids(result.rows)).toEqual([2, 3, 1]);
  });

  it("treats predictions above and below the real count by their distance alone", () => {
    const perfect = [entry(10, { score: 20, allCorrect: true }), entry(11, { score: 20, allCorrect: true })];
    const result = officialRanking([
      ...perfect,
      entry(1, { prediction: 5, durationMs: 2 }), // distance 3
      entry(2, { prediction: 0, durationMs: 3 }), // distance 2
      entry(3, { prediction: 4, durationMs: 1 }), // distance 2, faster
    ]);
    expect(result.perfectCount).toBe(2);
    expect(ids(result.rows)).toEqual([10, 11, 3, 2, 1]);
  });

  it("ranks an entrant without a prediction after everyone with the same score who predicted", () => {
    const result = officialRanking([
      entry(1, { prediction: null, durationMs: 1 }),
      entry(2, { prediction: 1_000_000, durationMs: 99_000 }),
      entry(3, { prediction: null, durationMs: 2, score: 9 }),
    ]);
    expect(ids(result.rows)).toEqual([2, 1, 3]);
    expect(result.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it("falls back to submission time, then attempt id", () => {
    const result = officialRanking([entry(3), entry(2, { submittedAt: "2026-11-27T00:30:00Z" }), entry(1)]);
    expect(ids(result.rows)).toEqual([2, 1, 3]);
  });

  it("handles a round with no entries", () => {
    expect(officialRanking([])).toEqual({ perfectCount: 0, rows: [] });
  });
});

describe("overallRanking", () => {
  it("sums each contestant's rounds, then ranks by total score, total time and contestant id", () => {
    const rows = overallRanking([
      { contestantId: 7, score: 10, durationMs: 100 },
      { contestantId: 7, score: 8, durationMs: 100 },
      { contestantId: 3, score: 18, durationMs: 150 },
      { contestantId: 5, score: 18, durationMs: 200 },
      { contestantId: 9, score: 20, durationMs: 999 },
      { contestantId: 4, score: 18, durationMs: 150 },
    ]);
    expect(rows).toEqual([
      { contestantId: 9, totalScore: 20, totalDurationMs: 999, rounds: 1, rank: 1 },
      { contestantId: 3, totalScore: 18, totalDurationMs: 150, rounds: 1, rank: 2 },
      { contestantId: 4, totalScore: 18, totalDurationMs: 150, rounds: 1, rank: 3 },
      { contestantId: 5, totalScore: 18, totalDurationMs: 200, rounds: 1, rank: 4 },
      { contestantId: 7, totalScore: 18, totalDurationMs: 200, rounds: 2, rank: 5 },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Properties over random rounds. Values are drawn from tiny ranges so that ties happen at every level.

const BASE_MS = Date.parse("2026-11-27T01:00:00Z");

const entriesArb = fc
  .uniqueArray(
    fc.record({
      attemptId: fc.integer({ min: 1, max: 10_000 }),
      contestantId: fc.integer({ min: 1, max: 50 }),
      score: fc.integer({ min: 0, max: 3 }),
      durationMs: fc.integer({ min: 0, max: 3 }),
      submittedOffsetMs: fc.integer({ min: 0, max: 2 }),
      prediction: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null, freq: 4 }),
      allCorrect: fc.boolean(),
    }),
    { selector: (e) => e.attemptId, maxLength: 40 },
  )
  .map((raw) =>
    raw.map(({ submittedOffsetMs, ...rest }): RankingEntry => ({
      ...rest,
      submittedAt: new Date(BASE_MS + submittedOffsetMs).toISOString(),
    })),
  );

const withShuffle = entriesArb.chain((entries) =>
  fc.tuple(
    fc.constant(entries),
    fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }),
  ),
);

/** An independent statement of the official chain, as a tuple compared left to right. */
function officialKey(e: RankingEntry, perfectCount: number): number[] {
  const predicted = e.prediction !== null;
  return [
    -e.score,
    predicted ? 0 : 1,
    predicted ? Math.abs(e.prediction! - perfectCount) : 0,
    e.durationMs,
    Date.parse(e.submittedAt),
    e.attemptId,
  ];
}

const liveKey = (e: RankingEntry): number[] => [
  -e.score,
  e.durationMs,
  Date.parse(e.submittedAt),
  e.attemptId,
];

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

const sortedIds = (rows: { attemptId: number }[]) => ids(rows).sort((a, b) => a - b);

describe("ranking properties", () => {
  it("live: a permutation of the input, ranked 1..n, in strictly increasing key order, whatever the input order", () => {
    fc.assert(
      fc.property(withShuffle, ([entries, shuffled]) => {
        const rows = liveRanking(entries);
        expect(sortedIds(rows)).toEqual(sortedIds(entries));
        expect(rows.map((r) => r.rank)).toEqual(entries.map((_, i) => i + 1));
        for (let i = 1; i < rows.length; i++)
          expect(lexLess(liveKey(rows[i - 1]), liveKey(rows[i]))).toBe(true);
        expect(liveRanking(shuffled)).toEqual(rows);
      }),
    );
  });

  it("official: a permutation of the input, ranked 1..n, in strictly increasing key order, whatever the input order", () => {
    fc.assert(
      fc.property(withShuffle, ([entries, shuffled]) => {
        const result = officialRanking(entries);
        expect(result.perfectCount).toBe(entries.filter((e) => e.allCorrect).length);
        expect(sortedIds(result.rows)).toEqual(sortedIds(entries));
        expect(result.rows.map((r) => r.rank)).toEqual(entries.map((_, i) => i + 1));
        for (let i = 1; i < result.rows.length; i++) {
          const [prev, next] = [result.rows[i - 1], result.rows[i]];
          expect(
            lexLess(officialKey(prev, result.perfectCount), officialKey(next, result.perfectCount)),
          ).toBe(true);
        }
        for (const row of result.rows) {
          expect(row.predictionDistance).toBe(
            row.prediction === null ? null : Math.abs(row.prediction - result.perfectCount),
          );
        }
        expect(officialRanking(shuffled)).toEqual(result);
      }),
    );
  });

  it("overall: one row per contestant with the sums of their rounds, in key order, whatever the input order", () => {
    const results = fc.array(
      fc.record({
        contestantId: fc.integer({ min: 1, max: 8 }),
        score: fc.integer({ min: 0, max: 3 }),
        durationMs: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 40 },
    );
    const withOrder = results.chain((r) =>
      fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length, maxLength: r.length })),
    );
    fc.assert(
      fc.property(withOrder, ([input, shuffled]) => {
        const rows = overallRanking(input);
        const contestants = [...new Set(input.map((r) => r.contestantId))].sort((a, b) => a - b);
        expect(rows.map((r) => r.contestantId).sort((a, b) => a - b)).toEqual(contestants);
        expect(rows.map((r) => r.rank)).toEqual(contestants.map((_, i) => i + 1));
        for (const row of rows) {
          const mine = input.filter((r) => r.contestantId === row.contestantId);
          expect(row.totalScore).toBe(mine.reduce((s, r) => s + r.score, 0));
          expect(row.totalDurationMs).toBe(mine.reduce((s, r) => s + r.durationMs, 0));
          expect(row.rounds).toBe(mine.length);
        }
        const key = (r: (typeof rows)[number]) => [-r.totalScore, r.totalDurationMs, r.contestantId];
        for (let i = 1; i < rows.length; i++) expect(lexLess(key(rows[i - 1]), key(rows[i]))).toBe(true);
        expect(overallRanking(shuffled)).toEqual(rows);
      }),
    );
  });
});
