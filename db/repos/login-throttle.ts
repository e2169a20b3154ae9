import type { Db } from "../connection";

export interface ThrottleRow {
  failures: number;
  windowStartedAt: Date | null;
  blockedUntil: Date | null;
}

const EMPTY: ThrottleRow = { failures: 0, windowStartedAt: null, blockedUntil: null };

export async function readThrottle(db: Db, key: string): Promise<ThrottleRow> {
  const row = await db.selectFrom("login_throttle").selectAll().where("key", "=", key).executeTakeFirst();
  if (!row) return EMPTY;
  return {
    failures: row.failures,
    windowStartedAt: row.window_started_at ? new Date(row.window_started_at) : null,
    blockedUntil: row.blocked_until ? new Date(row.blocked_until) : null,
  };
}

export async function writeThrottle(db: Db, key: string, state: ThrottleRow): Promise<void> {
  const values = {
    failures: state.failures,
    window_started_at: state.windowStartedAt?.toISOString() ?? null,
    blocked_until: state.blockedUntil?.toISOString() ?? null,
  };
  await db
    .insertInto("login_throttle")
    .values({ key, ...values })
    .onConflict((oc) => oc.column("key").doUpdateSet(values))
    .execute();
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom("login_throttle").where("key", "=", key).execute();
}
