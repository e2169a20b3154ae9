/**
 * npm run questions:export -- --format xlsx|csv|gift|aiken --out FILE
 * Writes the whole bank (current version of every question) in one of the formats the console exports,
 * from the database named by DATABASE_URL, and records the export in the audit log (actor: the command
 * line), as the console's export does. Refuses to run without an existing database.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { workbookText } from "~/i18n/workbook";
import { EXPORT_FORMATS, serializeQuestions, type ExportFormat } from "~/rules/question-formats";
import { recordAudit } from "#db/repos/audit";
import { exportDrafts } from "#db/repos/questions";
import { systemClock } from "#server/services";
import { loadConfig } from "#server/config";
import { openExistingDatabase } from "#db/existing";

const USAGE = `npm run questions:export -- --format ${EXPORT_FORMATS.join("|")} --out FILE`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { format: { type: "string" }, out: { type: "string" } } });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { format, out } = parsed.values;
  if (!out || !format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
    console.error(USAGE);
    return 2;
  }
  const opened = await openExistingDatabase(loadConfig().database, {
    configured: process.env.DATABASE_URL !== undefined,
  });
  if ("error" in opened) {
    console.error(opened.error);
    return 2;
  }
  const { db } = opened;
  try {
    const now = systemClock.now();
    const drafts = await db.transaction().execute(async (trx) => {
      const found = await exportDrafts(trx, {});
      await recordAudit(trx, {
        actorUserId: null,
        action: "questions.export",
        entity: "question",
        details: { format, filter: {}, count: found.length, via: "cli" },
        now,
      });
      return found;
    });
    const body = await serializeQuestions(format as ExportFormat, drafts, workbookText("vi"));
    await writeFile(out, body);
    console.log(`${out}: ${drafts.length} câu hỏi, ${(body.length / 1024).toFixed(0)} KiB`);
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
