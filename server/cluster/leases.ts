/**
 * Leases: work that must run in one process at a time across the cluster (the deadline sweeper, the
 * board's flush of a round). A lease is a Redis key set with NX and an expiry; its holder renews it each
 * time it works, and when the holder dies the key expires and another process takes it over at its next
 * try — within the lease's time to live.
 *
 * On one process alone (no Redis) every lease is granted: the process is alone.
 */
import type { Redis } from "ioredis";

export interface Leases {
  /** Who this process is in lease values (host, pid and a random part). */
  readonly owner: string;
  /** Takes the lease, or renews it when this process holds it. True when this process holds it now. */
  acquire(name: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up, if this process holds it. */
  release(name: string): Promise<void>;
  /** Who holds the lease now, or null. */
  holder(name: string): Promise<string | null>;
  /**
   * Takes the lease when free, renews it when ours, in one round trip: returns who holds it afterwards
   * (this process's `owner` when it does now).
   */
  claim(name: string, ttlMs: number): Promise<string>;
}

export function localLeases(owner = "local"): Leases {
  return {
    owner,
    acquire: async () => true,
    release: async () => undefined,
    holder: async () => owner,
    claim: async () => owner,
  };
}

// Renew when ours, take when free: in one script so no other process can slip in between.
const ACQUIRE = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if current then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

// The same, answering with the holder afterwards.
const CLAIM = `
local current = redis.call('GET', KEYS[1])
if current == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return ARGV[1]
end
if current then return current end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export function redisLeases(redis: Redis, prefix: string, owner: string): Leases {
  const key = (name: string) => `${prefix}lease:${name}`;
  return {
    owner,
    async acquire(name, ttlMs) {
      const result = await redis.eval(ACQUIRE, 1, key(name), owner, String(Math.max(1, Math.round(ttlMs))));
      return result === 1;
    },
    async release(name) {
      await redis.eval(RELEASE, 1, key(name), owner);
    },
    holder: (name) => redis.get(key(name)),
    async claim(name, ttlMs) {
      const result = await redis.eval(CLAIM, 1, key(name), owner, String(Math.max(1, Math.round(ttlMs))));
      return String(result);
    },
  };
}
