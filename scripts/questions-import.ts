/**
 * npm run questions:import -- PATH... [--dry-run] [--approve] [--topic TOPIC] [--difficulty easy|medium|hard]
 * Imports question files (.xlsx, .csv, .gift, .aiken, the bank's .json) into the database named by
 * DATABASE_URL, as the console's import does: the same readers and checks, duplicates against the bank
 * refused, rows with problems skipped, one transaction and one audit entry per file (actor: the command
 * line). --approve approves the questions that meet every rule (the others come in as drafts, like a
 * question without explanation or source); --dry-run prints what would happen and writes nothing.
 * Refuses to run without an existing database.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { describeProblem } from "~/i18n/problems";
import { detectFormat, findDuplicates, parseQuestionFile } from "~/rules/question-formats";
import { DIFFICULTIES, type Difficulty, type QuestionDraft } from "~/rules/question";
import { isSupersededFile } from "~/rules/question-formats/check";
import { recordAudit } from "#db/repos/audit";
import { bankFoldedTexts } from "#db/repos/questions";
import { writeImportedRows } from "#db/repos/question-imports";
import { systemClock } from "#server/services";
import { loadConfig } from "#server/config";
import { openExistingDatabase } from "#db/existing";
import { collectQuestionFiles } from "./lib/question-files";

const USAGE =
  "npm run questions:import -- PATH... [--dry-run] [--approve] [--topic TOPIC] [--difficulty easy|medium|hard]";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        "dry-run": { type: "boolean" },
        approve: { type: "boolean" },
        topic: { type: "string" },
        difficulty: { type: "string" },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  if (values.difficulty !== undefined && !(DIFFICULTIES as readonly string[]).includes(values.difficulty)) {
    console.error(`--difficulty: ${DIFFICULTIES.join(" | ")}`);
    return 2;
  }
  const defaults = {
    ...(values.topic ? { topic: values.topic } : {}),
    ...(values.difficulty ? { difficulty: values.difficulty as Difficulty } : {}),
  };
  const opened = await openExistingDatabase(loadConfig().database, {
    configured: process.env.DATABASE_URL !== undefined,
  });
  if ("error" in opened) {
    console.error(opened.error);
    return 2;
  }
  const { db } = opened;
  try {
    let failed = false;
    for (const target of positionals) {
      for (const file of await collectQuestionFiles(target)) {
        if (isSupersededFile(file.name)) continue;
        const format = detectFormat(file.name, file.bytes);
        if (!format) {
          console.log(`${file.name}:1: ${describeProblem("vi", { code: "unsupportedFormat" })}`);
          failed = true;
          continue;
        }
        const parsedFile = await parseQuestionFile(format, file.bytes, { defaults });
        for (const p of parsedFile.fileProblems)
          console.log(`${file.name}:${p.line ?? 1}: ${describeProblem("vi", { ...p, line: undefined })}`);
        const candidates = parsedFile.rows.flatMap((r) =>
          r.draft ? [{ text: r.draft.text, line: r.line }] : [],
        );
        const duplicates = findDuplicates(candidates, await bankFoldedTexts(db));
        const dupByLine = new Map(candidates.map((c, i) => [c.line, duplicates[i] ?? []]));
        const ready: QuestionDraft[] = [];
        for (const row of parsedFile.rows) {
          const problems = [...row.problems, ...(dupByLine.get(row.line) ?? [])];
          for (const p of problems)
            console.log(`${file.name}:${row.line}: ${describeProblem("vi", { ...p, line: undefined })}`);
          for (const p of row.warnings ?? [])
            console.log(
              `${file.name}:${row.line}: warning: ${describeProblem("vi", { ...p, line: undefined })}`,
            );
          if (row.draft && problems.length === 0) ready.push(row.draft);
        }
        const skipped = parsedFile.rows.length - ready.length;
        if (values["dry-run"]) {
          console.log(
            `${file.name}: ${ready.length} câu sẽ được nhập, ${skipped} dòng bị bỏ qua (chạy thử, chưa ghi gì).`,
          );
          continue;
        }
        if (ready.length === 0) {
          console.log(`${file.name}: không có câu nào nhập được.`);
          failed = true;
          continue;
        }
        const now = systemClock.now();
        const result = await db.transaction().execute(async (trx) => {
          const written = await writeImportedRows(trx, {
            drafts: ready,
            approve: values.approve ?? false,
            now,
          });
          await recordAudit(trx, {
            actorUserId: null,
            action: "questions.import",
            entity: "question",
            entityId: null,
            details: {
              file: path.basename(file.name),
              format,
              sha256: createHash("sha256").update(file.bytes).digest("hex"),
              imported: written.questionIds.length,
              approved: written.approved,
              skippedRows: skipped,
              questionIds: written.questionIds,
              via: "cli",
            },
            now,
          });
          return written;
        });
        console.log(
          `${file.name}: đã nhập ${result.questionIds.length} câu (${result.approved} đã duyệt, ${result.questionIds.length - result.approved} bản nháp), bỏ qua ${skipped} dòng.`,
        );
      }
    }
    return failed ? 1 : 0;
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
