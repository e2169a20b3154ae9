/**
 * Opens the database named by the configuration: SQLite (better-sqlite3) is the embedded default and
 * needs nothing installed; PostgreSQL (`pg`, a pool sized by configuration) carries a province-wide
 * contest across several processes and machines. The same migrations and repositories serve both.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import {
  sql,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type MigrationProvider,
  type MigrationResultSet,
} from "kysely";
import { migrations } from "./migrations";
import type { Database } from "./schema";
import { cachingStatements } from "./statement-cache";
import { startBackgroundCheckpoints } from "./checkpointer";

export type Db = Kysely<Database>;

export interface SqliteTarget {
  kind: "sqlite";
  /** A file path, or ":memory:". */
  file: string;
}

export interface PostgresTarget {
  kind: "postgres";
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections this process keeps open at most. */
  poolSize: number;
}

export type DatabaseTarget = SqliteTarget | PostgresTarget;

/**
 * `pg` hands 64-bit integers (count(*), sum(integer)) and numerics back as strings, because JavaScript
 * numbers cannot hold every 64-bit value. Counts and sums of scores here stay far below 2^53, so they
 * are read as numbers, as SQLite gives them. Per pool, so nothing global changes.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    if (oid === pg.types.builtins.NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface OpenOptions {
  /**
   * A SQLite file only: checkpoints run on a worker thread rather than inside a commit on the event
   * loop (db/checkpointer.ts). The server asks for it; scripts and tests keep SQLite's own.
   */
  backgroundCheckpoints?: boolean;
}

export function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Db {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize, types: pgTypes });
    // An idle connection that the server drops (restart, failover) must not crash the process.
    pool.on("error", () => undefined);
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  if (target.file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(target.file)), { recursive: true });
  const sqlite = new SQLite(target.file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // Writers wait for each other instead of failing with SQLITE_BUSY when a burst of answers arrives.
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const checkpointer =
    options.backgroundCheckpoints && target.file !== ":memory:"
      ? startBackgroundCheckpoints(sqlite, path.resolve(target.file))
      : null;
  const database = cachingStatements(sqlite, undefined, () => checkpointer?.stop());
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

/** Whether this handle talks to PostgreSQL (row locks and other dialect-specific clauses depend on it). */
export function isPostgres(db: Kysely<unknown> | Db): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith("Postgres");
}

/**
 * Runs `work` while no other process runs it on the same database: on PostgreSQL under a session
 * advisory lock (several processes starting at once seed an empty database once); SQLite serves one
 * process, which is alone.
 */
export async function whileAlone<T>(db: Db, work: (db: Db) => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return work(db);
  const key = 740_213_001; // any constant; the same in every process of the platform
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${key})`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  // Kysely's migrator takes its own lock (a lock table, in a transaction), so several processes started
  // at once against one PostgreSQL database migrate it once.
  const migrator = new Migrator({ db, provider });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}

/** The PostgreSQL server tests use: `TEST_POSTGRES_URL`, or the machine's own. */
export function testPostgresAdminUrl(): string {
  return process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

/** The engine tests run on: `TEST_DB_ENGINE=postgres` (the second Vitest project) or SQLite. */
export function testEngine(): "sqlite" | "postgres" {
  return process.env.TEST_DB_ENGINE === "postgres" ? "postgres" : "sqlite";
}

/** Every throw-away test database's name starts with this, so a test run can drop what it made. */
export const TEST_DATABASE_PREFIX = "contest_so_t_";

/** A migrated database that test databases are copied from (made by tests/postgres-setup.ts). */
export const TEST_TEMPLATE_DATABASE = `${TEST_DATABASE_PREFIX}template`;

/**
 * Creates a PostgreSQL database with a fresh name and returns its address: empty, or a copy of
 * `template` (much faster than migrating each one).
 */
export async function createPostgresDatabase(
  prefix = TEST_DATABASE_PREFIX,
  template = "template0",
): Promise<string> {
  const name = `${prefix}${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: testPostgresAdminUrl() });
  await admin.connect();
  try {
    // C collation: text sorts byte by byte, as SQLite sorts it.
    await admin.query(
      `create database ${name} template ${template} encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(testPostgresAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by `createPostgresDatabase`, closing whatever still holds it. */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  const admin = new pg.Client({ connectionString: testPostgresAdminUrl() });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh, migrated database: what each test gets for itself. In-memory SQLite by default; a new
 * PostgreSQL database under `TEST_DB_ENGINE=postgres` (dropped at the end of the run, see
 * tests/postgres-setup.ts).
 */
export async function openTestDatabase(): Promise<Db> {
  const db =
    testEngine() === "postgres"
      ? openDatabase({
          kind: "postgres",
          url: await createPostgresDatabase(
            TEST_DATABASE_PREFIX,
            process.env.TEST_PG_TEMPLATE === "1" ? TEST_TEMPLATE_DATABASE : "template0",
          ),
          poolSize: 4,
        })
      : openDatabase({ kind: "sqlite", file: ":memory:" });
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
