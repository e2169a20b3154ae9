import { describe, expect, it } from "vitest";
import { chooseBucketMinutes, scoreDistribution, submissionsOverTime } from "./statistics";

describe("submissions over time", () => {
  it("chooses a bucket that gives at most 48 bars and fills empty buckets with zero", () => {
    expect(chooseBucketMinutes(60 * 60_000)).toBe(5);
    expect(chooseBucketMinutes(7 * 24 * 3600_000)).toBe(360);
    const { bucketMinutes, bars } = submissionsOverTime([
      "2026-11-27T01:01:00.000Z",
      "2026-11-27T01:02:00.000Z",
      "2026-11-27T01:17:00.000Z",
    ]);
    expect(bucketMinutes).toBe(5);
    expect(bars.map((b) => b.count)).toEqual([2, 0, 0, 1]);
    expect(bars[0].from).toBe("2026-11-27T01:00:00.000Z");
  });

  it("starts day buckets at midnight in Vietnam, not in UTC", () => {
    const { bucketMinutes, bars } = submissionsOverTime([
      "2026-11-20T18:00:00.000Z",
      "2026-12-10T16:30:00.000Z",
    ]);
    expect(bucketMinutes).toBe(1440);
    // 18:00Z on 20/11 is 01:00 on 21/11 in Vietnam: its day starts at 17:00Z on 20/11.
    expect(bars[0].from).toBe("2026-11-20T17:00:00.000Z");
    expect(bars.reduce((sum, b) => sum + b.count, 0)).toBe(2);
  });

  it("has no bars without submissions", () => {
    expect(submissionsOverTime([]).bars).toEqual([]);
  });
});

describe("score distribution", () => {
  it("gives one bin per whole score from 0 to the best", () => {
    expect(scoreDistribution([0, 2, 2, 3]).map((b) => [b.from, b.count])).toEqual([
      [0, 1],
      [1, 0],
      [2, 2],
      [3, 1],
    ]);
  });

  it("gives ten bins when scores have fractions, every score in one of them", () => {
    const bins = scoreDistribution([0.5, 9.75, 19.5, 20]);
    expect(bins).toHaveLength(10);
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(4);
    expect(bins[9].count).toBe(2);
  });
});
