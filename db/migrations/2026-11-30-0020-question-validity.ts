/**
 * Validity of questions and the contest's reference date (issue 12, question-bank/README.md).
 *
 * - question_versions.valid_from / valid_until: ISO dates (YYYY-MM-DD), null = open; the key is true on
 *   D iff (valid_from null or valid_from <= D) and (valid_until null or D < valid_until). On the version,
 *   because a changed law changes what a contestant saw: past attempts keep the period they were drawn in.
 * - question_versions.basis: JSON string[] of the legal documents the key rests on.
 * - question_versions.exclusion_groups: JSON string[]. A JSON column rather than a table: a question has
 *   zero to a few groups, they are only ever read together with the pool the draw loads anyway (the draw
 *   groups in memory), and they travel with the version like the rest of the question's content.
 * - contests.reference_date: ISO date the draw checks validity against; null = the date the contest's
 *   first round opens.
 * Frozen in time: never imports application code.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one column at a time.
  await db.schema.alterTable("question_versions").addColumn("valid_from", "varchar(10)").execute();
  await db.schema.alterTable("question_versions").addColumn("valid_until", "varchar(10)").execute();
  await db.schema
    .alterTable("question_versions")
    .addColumn("basis", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema
    .alterTable("question_versions")
    .addColumn("exclusion_groups", "text", (c) => c.notNull().defaultTo("[]"))
    .execute();
  await db.schema.alterTable("contests").addColumn("reference_date", "varchar(10)").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("contests").dropColumn("reference_date").execute();
  for (const column of ["exclusion_groups", "basis", "valid_until", "valid_from"])
    await db.schema.alterTable("question_versions").dropColumn(column).execute();
}
