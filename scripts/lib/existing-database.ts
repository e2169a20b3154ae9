/**
 * Opens the database named by DATABASE_URL for a command that changes or reads the bank, but only when it
 * already exists and has been set up (by `npm start` or `npm run migrate`): a mistyped path must not
 * silently create an empty database and import into it.
 */
import fs from "node:fs";
import SQLite from "better-sqlite3";
import { migrateToLatest, openDatabase, type Db } from "#db/connection";
import { loadConfig } from "#server/config";

export async function openExistingDatabase(): Promise<{ db: Db } | { error: string }> {
  const { database } = loadConfig();
  // PostgreSQL never appears by accident: connecting and migrating is what the operator asked for.
  if (database.kind === "postgres") {
    const db = openDatabase(database);
    await migrateToLatest(db);
    return { db };
  }
  if (database.file === ":memory:" || !fs.existsSync(database.file))
    return {
      error: `Không tìm thấy cơ sở dữ liệu ${database.file}: hãy chạy npm start (hoặc đặt DATABASE_URL) trước. / No database at ${database.file}.`,
    };
  const probe = new SQLite(database.file, { readonly: true, fileMustExist: true });
  try {
    const contests = probe
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'contests'")
      .get();
    if (!contests)
      return {
        error: `${database.file} chưa phải cơ sở dữ liệu của hội thi (chưa có bảng contests): hãy chạy npm start trước. / Not a contest database.`,
      };
  } catch {
    return { error: `${database.file} không đọc được như một cơ sở dữ liệu SQLite. / Not an SQLite file.` };
  } finally {
    probe.close();
  }
  const db = openDatabase(database);
  await migrateToLatest(db);
  return { db };
}
