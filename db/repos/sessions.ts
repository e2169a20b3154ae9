import type { Db } from "../connection";
import type { Role, Session } from "../schema";

export interface SessionWithUser {
  session: Session;
  user: { id: number; role: Role; displayName: string; mustChangePassword: boolean };
}

export async function createSession(
  db: Db,
  input: {
    id: string;
    userId: number;
    now: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: input.id,
      user_id: input.userId,
      created_at: input.now.toISOString(),
      last_seen_at: input.now.toISOString(),
      expires_at: input.expiresAt.toISOString(),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
}

/** The live session with its user, or undefined when it is unknown, expired, or its user is disabled. */
export async function findLiveSession(db: Db, id: string, now: Date): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("sessions")
    .select(["users.role", "users.display_name", "users.must_change_password", "users.disabled_at"])
    .where("sessions.id", "=", id)
    .where("sessions.expires_at", ">", now.toISOString())
    .executeTakeFirst();
  if (!row || row.disabled_at !== null) return undefined;
  return {
    session: {
      id: row.id,
      user_id: row.user_id,
      created_at: row.created_at,
      expires_at: row.expires_at,
      last_seen_at: row.last_seen_at,
      ip: row.ip,
      user_agent: row.user_agent,
    },
    user: {
      id: row.user_id,
      role: row.role,
      displayName: row.display_name,
      mustChangePassword: row.must_change_password === 1,
    },
  };
}

export async function touchSession(db: Db, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
    .where("id", "=", id)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** Log out everywhere: every session of the user goes. */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom("sessions").where("expires_at", "<=", now.toISOString()).execute();
}
