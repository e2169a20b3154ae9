/**
 * The one way a socket event is handled: the acknowledgement must be a function, the payload is parsed
 * with the contract's Zod schema, the socket's rate is limited, and any failure becomes an error
 * acknowledgement. A malformed or unknown event changes nothing.
 */
import type { Socket } from "socket.io";
import type { ZodType, ZodTypeDef } from "zod";
import { newBucket, take, type Bucket, type BucketPolicy } from "~/rules/rate-limit";
import type { Ack, ClientToServerEvents, ServerToClientEvents, SocketData } from "~/realtime/contract";
import type { Services } from "../services";

export type ContestSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** 20 events a second sustained, bursts of 40: far above a person tapping answers. */
export const SOCKET_RATE: BucketPolicy = { capacity: 40, perSecond: 20 };
/** A socket refused this many times in a row is a flood, and is disconnected. */
export const FLOOD_DISCONNECT_AFTER = 200;

const buckets = new WeakMap<ContestSocket, { bucket: Bucket; refused: number }>();

export function allowEvent(socket: ContestSocket, now: number): boolean {
  let state = buckets.get(socket);
  if (!state) {
    state = { bucket: newBucket(SOCKET_RATE, now), refused: 0 };
    buckets.set(socket, state);
  }
  if (take(state.bucket, SOCKET_RATE, now)) {
    state.refused = 0;
    return true;
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
    if (!allowEvent(socket, Date.now())) return reply({ error: { code: "rateLimited" } });
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
