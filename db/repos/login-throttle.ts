/**
 * Attempts counted before they are made (logins, registrations): `reserveAttempt` takes one of the
 * attempts a key has in its window with one conditional UPDATE, so concurrent requests cannot all pass
 * a check before any of them is counted, in one process or several, on SQLite or PostgreSQL (plain
 * portable statements, no row locks). When none is left a lock-out starts; each lock-out in a row
 * doubles the next one's delay.
 */
import type { Db } from "../connection";

export interface AttemptPolicy {
  /** Attempts allowed in a window. */
  maxAttempts: number;
  windowMs: number;
  /** The first lock-out's length; each following one doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export type Reservation = { ok: true } | { ok: false; retryAt: Date };

export function lockoutDelayMs(policy: AttemptPolicy, lockouts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(lockouts, 20));
}

export async function reserveAttempt(
  db: Db,
  key: string,
  policy: AttemptPolicy,
  now: Date,
): Promise<Reservation> {
  const at = now.toISOString();
  const windowOpenedAfter = new Date(now.getTime() - policy.windowMs).toISOString();
  await db
    .insertInto("login_throttle")
    .values({ key, failures: 0, window_started_at: at, blocked_until: null })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  // A window that has ended starts afresh (never while a lock-out runs).
  await db
    .updateTable("login_throttle")
    .set({ failures: 0, window_started_at: at })
    .where("key", "=", key)
    .where("window_started_at", "<=", windowOpenedAfter)
    .where((eb) => eb.or([eb("blocked_until", "is", null), eb("blocked_until", "<=", at)]))
    .execute();
  // The reservation itself: one statement, atomic wherever it runs.
  const taken = await db
    .updateTable("login_throttle")
    .set((eb) => ({ failures: eb("failures", "+", 1) }))
    .where("key", "=", key)
    .where("failures", "<", policy.maxAttempts)
    .where((eb) => eb.or([eb("blocked_until", "is", null), eb("blocked_until", "<=", at)]))
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 1) return { ok: true };

  // None left: the first request to find no lock-out on starts one; the others report it.
  for (let tries = 0; tries < 3; tries++) {
    const row = await db
      .selectFrom("login_throttle")
      .select(["blocked_until", "lockouts"])
      .where("key", "=", key)
      .executeTakeFirst();
    if (!row) return { ok: false, retryAt: new Date(now.getTime() + policy.baseDelayMs) };
    if (row.blocked_until !== null && row.blocked_until > at)
      return { ok: false, retryAt: new Date(row.blocked_until) };
    const until = new Date(now.getTime() + lockoutDelayMs(policy, row.lockouts)).toISOString();
    const started = await db
      .updateTable("login_throttle")
      .set({ blocked_until: until, lockouts: row.lockouts + 1, failures: 0, window_started_at: until })
      .where("key", "=", key)
      .where("lockouts", "=", row.lockouts)
      .where((eb) => eb.or([eb("blocked_until", "is", null), eb("blocked_until", "<=", at)]))
      .executeTakeFirst();
    if (Number(started.numUpdatedRows) === 1) return { ok: false, retryAt: new Date(until) };
  }
  return { ok: false, retryAt: new Date(now.getTime() + policy.baseDelayMs) };
}

/** A successful login forgets the key's attempts and lock-outs. */
export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("key", "=", key).execute();
}

/** Gives back one reserved attempt (a shared address after a successful login). */
export async function refundAttempt(db: Db, key: string): Promise<void> {
  await db
    .updateTable("login_throttle")
    .set((eb) => ({ failures: eb("failures", "-", 1) }))
    .where("key", "=", key)
    .where("failures", ">", 0)
    .execute();
}
