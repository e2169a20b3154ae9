/**
 * Global setup of the `postgres` Vitest project: checks that the PostgreSQL server answers (and says
 * what to do when it does not), and at the end drops every throw-away database the tests made.
 */
import pg from "pg";
import {
  TEST_DATABASE_PREFIX,
  TEST_TEMPLATE_DATABASE,
  dropPostgresDatabase,
  migrateToLatest,
  openDatabase,
  testPostgresAdminUrl,
} from "#db/connection";

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresAdminUrl(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function setup(): Promise<() => Promise<void>> {
  try {
    await admin((c) => c.query("select 1"));
  } catch (error) {
    throw new Error(
      `PostgreSQL does not answer at ${testPostgresAdminUrl()} (${String(error)}). ` +
        "Start it (pg_ctlcluster 15 main start), or set TEST_POSTGRES_URL to a server where tests may create databases.",
    );
  }
  // One migrated template; each test's database is a copy of it.
  const url = new URL(testPostgresAdminUrl());
  url.pathname = `/${TEST_TEMPLATE_DATABASE}`;
  await dropPostgresDatabase(url.toString());
  await admin((c) =>
    c.query(
      `create database ${TEST_TEMPLATE_DATABASE} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`,
    ),
  );
  const db = openDatabase({ kind: "postgres", url: url.toString(), poolSize: 1 });
  await migrateToLatest(db);
  await db.destroy();
  process.env.TEST_PG_TEMPLATE = "1";
  return async () => {
    await admin(async (c) => {
      const { rows } = await c.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`${TEST_DATABASE_PREFIX}%`],
      );
      for (const { datname } of rows) await c.query(`drop database if exists ${datname} with (force)`);
    });
  };
}
