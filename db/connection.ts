/**
 * Opens the database named by the configuration. SQLite (better-sqlite3) is the embedded default;
 * PostgreSQL is refused by the configuration until its support lands.
 */
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect, type MigrationProvider, type MigrationResultSet } from "kysely";
import { migrations } from "./migrations";
import type { Database } from "./schema";
import { cachingStatements } from "./statement-cache";

export type Db = Kysely<Database>;

export interface SqliteTarget {
  kind: "sqlite";
  /** A file path, or ":memory:". */
  file: string;
}

export type DatabaseTarget = SqliteTarget;

export function openDatabase(target: DatabaseTarget): Db {
  if (target.file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(target.file)), { recursive: true });
  const sqlite = new SQLite(target.file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // Writers wait for each other instead of failing with SQLITE_BUSY when a burst of answers arrives.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** A fresh, migrated in-memory database: what each test gets for itself. */
export async function openTestDatabase(): Promise<Db> {
  const db = openDatabase({ kind: "sqlite", file: ":memory:" });
  await migrateToLatest(db);
  return db;
}

/** A cheap query that proves the database answers. */
export async function pingDatabase(db: Db): Promise<void> {
  await db
    .selectFrom("contests")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirst();
}
