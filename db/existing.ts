/**
 * Command-line tools that read or change an installation never create an empty database (issue 11): a
 * missing file means DATABASE_URL is unset or points at the wrong place, and the tool says so instead of
 * importing into, exporting from or migrating a database made up on the spot. Only the commands whose
 * job is to create one (`npm start`, `npm run setup`, `npm run start:cluster`, the target of `db:copy`)
 * may. PostgreSQL databases are created by their operator, never by connecting, so they always pass.
 */
import fs from "node:fs";
import SQLite from "better-sqlite3";
import { migrateToLatest, openDatabase, type DatabaseTarget, type Db } from "./connection";

export interface ExistingCheckOptions {
  /** False when DATABASE_URL is unset and the target is the default file: the message says so. */
  configured?: boolean;
  /** The option that named the file, when not DATABASE_URL (e.g. `--from`). */
  via?: string;
}

/** Null when the database exists; otherwise the message to print (Vietnamese, then English). */
export function missingDatabaseMessage(
  target: DatabaseTarget,
  options: ExistingCheckOptions = {},
): string | null {
  if (target.kind !== "sqlite") return null;
  if (target.file !== ":memory:" && fs.existsSync(target.file)) return null;
  const via = options.via ?? "DATABASE_URL";
  const unset =
    options.configured === false
      ? ` (DATABASE_URL chưa được đặt, nên lệnh tìm tệp mặc định / DATABASE_URL is unset, so the default file was tried)`
      : "";
  return [
    `Không tìm thấy cơ sở dữ liệu ${target.file}${unset}.`,
    `Hãy đặt ${via} tới tệp dữ liệu của hội thi; lệnh này không tạo cơ sở dữ liệu trống (npm start hoặc npm run setup tạo cơ sở dữ liệu mới).`,
    `No database at ${target.file}. Set ${via} to the contest's data file; this command does not create an empty database (npm start or npm run setup creates one).`,
  ].join("\n");
}

/** Null when the SQLite file holds a contest database; the message otherwise. */
function notAContestMessage(file: string): string | null {
  let probe: SQLite.Database | null = null;
  try {
    probe = new SQLite(file, { readonly: true, fileMustExist: true });
    const contests = probe
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'contests'")
      .get();
    return contests
      ? null
      : `${file} chưa phải cơ sở dữ liệu của hội thi (chưa có bảng contests): hãy chạy npm start hoặc npm run setup trước.\n${file} is not a contest database yet.`;
  } catch {
    return `${file} không đọc được như một cơ sở dữ liệu SQLite.\n${file} is not an SQLite file.`;
  } finally {
    probe?.close();
  }
}

/**
 * Opens and migrates the database a command works on, only when it already exists and holds a contest
 * (set up by `npm start` or `npm run setup`).
 */
export async function openExistingDatabase(
  target: DatabaseTarget,
  options: ExistingCheckOptions = {},
): Promise<{ db: Db } | { error: string }> {
  const missing = missingDatabaseMessage(target, options);
  if (missing) return { error: missing };
  if (target.kind === "sqlite") {
    const notContest = notAContestMessage(target.file);
    if (notContest) return { error: notContest };
  }
  const db = openDatabase(target);
  await migrateToLatest(db);
  return { db };
}
