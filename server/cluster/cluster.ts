/**
 * What makes several processes one contest, when REDIS_URL is set:
 * - Socket.IO's Redis adapter (`@socket.io/redis-adapter`, pub/sub), so `io.to(room).emit` reaches the
 *   sockets of every process, and `fetchSockets` sees them all;
 * - contest events published on one channel, so every process's board marks the round dirty;
 * - leases (leases.ts) for the work that runs in one process at a time.
 *
 * Without Redis, `localCluster()` gives the same shape for one process alone.
 */
import crypto from "node:crypto";
import os from "node:os";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import type { ContestEvents } from "../contest/events";
import type { Logger } from "../logger";
import { localLeases, redisLeases, type Leases } from "./leases";

export interface Cluster {
  /** This process, in logs and lease values. */
  id: string;
  leases: Leases;
  /** The Socket.IO adapter to install (`io.adapter(...)`), or null for the in-memory one. */
  adapter: ReturnType<typeof createAdapter> | null;
  close(): Promise<void>;
}

export function processId(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
}

export function localCluster(): Cluster {
  const id = processId();
  return { id, leases: localLeases(id), adapter: null, close: async () => undefined };
}

interface Envelope {
  from: string;
  name: string;
  payload: unknown;
}

/** Connects to Redis and relays this process's contest events to the others (and theirs to it). */
export async function connectCluster(
  redis: { url: string; prefix: string },
  events: ContestEvents,
  logger: Logger,
): Promise<Cluster> {
  const id = processId();
  const options = { lazyConnect: true, maxRetriesPerRequest: 3, enableOfflineQueue: true };
  const commands = new Redis(redis.url, options);
  const subscriber = new Redis(redis.url, options);
  const adapterPub = new Redis(redis.url, options);
  const adapterSub = new Redis(redis.url, options);
  const clients = [commands, subscriber, adapterPub, adapterSub];
  for (const client of clients) {
    client.on("error", (error: Error) => logger.warn({ err: error.message }, "redis connection problem"));
  }
  try {
    await Promise.all(clients.map((c) => c.connect()));
  } catch (error) {
    clients.forEach((c) => c.disconnect());
    throw new Error(`REDIS_URL: Redis does not answer at ${redis.url} (${String(error)})`);
  }

  const channel = `${redis.prefix}events`;
  await subscriber.subscribe(channel);
  subscriber.on("message", (from: string, message: string) => {
    if (from !== channel) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      return;
    }
    if (envelope.from === id) return; // our own, already heard locally
    events.receiveRemote(envelope.name, envelope.payload);
  });
  events.setRelay({
    publish(name, payload) {
      const envelope: Envelope = { from: id, name, payload };
      commands.publish(channel, JSON.stringify(envelope)).catch((error: unknown) => {
        logger.error({ err: error, event: name }, "could not publish a contest event to the other processes");
      });
    },
  });

  return {
    id,
    leases: redisLeases(commands, redis.prefix, id),
    adapter: createAdapter(adapterPub, adapterSub, { key: `${redis.prefix}socket.io` }),
    async close() {
      events.setRelay(null);
      await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
