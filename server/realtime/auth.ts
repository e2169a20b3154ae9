/**
 * Who is on the other end of a socket: the session cookie sent with the handshake, checked like an
 * HTTP request's. Anonymous sockets are allowed (audience screens), with no user.
 */
import type { IncomingMessage } from "node:http";
import { parse as parseCookies } from "cookie";
import { findLiveSession } from "#db/repos/sessions";
import { sha256 } from "../security/password";
import { SESSION_COOKIE } from "../security/session-cookie";
import type { Services } from "../services";
import type { ContestSocket } from "~/realtime/contract";

export function socketAuth(services: Services) {
  return async (socket: ContestSocket, next: (error?: Error) => void) => {
    socket.data.userId = null;
    socket.data.role = null;
    socket.data.sessionId = null;
    socket.data.sessionExpiresAt = null;
    try {
      const token = parseCookies(socket.handshake.headers.cookie ?? "")[SESSION_COOKIE];
      if (token) {
        const found = await findLiveSession(services.db, sha256(token), services.clock.now());
        if (found) {
          socket.data.userId = found.user.id;
          socket.data.role = found.user.role;
          socket.data.sessionId = found.session.id;
          socket.data.sessionExpiresAt = new Date(found.session.expires_at).getTime();
        }
      }
      next();
    } catch (error) {
      services.logger.error({ err: error }, "socket authentication failed");
      next(new Error("unavailable"));
    }
  };
}

/**
 * Refuses a handshake whose Origin is another site: with the session cookie attached, a foreign page
 * could otherwise act as the signed-in contestant (cross-site WebSocket hijacking).
 */
export function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser (scripts, the simulation), which carries no ambient cookie
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
