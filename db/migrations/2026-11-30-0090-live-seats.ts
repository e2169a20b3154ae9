/**
 * Seat codes of a live final (issue 14): for a final of invited teams, the host hands each invited
 * contestant a code; a phone joins with it, without an account, and the same code takes the same seat
 * again after a reload. Codes are unique across finals so a code alone finds its final.
 * Frozen in time: never imports application code.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("live_seats")
    .addColumn("round_id", "integer", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("contestant_id", "integer", (c) => c.notNull().references("contestants.id"))
    .addColumn("code", "varchar(12)", (c) => c.notNull().unique())
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addPrimaryKeyConstraint("live_seats_pk", ["round_id", "contestant_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("live_seats").execute();
}
