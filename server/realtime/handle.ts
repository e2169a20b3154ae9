/**
 * The one way a socket event is handled: the acknowledgement must be a function, the payload is parsed
 * with the contract's Zod schema, and any failure becomes an error acknowledgement. A malformed or
 * unknown event changes nothing. Before any handler, every event passes the socket's rate limit and
 * session check (`guardEvents`, used by register.ts).
 */
import type { ZodType, ZodTypeDef } from "zod";
import { newBucket, take, type Bucket, type BucketPolicy } from "~/rules/rate-limit";
import type { Ack, ClientToServerEvents, ContestSocket } from "~/realtime/contract";
import type { Services } from "../services";

/** 20 events a second sustained, bursts of 40: far above a person tapping answers. */
export const SOCKET_RATE: BucketPolicy = { capacity: 40, perSecond: 20 };
/**
 * A socket refused this many times within FLOOD_WINDOW_MS is a flood, and is disconnected. The count
 * is not reset by the events the bucket lets through meanwhile: a sustained flood (just above the
 * refill rate) is caught as surely as a burst.
 */
export const FLOOD_DISCONNECT_AFTER = 100;
export const FLOOD_WINDOW_MS = 10_000;

const buckets = new WeakMap<ContestSocket, { bucket: Bucket; refused: number; windowStart: number }>();

/** Every event of the socket, known or not, acknowledged or not, passes here once (register.ts). */
export function allowEvent(socket: ContestSocket, now: number): boolean {
  let state = buckets.get(socket);
  if (!state) {
    state = { bucket: newBucket(SOCKET_RATE, now), refused: 0, windowStart: now };
    buckets.set(socket, state);
  }
  if (take(state.bucket, SOCKET_RATE, now)) return true;
  if (now - state.windowStart > FLOOD_WINDOW_MS) {
    state.windowStart = now;
    state.refused = 0;
  }
  if (++state.refused >= FLOOD_DISCONNECT_AFTER) socket.disconnect(true);
  return false;
}

export function handle<P, T>(
  services: Services,
  socket: ContestSocket,
  event: keyof ClientToServerEvents,
  schema: ZodType<P, ZodTypeDef, unknown>,
  handler: (payload: P) => Promise<Ack<T>>,
): void {
  socket.on(event, async (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== "function") return; // no way to answer: ignore
    const reply = ack as (response: Ack<T>) => void;
    const parsed = schema.safeParse(args.length > 1 ? args[0] : undefined);
    if (!parsed.success) return reply({ error: { code: "badRequest" } });
    try {
      reply(await handler(parsed.data));
    } catch (error) {
      services.logger.error({ err: error, event, socketId: socket.id }, "socket handler failed");
      reply({ error: { code: "serverError" } });
    }
  });
}

/**
 * Runs before every incoming event: the rate limit (a flood is disconnected) and the session check (a
 * socket whose session has expired is refused and disconnected; revoked sessions are disconnected at
 * once by `revokeSessions`). Refused events never reach a handler; an acknowledgement gets the reason.
 */
export function guardEvents(services: Services, socket: ContestSocket): void {
  socket.use((packet, next) => {
    const ack = packet.at(-1);
    const reply = typeof ack === "function" ? (ack as (response: Ack<never>) => void) : null;
    if (!allowEvent(socket, Date.now())) {
      reply?.({ error: { code: "rateLimited" } });
      return;
    }
    const expiresAt = socket.data.sessionExpiresAt;
    if (expiresAt !== null && services.clock.now().getTime() >= expiresAt) {
      reply?.({ error: { code: "notSignedIn" } });
      socket.disconnect(true);
      return;
    }
    next();
  });
}
