/**
 * The organizer's own contest (issue 11): a demo contest is marked as such, a contest has dates and can be
 * closed when the next one starts, a round can be a rehearsal of the organizers, and each audience screen
 * remembers what the console last told it to show. Frozen in time: never imports application code.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("contests")
    .addColumn("is_demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("contests").addColumn("starts_on", "varchar(10)").execute();
  await db.schema.alterTable("contests").addColumn("ends_on", "varchar(10)").execute();
  await db.schema.alterTable("contests").addColumn("closed_at", "varchar(30)").execute();
  await db.schema
    .alterTable("rounds")
    .addColumn("is_rehearsal", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("screen_states")
    .addColumn("screen_id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("round_id", "integer", (c) => c.references("rounds.id").onDelete("set null"))
    .addColumn("view", "varchar(20)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("screen_states").execute();
  await db.schema.alterTable("rounds").dropColumn("is_rehearsal").execute();
  for (const column of ["closed_at", "ends_on", "starts_on", "is_demo"])
    await db.schema.alterTable("contests").dropColumn(column).execute();
}
