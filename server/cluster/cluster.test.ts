/**
 * Leases and the event relay on the machine's Redis (TEST_REDIS_URL): one holder at a time, renewal by
 * the holder, takeover after expiry; events from another process reach only "cluster" listeners.
 */
import crypto from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { ContestEvents } from "../contest/events";
import { createLogger } from "../logger";
import { ClusterRequestError, connectCluster } from "./cluster";
import { redisLeases } from "./leases";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `contest_so_test:${crypto.randomBytes(4).toString("hex")}:`;
const redis = new Redis(REDIS_URL);

afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe("leases", () => {
  it("has one holder at a time, renewed by it, taken over once it expires, given back on release", async () => {
    const a = redisLeases(redis, prefix, "a");
    const b = redisLeases(redis, prefix, "b");
    expect(await a.acquire("sweeper", 300)).toBe(true);
    expect(await b.acquire("sweeper", 300)).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(await a.acquire("sweeper", 300)).toBe(true); // renewed: still a's after the first 300 ms
    await new Promise((r) => setTimeout(r, 200));
    expect(await b.acquire("sweeper", 300)).toBe(false);
    expect(await a.holder("sweeper")).toBe("a");
    await new Promise((r) => setTimeout(r, 400)); // a stops renewing, as a killed process does
    expect(await b.acquire("sweeper", 300)).toBe(true);
    await a.release("sweeper"); // not a's any more: changes nothing
    expect(await b.holder("sweeper")).toBe("b");
    await b.release("sweeper");
    expect(await a.holder("sweeper")).toBeNull();
  });

  it("claims in one round trip: takes a free lease, renews its own, names the holder of another's", async () => {
    const a = redisLeases(redis, prefix, "a");
    const b = redisLeases(redis, prefix, "b");
    expect(await a.claim("live-final:1", 300)).toBe("a");
    expect(await b.claim("live-final:1", 300)).toBe("a");
    await new Promise((r) => setTimeout(r, 200));
    expect(await a.claim("live-final:1", 300)).toBe("a"); // renewed
    await new Promise((r) => setTimeout(r, 200));
    expect(await b.claim("live-final:1", 300)).toBe("a");
    await new Promise((r) => setTimeout(r, 400)); // a stops renewing
    expect(await b.claim("live-final:1", 300)).toBe("b");
    expect(await a.holder("live-final:1")).toBe("b");
  });
});

describe("requests to one process", () => {
  it("reach the named process and bring its answer; a process gone, a slow one and a failure are told apart", async () => {
    const logger = createLogger("silent");
    const a = await connectCluster({ url: REDIS_URL, prefix }, new ContestEvents(), logger);
    const b = await connectCluster({ url: REDIS_URL, prefix }, new ContestEvents(), logger);
    const c = await connectCluster({ url: REDIS_URL, prefix }, new ContestEvents(), logger);
    try {
      const heardBy: string[] = [];
      for (const [name, p] of [
        ["b", b],
        ["c", c],
      ] as const)
        p.serve("double", async (payload) => {
          heardBy.push(name);
          const { n } = payload as { n: number };
          if (n < 0) throw new Error("negative");
          if (n === 0) await new Promise((r) => setTimeout(r, 500));
          return { twice: n * 2 };
        });
      expect(await a.request(b.id, "double", { n: 21 }, 1_000)).toEqual({ twice: 42 });
      expect(heardBy).toEqual(["b"]); // only the process asked
      const reasonOf = (p: Promise<unknown>) =>
        p.then(
          () => "answered",
          (error: unknown) => (error instanceof ClusterRequestError ? error.reason : String(error)),
        );
      expect(await reasonOf(a.request(b.id, "double", { n: -1 }, 1_000))).toBe("failed");
      expect(await reasonOf(a.request(c.id, "double", { n: 0 }, 100))).toBe("timeout");
      const gone = c.id;
      await c.close();
      const asked = Date.now();
      expect(await reasonOf(a.request(gone, "double", { n: 1 }, 5_000))).toBe("unreachable");
      expect(Date.now() - asked).toBeLessThan(1_000); // told at once, not after the timeout
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe("the contest event relay", () => {
  it("brings another process's events to cluster listeners only, and each event once", async () => {
    const logger = createLogger("silent");
    const [eventsA, eventsB] = [new ContestEvents(), new ContestEvents()];
    const a = await connectCluster({ url: REDIS_URL, prefix }, eventsA, logger);
    const b = await connectCluster({ url: REDIS_URL, prefix }, eventsB, logger);
    try {
      const heard = { bCluster: [] as number[], bLocal: [] as number[], aCluster: [] as number[] };
      eventsB.on("roundRanked", (e) => heard.bCluster.push(e.roundId), "cluster");
      eventsB.on("roundRanked", (e) => heard.bLocal.push(e.roundId));
      eventsA.on("roundRanked", (e) => heard.aCluster.push(e.roundId), "cluster");
      eventsA.emit("roundRanked", { roundId: 7 });
      await expect.poll(() => heard.bCluster).toEqual([7]);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual({ bCluster: [7], bLocal: [], aCluster: [7] });
    } finally {
      await a.close();
      await b.close();
    }
  });
});
