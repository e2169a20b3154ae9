/**
 * A consistent copy of the SQLite database while the contest runs, with SQLite's online backup API
 * (better-sqlite3's `db.backup()`): pages are copied in steps, writers are not stopped, and the copy is
 * the database as it was at one moment, WAL included. The copy is checked before it is reported.
 * Restoring is in docs/operations.md.
 */
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";

export interface BackupResult {
  out: string;
  bytes: number;
  pages: number;
  ms: number;
}

export async function backupDatabase(source: string, out: string): Promise<BackupResult> {
  if (source === ":memory:")
    throw new Error("An in-memory database cannot be backed up from another process.");
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}.`);
  if (path.resolve(source) === path.resolve(out)) throw new Error("The backup must go to another file.");
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const started = performance.now();
  // A connection of its own; the running server keeps writing through its own.
  const db = new SQLite(source, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    const progress = await db.backup(out, {
      // 1,000 pages (4 MB) a step, then the server gets its turn: a large database does not hold it up.
      progress: ({ remainingPages }) => (remainingPages > 0 ? 1000 : 0),
    });
    const copy = new SQLite(out, { fileMustExist: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new Error(`The backup failed its integrity check: ${String(check)}`);
      // A single file, no WAL beside it: what an operator copies back.
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    return {
      out,
      bytes: fs.statSync(out).size,
      pages: progress.totalPages,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    db.close();
  }
}
