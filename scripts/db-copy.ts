/**
 * `npm run db:copy -- --from data/contest.db --to postgres://user@host:5432/contest`
 * Moves a contest between engines (either way). The target is migrated first and must be empty; the
 * source must be at the same migration (start the platform on it once). Stop the platform first: a
 * copy taken while contestants answer misses what they answer after it began.
 */
import { parseArgs } from "node:util";
import { migrateToLatest, openDatabase } from "#db/connection";
import { copyDatabase } from "#db/copy";
import { missingDatabaseMessage } from "#db/existing";
import { ConfigError, parseDatabaseUrl } from "#server/config";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
  if (!values.from || !values.to) {
    console.error(
      "Cách dùng / usage: npm run db:copy -- --from data/contest.db --to postgres://user@host:5432/contest",
    );
    return 64;
  }
  let from, to;
  try {
    from = parseDatabaseUrl(values.from, 2);
    to = parseDatabaseUrl(values.to, 2);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message.replace(/^DATABASE_URL/, "--from/--to"));
      return 64;
    }
    throw error;
  }
  // The source must exist; the target is what this command creates.
  const missing = missingDatabaseMessage(from, { via: "--from" });
  if (missing) {
    console.error(missing);
    return 78;
  }
  const source = openDatabase(from);
  const target = openDatabase(to);
  try {
    await migrateToLatest(target);
    const report = await copyDatabase(source, target);
    for (const { table, rows } of report.tables) console.log(`${table.padEnd(24)} ${rows}`);
    const total = report.tables.reduce((n, t) => n + t.rows, 0);
    console.log(`Đã chép / copied ${total} rows in ${report.tables.length} tables.`);
    return 0;
  } catch (error) {
    console.error(`Không chép được / copy failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await source.destroy();
    await target.destroy();
  }
}

process.exitCode = await main();
