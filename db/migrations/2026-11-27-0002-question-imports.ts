/**
 * Question imports waiting for the organizer's confirmation (issue 3, docs/decisions/0001-import-preview.md).
 * The preview stores the file's valid rows here under a random token; the confirm step writes them to the
 * bank. Frozen in time: never imports application code.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("question_imports")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("file_name", "varchar(300)", (c) => c.notNull())
    .addColumn("format", "varchar(10)", (c) => c.notNull())
    .addColumn("file_sha256", "varchar(64)", (c) => c.notNull())
    .addColumn("rows", "text", (c) => c.notNull())
    .addColumn("row_count", "integer", (c) => c.notNull())
    .addColumn("problem_row_count", "integer", (c) => c.notNull())
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("expires_at", "varchar(30)", (c) => c.notNull())
    .addColumn("confirmed_at", "varchar(30)")
    .execute();
  await db.schema
    .createIndex("question_imports_expiry")
    .on("question_imports")
    .column("expires_at")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("question_imports").execute();
}
