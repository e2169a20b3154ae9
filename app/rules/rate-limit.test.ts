import { describe, expect, it } from "vitest";
import { newBucket, take } from "./rate-limit";

describe("token bucket", () => {
  const policy = { capacity: 3, perSecond: 2 };

  it("allows a burst up to the capacity, then refuses", () => {
    const bucket = newBucket(policy, 0);
    expect([
      take(bucket, policy, 0),
      take(bucket, policy, 0),
      take(bucket, policy, 0),
      take(bucket, policy, 0),
    ]).toEqual([true, true, true, false]);
  });

  it("refills with time, never beyond the capacity", () => {
    const bucket = newBucket(policy, 0);
    for (let i = 0; i < 3; i++) take(bucket, policy, 0);
    expect(take(bucket, policy, 499)).toBe(false);
    expect(take(bucket, policy, 500)).toBe(true);
    expect(take(bucket, policy, 100_000)).toBe(true);
    expect(bucket.tokens).toBe(2);
  });
});
