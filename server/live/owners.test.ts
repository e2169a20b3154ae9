/**
 * Two live hubs, each behind its LiveOwners, on one PostgreSQL database and the machine's Redis (as two
 * processes): the owner runs the final and the other hands it its calls; an owner cut off from Redis lets
 * the final go once its lease may have expired, and the other takes it over from the database without
 * waiting for a call, with the same deadline and the answers already acknowledged, and tells its rooms.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import type { LiveView } from "~/realtime/live-contract";
import { createUser } from "#db/repos/users";
import { REDIS_URL, clearRedisPrefix, redisTestPrefix } from "../../tests/integration/cluster-harness";
import { contestFixture } from "../../tests/integration/contest-fixture";
import { finalSettings } from "../../tests/integration/live-final-settings";
import { connectCluster } from "../cluster/cluster";
import { ContestEvents } from "../contest/events";
import { createLogger } from "../logger";
import { createLiveFinal } from "./finals";
import { LiveHub, liveRoom } from "./hub";
import { LiveOwners, liveLease } from "./owners";

const prefix = redisTestPrefix();
const redis = new Redis(REDIS_URL);

afterAll(async () => {
  await clearRedisPrefix(redis, prefix);
  redis.disconnect();
});

describe("one owner per live final", () => {
  it("runs the final in its owner, takes calls from another process, and moves when the owner is cut off", async () => {
    const f = await contestFixture();
    const logger = createLogger("silent");
    const admin = await createUser(f.services.db, {
      role: "admin",
      username: "host",
      displayName: "Host",
      passwordHash: "x",
      now: f.clock.now(),
    });
    const created = await createLiveFinal(f.services, {
      contestId: f.seed.contestId,
      actorUserId: admin.id,
      settings: finalSettings(),
    });
    if (!created.ok) throw new Error(created.code);
    const { roundId } = created;
    const player = await f.addContestant("Trần Thị Hoa");

    const side = async () => {
      const cluster = await connectCluster({ url: REDIS_URL, prefix }, new ContestEvents(), logger);
      const services = { ...f.services, cluster };
      const sent: { room: string; event: string; view: LiveView }[] = [];
      const hub = new LiveHub(services, (room, event, ...args) =>
        sent.push({ room, event, view: args[0] as LiveView }),
      );
      const owners = new LiveOwners(services, cluster, hub, { leaseTtlMs: 800, forwardTimeoutMs: 1_000 });
      return { cluster, owners, sent };
    };
    const a = await side();
    const b = await side();
    try {
      await a.owners.start(); // first: takes the unfinished final
      await b.owners.start();
      expect(await redis.get(`${prefix}lease:${liveLease(roundId)}`)).toBe(a.cluster.id);

      // Everything asked of B is done by A: the state is A's, and only A broadcasts.
      const joined = await b.owners.join({ userId: player.userId, code: created.joinCode });
      expect(joined.ok).toBe(true);
      const started = await b.owners.command({ roundId, command: "start", actorUserId: admin.id });
      if (!started.ok) throw new Error(started.code);
      expect(await b.owners.answer({ userId: player.userId, roundId, position: 0, choice: 0 })).toMatchObject(
        {
          ok: true,
        },
      );
      expect(await a.owners.answer({ userId: player.userId, roundId, position: 0, choice: 1 })).toEqual({
        ok: false,
        code: "alreadyAnswered",
      });
      const seen = await a.owners.watch(roundId);
      expect(seen.ok && seen.data).toMatchObject({ phase: "open", joined: 1, answered: 1 });
      expect(a.sent.some((s) => s.event === "live:state" && s.view.phase === "open")).toBe(true);
      expect(b.sent).toEqual([]);

      // A round id made up by a client: refused, and no lease is kept for it.
      expect(await b.owners.watch(987_654)).toEqual({ ok: false, code: "notFound" });
      await expect.poll(() => redis.get(`${prefix}lease:${liveLease(987_654)}`)).toBeNull();

      // A loses Redis (its renewals fail): B takes the final over by itself within the lease's life.
      await a.cluster.close();
      await expect
        .poll(() => b.sent.find((s) => s.event === "live:state"), { timeout: 5_000, interval: 100 })
        .toMatchObject({
          room: liveRoom(roundId),
          view: { phase: "open", position: 0, deadlineAt: started.data.deadlineAt, answered: 1, joined: 1 },
        });
      expect(await redis.get(`${prefix}lease:${liveLease(roundId)}`)).toBe(b.cluster.id);
      const closed = await b.owners.command({ roundId, command: "close", actorUserId: admin.id });
      expect(closed.ok && closed.data.phase).toBe("closed");
    } finally {
      await a.owners.stop();
      await b.owners.stop();
      await b.cluster.close();
      await f.services.db.destroy();
    }
  });
});
