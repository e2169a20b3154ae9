/**
 * The browser's socket: same origin, websocket first with long-polling as the fallback, reconnecting
 * forever with a capped backoff (a screen or a phone must come back by itself after a cut).
 */
import { io, type Socket } from "socket.io-client";
import type { Ack, ClientToServerEvents, ServerToClientEvents } from "./contract";

export type ContestClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connectContestSocket(): ContestClientSocket {
  return io({
    transports: ["websocket", "polling"],
    reconnection: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
    timeout: 10_000,
  });
}

/** Emits with an acknowledgement and a time limit; a timeout or a dropped connection is an error code. */
export function request<T>(
  socket: ContestClientSocket,
  send: (s: ContestClientSocket, ack: (response: Ack<T>) => void) => void,
  timeoutMs = 10_000,
): Promise<Ack<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ error: { code: "timeout" } }), timeoutMs);
    send(socket, (response) => {
      clearTimeout(timer);
      resolve(response);
    });
  });
}
