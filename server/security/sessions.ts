/**
 * Ending sessions, the one way: log out, log out everywhere, a disabled account, a one-time password
 * handed out, a password changed. The sessions go from the database and their open sockets are
 * disconnected at once: every socket of a signed-in user is in the rooms `session:<id>` and
 * `user:<id>` (server/realtime/register.ts), and `io.in(room).disconnectSockets(true)` reaches them
 * through the Socket.IO adapter in whichever process holds them.
 */
import type { Db } from "#db/connection";
import { deleteSession, deleteUserSessions } from "#db/repos/sessions";
import type { Services } from "../services";

export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const userRoom = (userId: number) => `user:${userId}`;

export type Revocation =
  /** One session (log out). */
  | { sessionId: string }
  /** Every session of the user, but `except` (the one changing its own password) when given. */
  | { userId: number; except?: string };

/**
 * Deletes the sessions and disconnects their sockets. Call it after the transaction that made the
 * change has committed (or pass no transaction): a socket that reconnects at once must find the
 * sessions gone.
 */
export async function revokeSessions(
  services: Services,
  target: Revocation,
  db: Db = services.db,
): Promise<number> {
  if ("sessionId" in target) {
    await deleteSession(db, target.sessionId);
    services.events.emit("sessionsRevoked", { rooms: [sessionRoom(target.sessionId)] });
    return 1;
  }
  if (target.except === undefined) {
    const count = await deleteUserSessions(db, target.userId);
    services.events.emit("sessionsRevoked", { rooms: [userRoom(target.userId)] });
    return count;
  }
  const others = await db
    .selectFrom("sessions")
    .select("id")
    .where("user_id", "=", target.userId)
    .where("id", "!=", target.except)
    .execute();
  const ids = others.map((s) => s.id);
  if (ids.length === 0) return 0;
  await db.deleteFrom("sessions").where("id", "in", ids).execute();
  services.events.emit("sessionsRevoked", { rooms: ids.map(sessionRoom) });
  return ids.length;
}
