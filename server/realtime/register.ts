/**
 * Registers every area's socket handlers on the server. Areas are added as they are built; each
 * handler module is a closure over `io`, the socket and the services (see docs/realtime.md).
 */
import type { Server } from "socket.io";
import type { Services } from "../services";

export type RealtimeServer = Server;

export function registerRealtime(io: RealtimeServer, services: Services): void {
  io.on("connection", (socket) => {
    services.logger.debug({ socketId: socket.id }, "socket connected");
  });
}
