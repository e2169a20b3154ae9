/**
 * Registers every area's socket handlers on the server. Each handler module is a closure over `io`,
 * the socket and the services; events are documented in docs/realtime.md.
 */
import type { ContestSocket, RealtimeServer } from "~/realtime/contract";
import type { Services } from "../services";
import { socketAuth } from "./auth";
import { forwardAttemptEvents, registerAttemptHandlers } from "./attempts";
import { registerBoard } from "./board";
import { guardEvents } from "./handle";
import { sessionRoom, userRoom } from "../security/sessions";
import { registerScreens } from "./screens";
import { LiveHub } from "../live/hub";
import { LiveOwners } from "../live/owners";
import { LIVE_EVENTS, registerLiveHandlers } from "../live/realtime";

const KNOWN_EVENTS = new Set<string>([
  "attempt:watch",
  "attempt:answer",
  "attempt:mark",
  "attempt:predict",
  "attempt:submit",
  "board:join",
  "board:leave",
  "me:rank",
  "console:watch",
  "screen:hello",
  "screen:list",
  "screen:show",
  ...LIVE_EVENTS,
]);

export function registerRealtime(io: RealtimeServer, services: Services): () => void {
  io.use(socketAuth(services));
  const stopForwarding = forwardAttemptEvents(io, services);
  const board = registerBoard(io, services);
  // Ended sessions lose their sockets at once, in this process or (through the adapter) another.
  const stopRevoking = services.events.on("sessionsRevoked", ({ rooms }) => {
    if (rooms.length > 0) io.in(rooms).disconnectSockets(true);
  });
  registerScreens(io, services);
  const hub = new LiveHub(services, (room, event, ...args) => io.to(room).emit(event, ...args));
  // Several processes: each final is run by the one that owns it, the others hand it their calls.
  const live = services.cluster ? new LiveOwners(services, services.cluster, hub) : hub;
  const liveStarted = live
    .start()
    .catch((error) => services.logger.error({ err: error }, "live finals could not be resumed"));
  io.on("connection", (socket: ContestSocket) => {
    guardEvents(services, socket);
    if (socket.data.sessionId !== null && socket.data.userId !== null)
      void socket.join([sessionRoom(socket.data.sessionId), userRoom(socket.data.userId)]);
    registerAttemptHandlers(services, socket);
    registerLiveHandlers(services, live, socket);
    // An event nobody handles gets an error answer rather than silence.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (KNOWN_EVENTS.has(event)) return;
      const ack = args.at(-1);
      if (typeof ack === "function") ack({ error: { code: "unknownEvent" } });
    });
  });
  return () => {
    stopRevoking();
    stopForwarding();
    board.stop();
    void liveStarted.then(() => live.stop());
  };
}
