/**
 * Pictures of questions (issue 15): each belongs to one question version, so an attempt keeps showing
 * what the contestant saw. `slot` is "question" for the question's picture or "option:N" for the small
 * picture of option N (0-based, original order). The bytes are the server's re-encoding, never the upload.
 * Frozen in time: never imports application code. Binary is `bytea` on PostgreSQL, `blob` on SQLite.
 */
import type { Kysely } from "kysely";

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter.constructor.name.startsWith("Postgres");

export async function up(db: Kysely<unknown>): Promise<void> {
  const table = db.schema.createTable("question_pictures");
  await (
    isPostgres(db)
      ? table.addColumn("id", "serial", (c) => c.primaryKey())
      : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
  )
    .addColumn("question_version_id", "integer", (c) =>
      c.notNull().references("question_versions.id").onDelete("cascade"),
    )
    .addColumn("slot", "varchar(20)", (c) => c.notNull())
    .addColumn("file_name", "varchar(200)", (c) => c.notNull())
    .addColumn("mime", "varchar(30)", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("alt", "varchar(500)", (c) => c.notNull())
    .addColumn("sha256", "varchar(64)", (c) => c.notNull())
    .addColumn("byte_size", "integer", (c) => c.notNull())
    .addColumn("bytes", isPostgres(db) ? "bytea" : "blob", (c) => c.notNull())
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("question_pictures_version_slot")
    .unique()
    .on("question_pictures")
    .columns(["question_version_id", "slot"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("question_pictures").execute();
}
