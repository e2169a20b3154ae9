/**
 * The server's SQLite checkpoints run on a worker thread (db/checkpointer.ts): the connection itself
 * never checkpoints while the worker runs, the worker copies the log into the file, the log starts
 * again from its beginning under a steady stream of writes, and the connection takes its automatic
 * checkpoints back when the worker is gone.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { startBackgroundCheckpoints } from "#db/checkpointer";
import { openDatabase, migrateToLatest } from "#db/connection";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "checkpoints-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function open(name: string): { sqlite: SQLite.Database; file: string } {
  const file = path.join(dir, name);
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.exec("CREATE TABLE pages (id INTEGER PRIMARY KEY, body BLOB NOT NULL)");
  return { sqlite, file };
}

/** The checkpoint sequence number in the log's header: it changes each time the log starts again. */
const logSequence = (file: string) => fs.readFileSync(`${file}-wal`).readUInt32BE(12);

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await sleep(25);
  }
  throw new Error(`never happened: ${what}`);
}

describe("background checkpoints", () => {
  it("copies the log into the database file from the worker, never from a commit", async () => {
    const { sqlite, file } = open("copy.sqlite");
    const checkpointer = startBackgroundCheckpoints(sqlite, file, { intervalMs: 20 });
    expect(sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    const before = fs.statSync(file).size;
    const insert = sqlite.prepare("INSERT INTO pages (body) VALUES (?)");
    for (let i = 0; i < 200; i++) insert.run(Buffer.alloc(3000, i));
    await until(() => fs.statSync(file).size > before + 200 * 3000, "the file holds the rows");
    expect(sqlite.prepare("SELECT count(*) AS n FROM pages").get()).toEqual({ n: 200 });
    checkpointer.stop();
    sqlite.close();
  });

  it("starts the log again while writes keep coming", async () => {
    const { sqlite, file } = open("restart.sqlite");
    const checkpointer = startBackgroundCheckpoints(sqlite, file, { intervalMs: 20, restartFrames: 50 });
    const insert = sqlite.prepare("INSERT INTO pages (body) VALUES (?)");
    // A log of about 90 pages first, longer than what the writes below need once it starts again.
    for (let i = 0; i < 30; i++) insert.run(Buffer.alloc(3000, i));
    const first = logSequence(file);
    let n = 30;
    await until(() => {
      insert.run(Buffer.alloc(3000, ++n % 256));
      return logSequence(file) !== first;
    }, "the log restarted");
    // The log is written again from its beginning: it no longer grows with every write.
    const size = fs.statSync(`${file}-wal`).size;
    for (let i = 0; i < 5; i++) insert.run(Buffer.alloc(3000, ++n % 256));
    expect(fs.statSync(`${file}-wal`).size).toBe(size);
    expect(sqlite.prepare("SELECT count(*) AS n FROM pages").get()).toEqual({ n });
    checkpointer.stop();
    sqlite.close();
  });

  it("never refuses a transaction that reads before it writes", async () => {
    const { sqlite, file } = open("transactions.sqlite");
    const checkpointer = startBackgroundCheckpoints(sqlite, file, { intervalMs: 5, restartFrames: 20 });
    const insert = sqlite.prepare("INSERT INTO pages (body) VALUES (?)");
    const count = sqlite.prepare("SELECT count(*) AS n FROM pages");
    for (let i = 0; i < 300; i++) {
      insert.run(Buffer.alloc(3000, i));
      sqlite.exec("BEGIN");
      count.get();
      await sleep(1); // the worker checkpoints meanwhile
      insert.run(Buffer.alloc(3000, i));
      sqlite.exec("COMMIT");
    }
    expect(count.get()).toEqual({ n: 600 });
    checkpointer.stop();
    sqlite.close();
  });

  it("gives the connection its automatic checkpoints back when the worker dies", async () => {
    const { sqlite } = open("fallback.sqlite");
    // A worker that cannot open the file exits at once.
    startBackgroundCheckpoints(sqlite, path.join(dir, "missing", "nowhere.sqlite"));
    expect(sqlite.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    await until(() => sqlite.pragma("wal_autocheckpoint", { simple: true }) === 1000, "fallback");
    sqlite.close();
  });

  it("is what the server's database uses, and closing the database stops it", async () => {
    const file = path.join(dir, "server.sqlite");
    const db = openDatabase({ kind: "sqlite", file }, { backgroundCheckpoints: true });
    await migrateToLatest(db);
    // Every table's first page is in the file itself, not only in the log.
    await until(() => fs.statSync(file).size >= 20 * 4096, "the migrations reach the file");
    await db.destroy();
    const reopened = new SQLite(file, { readonly: true });
    expect(reopened.prepare("SELECT count(*) AS n FROM kysely_migration").get()).not.toEqual({ n: 0 });
    reopened.close();
  });
});
