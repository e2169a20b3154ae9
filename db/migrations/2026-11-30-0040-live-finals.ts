/**
 * The live final (issue 14): a round of kind "live" paced from the stage. Its state, its questions,
 * its players and their answers are stored so that a restart resumes the same question with the same
 * deadline. Frozen in time: never imports application code.
 */
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("rounds")
    .addColumn("kind", "varchar(10)", (c) => c.notNull().defaultTo("online"))
    .execute();

  await db.schema
    .createTable("live_finals")
    .addColumn("round_id", "integer", (c) => c.primaryKey().references("rounds.id").onDelete("cascade"))
    .addColumn("join_code", "varchar(12)", (c) => c.notNull().unique())
    .addColumn("seconds_per_question", "integer", (c) => c.notNull())
    .addColumn("base_points", "integer", (c) => c.notNull())
    .addColumn("speed_bonus", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("speed_bonus_points", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("eligibility", "text", (c) => c.notNull())
    .addColumn("phase", "varchar(12)", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(-1))
    .addColumn("question_started_at", "varchar(30)")
    .addColumn("deadline_at", "varchar(30)")
    .addColumn("paused_remaining_ms", "integer")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("live_questions")
    .addColumn("round_id", "integer", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("question_version_id", "integer", (c) => c.notNull().references("question_versions.id"))
    .addColumn("skipped", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("opened_at", "varchar(30)")
    .addColumn("revealed_at", "varchar(30)")
    .addPrimaryKeyConstraint("live_questions_pk", ["round_id", "position"])
    .execute();

  await db.schema
    .createTable("live_players")
    .addColumn("round_id", "integer", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("contestant_id", "integer", (c) => c.notNull().references("contestants.id"))
    .addColumn("attempt_id", "integer", (c) => c.references("attempts.id"))
    .addColumn("prediction", "integer")
    .addColumn("joined_at", "varchar(30)", (c) => c.notNull())
    .addPrimaryKeyConstraint("live_players_pk", ["round_id", "contestant_id"])
    .execute();

  // One answer per player per question: the primary key refuses a second one.
  await db.schema
    .createTable("live_answers")
    .addColumn("round_id", "integer", (c) => c.notNull().references("rounds.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("contestant_id", "integer", (c) => c.notNull().references("contestants.id"))
    .addColumn("choice", "integer", (c) => c.notNull())
    .addColumn("answered_at", "varchar(30)", (c) => c.notNull())
    .addColumn("elapsed_ms", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("live_answers_pk", ["round_id", "position", "contestant_id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("live_answers").execute();
  await db.schema.dropTable("live_players").execute();
  await db.schema.dropTable("live_questions").execute();
  await db.schema.dropTable("live_finals").execute();
  await db.schema.alterTable("rounds").dropColumn("kind").execute();
}
