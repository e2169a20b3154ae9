/**
 * npm run results:export -- --round ID --out FILE.xlsx
 * npm run results:export -- --contest ID --out FILE.xlsx   (or FILE.csv)
 * Writes the same file the console's "Kết quả" page downloads, from the database named by
 * DATABASE_URL, and records the export in the audit log (actor: the command line).
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateToLatest, openDatabase } from "#db/connection";
import { missingDatabaseMessage } from "#db/existing";
import { systemClock } from "#server/services";
import { loadConfig } from "#server/config";
import { exportResults, type ExportFormat } from "#server/results/export";

const USAGE = "npm run results:export -- (--round ID | --contest ID) --out FILE.xlsx|FILE.csv";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { round: { type: "string" }, contest: { type: "string" }, out: { type: "string" } },
  });
  const id = Number(values.round ?? values.contest);
  if (
    !values.out ||
    (values.round === undefined) === (values.contest === undefined) ||
    !Number.isSafeInteger(id) ||
    id <= 0
  ) {
    console.error(USAGE);
    return 2;
  }
  const ext = path.extname(values.out).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".csv") {
    console.error(`--out: the file must end in .xlsx or .csv\n${USAGE}`);
    return 2;
  }
  const format: ExportFormat = ext === ".csv" ? "csv" : "xlsx";
  const config = loadConfig();
  const missing = missingDatabaseMessage(config.database, {
    configured: process.env.DATABASE_URL !== undefined,
  });
  if (missing) {
    console.error(missing);
    return 78;
  }
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const file = await exportResults(
      { db, clock: systemClock },
      {
        target: values.round !== undefined ? { roundId: id } : { contestId: id },
        format,
        actorUserId: null,
        via: "cli",
      },
    );
    if (!file) {
      console.error(
        values.round !== undefined ? `Không tìm thấy đợt thi ${id}.` : `Không tìm thấy cuộc thi ${id}.`,
      );
      return 1;
    }
    await writeFile(values.out, file.body);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(
      `${values.out}: ${file.rows} dòng xếp hạng, ${(file.body.length / 1024).toFixed(0)} KiB, ${seconds} giây`,
    );
    return 0;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
