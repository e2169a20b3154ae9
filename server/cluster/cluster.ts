/**
 * What makes several processes one contest, when REDIS_URL is set:
 * - Socket.IO's Redis adapter (`@socket.io/redis-adapter`, pub/sub), so `io.to(room).emit` reaches the
 *   sockets of every process, and `fetchSockets` sees them all;
 * - contest events published on one channel, so every process's board marks the round dirty;
 * - leases (leases.ts) for the work that runs in one process at a time;
 * - requests to one named process with its answer (`request`/`serve`): each process listens on its own
 *   channel, so work owned by one process (a live final) can be handed to it from another.
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
  /**
   * Asks the process `to` (a cluster id, as held in a lease) to run the request `name` and resolves with
   * its answer. Rejects with a ClusterRequestError: "unreachable" when nobody listens under that id (the
   * process is gone; the request was not delivered), "timeout" when no answer came in time (it may or may
   * not have run), "failed" when the handler threw there.
   */
  request(to: string, name: string, payload: unknown, timeoutMs: number): Promise<unknown>;
  /** Answers the requests named `name` sent to this process. Returns the function that stops it. */
  serve(name: string, handler: (payload: unknown) => Promise<unknown>): () => void;
  close(): Promise<void>;
}

export class ClusterRequestError extends Error {
  constructor(
    readonly reason: "unreachable" | "timeout" | "failed",
    message: string,
  ) {
    super(message);
    this.name = "ClusterRequestError";
  }
}

export function processId(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;
}

export function localCluster(): Cluster {
  const id = processId();
  return {
    id,
    leases: localLeases(id),
    adapter: null,
    request: async (to) => {
      throw new ClusterRequestError("unreachable", `no process ${to}: this process is alone`);
    },
    serve: () => () => undefined,
    close: async () => undefined,
  };
}

interface Envelope {
  from: string;
  name: string;
  payload: unknown;
}

/** What travels on a process's own channel: a request to it, or the answer to one of its requests. */
type Direct =
  | { kind: "request"; id: string; from: string; name: string; payload: unknown }
  | { kind: "answer"; id: string; ok: true; result: unknown }
  | { kind: "answer"; id: string; ok: false; message: string };

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
  const inboxOf = (processId: string) => `${redis.prefix}to:${processId}`;
  const inbox = inboxOf(id);
  const handlers = new Map<string, (payload: unknown) => Promise<unknown>>();
  const waiting = new Map<string, { settle: (answer: Direct & { kind: "answer" }) => void }>();
  const answer = (to: string, reply: Direct & { kind: "answer" }) =>
    commands.publish(inboxOf(to), JSON.stringify(reply)).catch((error: unknown) => {
      logger.error({ err: error, to }, "could not answer another process's request");
    });
  const onDirect = (message: string) => {
    let direct: Direct;
    try {
      direct = JSON.parse(message) as Direct;
    } catch {
      return;
    }
    if (direct.kind === "answer") return waiting.get(direct.id)?.settle(direct);
    const handler = handlers.get(direct.name);
    if (!handler)
      return void answer(direct.from, { kind: "answer", id: direct.id, ok: false, message: "unknown" });
    handler(direct.payload).then(
      (result) => answer(direct.from, { kind: "answer", id: direct.id, ok: true, result }),
      (error: unknown) => {
        logger.error({ err: error, request: direct.name }, "a request from another process failed");
        return answer(direct.from, { kind: "answer", id: direct.id, ok: false, message: String(error) });
      },
    );
  };
  await subscriber.subscribe(channel, inbox);
  subscriber.on("message", (from: string, message: string) => {
    if (from === inbox) return onDirect(message);
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
    request(to, name, payload, timeoutMs) {
      const requestId = crypto.randomBytes(8).toString("hex");
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(requestId);
          reject(new ClusterRequestError("timeout", `no answer from ${to} to ${name} in ${timeoutMs} ms`));
        }, timeoutMs);
        const settle = (error: ClusterRequestError | null, result?: unknown) => {
          clearTimeout(timer);
          waiting.delete(requestId);
          if (error) reject(error);
          else resolve(result);
        };
        waiting.set(requestId, {
          settle: (reply) =>
            reply.ok ? settle(null, reply.result) : settle(new ClusterRequestError("failed", reply.message)),
        });
        const request: Direct = { kind: "request", id: requestId, from: id, name, payload };
        commands.publish(inboxOf(to), JSON.stringify(request)).then(
          // Nobody subscribed under that id: the process is gone (Redis dropped its connection).
          (listeners) =>
            listeners === 0 && settle(new ClusterRequestError("unreachable", `no process ${to} listens`)),
          (error: unknown) => settle(new ClusterRequestError("unreachable", String(error))),
        );
      });
    },
    serve(name, handler) {
      handlers.set(name, handler);
      return () => handlers.delete(name);
    },
    async close() {
      events.setRelay(null);
      await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
