/**
 * Login throttling counts attempts before the password is checked and locks out per account and
 * address with growing delays: `lockouts` counts the lock-outs in a row, which sets the next delay.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("login_throttle")
    .addColumn("lockouts", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("login_throttle").dropColumn("lockouts").execute();
}
