/**
 * Two values SQLite always kept but PostgreSQL's stricter types refuse, widened there so both engines
 * keep the same data. Nothing changes on SQLite (its integers are 64-bit and it never enforces a
 * varchar's length).
 * - `attempts.seed` is an unsigned 32-bit number (up to 4,294,967,295): PostgreSQL's `integer` stops at
 *   2,147,483,647, so it becomes `bigint`.
 * - `contestants.cccd` as written on an imported record ("051 188 004 512", spaces included) is longer
 *   than twelve characters: `varchar(20)`.
 * Frozen in time: never imports application code.
 */
import type { Kysely } from "kysely";

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith("Postgres");
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await db.schema
    .alterTable("attempts")
    .alterColumn("seed", (c) => c.setDataType("bigint"))
    .execute();
  await db.schema
    .alterTable("contestants")
    .alterColumn("cccd", (c) => c.setDataType("varchar(20)"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await db.schema
    .alterTable("contestants")
    .alterColumn("cccd", (c) => c.setDataType("varchar(12)"))
    .execute();
  await db.schema
    .alterTable("attempts")
    .alterColumn("seed", (c) => c.setDataType("integer"))
    .execute();
}
