/**
 * `npm run migrate`: brings the database named by DATABASE_URL to the latest migration and stops.
 * Several processes starting at once migrate safely too (Kysely's migrator locks), but on several
 * machines run this once before starting them (docs/operations.md).
 */
import { migrateToLatest, openDatabase } from "#db/connection";
import { ConfigError, loadConfig } from "#server/config";

try {
  const config = loadConfig();
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
