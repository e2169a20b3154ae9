/**
 * `npm run migrate`: brings the database named by DATABASE_URL to the latest migration and stops.
 * Several processes starting at once migrate safely too (Kysely's migrator locks), but on several
 * machines run this once before starting them (docs/operations.md).
 *
 * It refuses to create an SQLite file that does not exist (a mistyped or unset DATABASE_URL); `--create`
 * is for the start commands, whose job is to create one (scripts/start-cluster.mjs).
 */
import { migrateToLatest, openDatabase } from "#db/connection";
import { missingDatabaseMessage } from "#db/existing";
import { ConfigError, loadConfig } from "#server/config";

try {
  const config = loadConfig();
  const missing = process.argv.includes("--create")
    ? null
    : missingDatabaseMessage(config.database, { configured: process.env.DATABASE_URL !== undefined });
  if (missing) {
    console.error(missing);
    process.exit(78);
  }
  const db = openDatabase(config.database);
  try {
    const result = await migrateToLatest(db);
    const ran = result.results ?? [];
    for (const r of ran) console.log(`${r.status.padEnd(8)} ${r.migrationName}`);
    console.log(ran.length ? `Đã chuyển đổi / migrated: ${ran.length}` : "Đã mới nhất / already up to date");
  } finally {
    await db.destroy();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
