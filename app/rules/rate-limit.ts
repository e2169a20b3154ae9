/**
 * A token bucket: `capacity` events at once, refilled at `perSecond`. Pure: the caller passes the time.
 * Used per socket so that one flooding client cannot starve the others.
 */
export interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface BucketPolicy {
  capacity: number;
  perSecond: number;
}

export function newBucket(policy: BucketPolicy, now: number): Bucket {
  return { tokens: policy.capacity, updatedAt: now };
}

/** Takes one token if there is one. Mutates and returns whether the event may go ahead. */
export function take(bucket: Bucket, policy: BucketPolicy, now: number): boolean {
  const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
  bucket.tokens = Math.min(policy.capacity, bucket.tokens + elapsed * policy.perSecond);
  bucket.updatedAt = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}
