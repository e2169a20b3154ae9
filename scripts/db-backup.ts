/**
 * `npm run db:backup -- --out FILE`: a consistent copy of the contest database, safe while the server
 * runs (SQLite's online backup). Reads DATABASE_URL like the server. Restoring: docs/operations.md.
 */
import { parseArgs } from "node:util";
import { parseDatabaseUrl } from "#server/config";
import { backupDatabase } from "#db/backup";
import { missingDatabaseMessage } from "#db/existing";

const { values } = parseArgs({ options: { out: { type: "string" } } });
if (!values.out) {
  console.error("Cách dùng / usage: npm run db:backup -- --out backups/contest-2023-11-30.db");
  process.exit(64);
}
try {
  const target = parseDatabaseUrl(process.env.DATABASE_URL ?? "data/contest.db");
  if (target.kind !== "sqlite") {
    console.error(
      "db:backup chép cơ sở dữ liệu SQLite; với PostgreSQL hãy dùng pg_dump (docs/operations.md). / For PostgreSQL use pg_dump.",
    );
    process.exit(64);
  }
  const missing = missingDatabaseMessage(target, { configured: process.env.DATABASE_URL !== undefined });
  if (missing) {
    console.error(missing);
    process.exit(78);
  }
  const result = await backupDatabase(target.file, values.out);
  console.log(
    `Đã sao lưu / backed up: ${result.out} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.pages} pages, ${result.ms} ms)`,
  );
} catch (error) {
  console.error(
    `Sao lưu thất bại / backup failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
