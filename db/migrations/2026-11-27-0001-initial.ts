/**
 * The initial schema. Frozen in time: it never imports application code, so it keeps meaning
 * what it meant when it was written. Written with Kysely's schema builder so it runs on SQLite
 * and PostgreSQL alike; the only dialect difference, the auto-increment id, is chosen below.
 */
import type { Kysely, CreateTableBuilder } from "kysely";

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith("Postgres");
}

function withId<T extends string>(db: Kysely<unknown>, table: CreateTableBuilder<T, never>) {
  return isPostgres(db)
    ? table.addColumn("id", "serial", (c) => c.primaryKey())
    : table.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await withId(db, db.schema.createTable("users"))
    .addColumn("role", "varchar(20)", (c) => c.notNull())
    .addColumn("username", "varchar(100)", (c) => c.unique())
    .addColumn("display_name", "varchar(200)", (c) => c.notNull())
    .addColumn("password_hash", "varchar(300)", (c) => c.notNull())
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("disabled_at", "varchar(30)")
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "varchar(64)", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("expires_at", "varchar(30)", (c) => c.notNull())
    .addColumn("last_seen_at", "varchar(30)", (c) => c.notNull())
    .addColumn("ip", "varchar(100)")
    .addColumn("user_agent", "varchar(500)")
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("login_throttle")
    .addColumn("key", "varchar(200)", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("window_started_at", "varchar(30)")
    .addColumn("blocked_until", "varchar(30)")
    .execute();

  await withId(db, db.schema.createTable("contests"))
    .addColumn("slug", "varchar(100)", (c) => c.notNull().unique())
    .addColumn("title", "varchar(300)", (c) => c.notNull())
    .addColumn("organizer_name", "varchar(300)", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("data_notice", "text", (c) => c.notNull())
    .addColumn("cccd_policy", "varchar(20)", (c) => c.notNull())
    .addColumn("min_age", "integer", (c) => c.notNull())
    .addColumn("max_age", "integer", (c) => c.notNull())
    .addColumn("practice_enabled", "integer", (c) => c.notNull())
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("units"))
    .addColumn("contest_id", "integer", (c) => c.notNull().references("contests.id"))
    .addColumn("parent_id", "integer", (c) => c.references("units.id"))
    .addColumn("name", "varchar(300)", (c) => c.notNull())
    .addColumn("kind", "varchar(30)", (c) => c.notNull())
    .addColumn("expected_headcount", "integer")
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("units_contest").on("units").column("contest_id").execute();

  await withId(db, db.schema.createTable("categories"))
    .addColumn("contest_id", "integer", (c) => c.notNull().references("contests.id"))
    .addColumn("name", "varchar(200)", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("contestants"))
    .addColumn("user_id", "integer", (c) => c.notNull().unique().references("users.id"))
    .addColumn("contest_id", "integer", (c) => c.notNull().references("contests.id"))
    .addColumn("full_name", "varchar(200)", (c) => c.notNull())
    .addColumn("name_folded", "varchar(200)", (c) => c.notNull())
    .addColumn("birth_date", "varchar(10)", (c) => c.notNull())
    .addColumn("gender", "varchar(10)", (c) => c.notNull())
    .addColumn("phone", "varchar(15)", (c) => c.notNull())
    .addColumn("cccd", "varchar(12)")
    .addColumn("unit_id", "integer", (c) => c.notNull().references("units.id"))
    .addColumn("category_id", "integer", (c) => c.notNull().references("categories.id"))
    .addColumn("is_staff_member", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("status_reason", "text")
    .addColumn("consent_at", "varchar(30)", (c) => c.notNull())
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .addUniqueConstraint("contestants_phone_unique", ["contest_id", "phone"])
    .addUniqueConstraint("contestants_cccd_unique", ["contest_id", "cccd"])
    .execute();
  await db.schema.createIndex("contestants_unit").on("contestants").column("unit_id").execute();
  await db.schema
    .createIndex("contestants_name")
    .on("contestants")
    .columns(["contest_id", "name_folded", "birth_date"])
    .execute();

  await withId(db, db.schema.createTable("topics"))
    .addColumn("name", "varchar(200)", (c) => c.notNull().unique())
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("questions"))
    .addColumn("key", "varchar(60)", (c) => c.unique())
    .addColumn("topic_id", "integer", (c) => c.notNull().references("topics.id"))
    .addColumn("difficulty", "varchar(10)", (c) => c.notNull())
    .addColumn("type", "varchar(20)", (c) => c.notNull())
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("current_version_id", "integer")
    .addColumn("text_folded", "text", (c) => c.notNull())
    .addColumn("source_document", "varchar(300)", (c) => c.notNull())
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addColumn("updated_at", "varchar(30)", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("questions_draw")
    .on("questions")
    .columns(["status", "topic_id", "difficulty"])
    .execute();

  await withId(db, db.schema.createTable("question_versions"))
    .addColumn("question_id", "integer", (c) => c.notNull().references("questions.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("options", "text", (c) => c.notNull())
    .addColumn("correct", "text", (c) => c.notNull())
    .addColumn("explanation", "text", (c) => c.notNull())
    .addColumn("source_document", "varchar(300)", (c) => c.notNull())
    .addColumn("source_title", "varchar(500)")
    .addColumn("source_article", "varchar(200)")
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .addUniqueConstraint("question_versions_unique", ["question_id", "version"])
    .execute();

  await withId(db, db.schema.createTable("rounds"))
    .addColumn("contest_id", "integer", (c) => c.notNull().references("contests.id"))
    .addColumn("title", "varchar(300)", (c) => c.notNull())
    .addColumn("opens_at", "varchar(30)", (c) => c.notNull())
    .addColumn("closes_at", "varchar(30)", (c) => c.notNull())
    .addColumn("duration_seconds", "integer", (c) => c.notNull())
    .addColumn("draw_spec", "text", (c) => c.notNull())
    .addColumn("shuffle_questions", "integer", (c) => c.notNull())
    .addColumn("shuffle_options", "integer", (c) => c.notNull())
    .addColumn("prediction_enabled", "integer", (c) => c.notNull())
    .addColumn("max_attempts", "integer", (c) => c.notNull())
    .addColumn("eligible_categories", "text", (c) => c.notNull())
    .addColumn("show_review_after_close", "integer", (c) => c.notNull())
    .addColumn("board_policy", "varchar(10)", (c) => c.notNull())
    .addColumn("freeze_minutes", "integer", (c) => c.notNull())
    .addColumn("points", "text", (c) => c.notNull())
    .addColumn("prizes", "text", (c) => c.notNull())
    .addColumn("ranked_at", "varchar(30)")
    .addColumn("published_at", "varchar(30)")
    .addColumn("perfect_count", "integer")
    .addColumn("created_at", "varchar(30)", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("attempts"))
    .addColumn("round_id", "integer", (c) => c.references("rounds.id"))
    .addColumn("contestant_id", "integer", (c) => c.notNull().references("contestants.id"))
    .addColumn("is_practice", "integer", (c) => c.notNull())
    .addColumn("attempt_no", "integer", (c) => c.notNull())
    .addColumn("status", "varchar(20)", (c) => c.notNull())
    .addColumn("seed", "integer", (c) => c.notNull())
    .addColumn("started_at", "varchar(30)", (c) => c.notNull())
    .addColumn("deadline_at", "varchar(30)", (c) => c.notNull())
    .addColumn("submitted_at", "varchar(30)")
    .addColumn("submit_reason", "varchar(20)")
    .addColumn("prediction", "integer")
    .addColumn("score", "integer")
    .addColumn("correct_count", "integer")
    .addColumn("all_correct", "integer")
    .addColumn("duration_ms", "integer")
    .addUniqueConstraint("attempts_ranked_unique", ["round_id", "contestant_id", "is_practice", "attempt_no"])
    .execute();
  await db.schema.createIndex("attempts_due").on("attempts").columns(["status", "deadline_at"]).execute();
  await db.schema.createIndex("attempts_contestant").on("attempts").column("contestant_id").execute();

  await db.schema
    .createTable("attempt_items")
    .addColumn("attempt_id", "integer", (c) => c.notNull().references("attempts.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("question_version_id", "integer", (c) => c.notNull().references("question_versions.id"))
    .addColumn("option_order", "text", (c) => c.notNull())
    .addColumn("chosen", "text")
    .addColumn("answered_at", "varchar(30)")
    .addColumn("marked", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_correct", "integer")
    .addColumn("points", "integer")
    .addPrimaryKeyConstraint("attempt_items_pk", ["attempt_id", "position"])
    .execute();

  await db.schema
    .createTable("round_rankings")
    .addColumn("round_id", "integer", (c) => c.notNull().references("rounds.id"))
    .addColumn("attempt_id", "integer", (c) => c.notNull().references("attempts.id"))
    .addColumn("rank", "integer", (c) => c.notNull())
    .addColumn("score", "integer", (c) => c.notNull())
    .addColumn("prediction_distance", "integer")
    .addColumn("duration_ms", "integer", (c) => c.notNull())
    .addColumn("submitted_at", "varchar(30)", (c) => c.notNull())
    .addColumn("prize", "varchar(20)")
    .addPrimaryKeyConstraint("round_rankings_pk", ["round_id", "attempt_id"])
    .execute();

  await withId(db, db.schema.createTable("audit_log"))
    .addColumn("at", "varchar(30)", (c) => c.notNull())
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("action", "varchar(100)", (c) => c.notNull())
    .addColumn("entity", "varchar(50)", (c) => c.notNull())
    .addColumn("entity_id", "varchar(50)")
    .addColumn("details", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "audit_log",
    "round_rankings",
    "attempt_items",
    "attempts",
    "rounds",
    "question_versions",
    "questions",
    "topics",
    "contestants",
    "categories",
    "units",
    "contests",
    "login_throttle",
    "sessions",
    "users",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
