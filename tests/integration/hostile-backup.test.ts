/**
 * `npm run db:backup` while a round runs (issue 10): contestants keep answering over their sockets while
 * the backup is taken by another process; the copy, restored and opened by a fresh process, holds every
 * answer acknowledged before the backup began.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase } from "#db/connection";
import { createSession } from "#db/repos/sessions";
import { listItems } from "#db/repos/attempts";
import { seedDemo } from "#db/seed/seed";
import { startRoundAttempt } from "#server/contest/attempts";
import { createPlatform, type Platform } from "#server/platform";
import { hashPassword, randomToken, sha256 } from "#server/security/password";
import { loadBundledBank } from "../../question-bank/load";
import { request, type Client } from "./board-harness";
import { socketFor } from "./hostile-harness";
import { testClock, testServices } from "./test-services";

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "contest-backup-"));
let platform: Platform | null = null;

afterAll(async () => {
  await platform?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backups", () => {
  it("a backup taken during a round, restored into a fresh process, holds every acknowledged answer", async () => {
    const file = path.join(dir, "contest.db");
    const clock = testClock(new Date());
    const services = await testServices(clock);
    await services.db.destroy();
    services.db = openDatabase({ kind: "sqlite", file });
    await migrateToLatest(services.db);
    const bank = await loadBundledBank(path.join(process.cwd(), "question-bank"));
    const seed = await seedDemo(services.db, {
      now: clock.now(),
      adminPasswordHash: "x",
      hashPassword,
      bank,
    });
    platform = await createPlatform(services, { kind: "none" });
    const { port } = await platform.start();
    const url = `http://127.0.0.1:${port}`;

    const contestants = await services.db.selectFrom("contestants").select("user_id").limit(8).execute();
    const players: { socket: Client; attemptId: number; positions: number }[] = [];
    for (const { user_id } of contestants) {
      const token = randomToken();
      await createSession(services.db, {
        id: sha256(token),
        userId: user_id,
        now: clock.now(),
        expiresAt: new Date(clock.now().getTime() + 3_600_000),
        ip: null,
        userAgent: null,
      });
      const started = await startRoundAttempt(services, { userId: user_id, roundId: seed.openRoundId });
      if (!started.ok) throw new Error(started.code);
      const socket = await socketFor(url, `sid=${token}`);
      await request(socket, "attempt:watch", { attemptId: started.attemptId });
      players.push({
        socket,
        attemptId: started.attemptId,
        positions: (await listItems(services.db, started.attemptId)).length,
      });
    }

    // Everyone answers one question after another, each position once, until told to stop.
    const acknowledged: { attemptId: number; position: number; chosen: number; at: number }[] = [];
    let answering = true;
    const answerers = players.map(async (p) => {
      for (let position = 0; answering && position < p.positions; position++) {
        const chosen = position % 2;
        const ack = await request<{ savedAt: string }>(p.socket, "attempt:answer", {
          attemptId: p.attemptId,
          position,
          chosen: [chosen],
        });
        if ("data" in ack)
          acknowledged.push({ attemptId: p.attemptId, position, chosen, at: performance.now() });
        await new Promise((r) => setTimeout(r, 5));
      }
    });

    const until = async (enough: () => boolean) => {
      for (let i = 0; i < 400 && !enough(); i++) await new Promise((r) => setTimeout(r, 25));
    };
    await until(() => acknowledged.length >= 20);
    const backupFile = path.join(dir, "backup.db");
    const backupStarted = performance.now();
    const { stdout } = await run("npx", ["tsx", "scripts/db-backup.ts", "--out", backupFile], {
      env: { ...process.env, DATABASE_URL: file },
    });
    expect(stdout).toMatch(/backed up/);
    const atBackupEnd = acknowledged.length;
    await until(() => acknowledged.length >= atBackupEnd + 5);
    answering = false;
    await Promise.all(answerers);
    const before = acknowledged.filter((a) => a.at < backupStarted);
    expect(before.length).toBeGreaterThanOrEqual(20);
    // Answers kept coming while the copy was taken: the round was not held up.
    expect(acknowledged.length).toBeGreaterThan(before.length);

    // Restore as docs/operations.md says (copy the file into place), then read it from a fresh process.
    const restored = path.join(dir, "restored.db");
    fs.copyFileSync(backupFile, restored);
    const reader = `
      const Database = require("better-sqlite3");
      const db = new Database(process.argv[1], { readonly: true, fileMustExist: true });
      const check = db.pragma("integrity_check", { simple: true });
      const rows = db.prepare("select attempt_id, position, chosen from attempt_items where chosen is not null").all();
      console.log(JSON.stringify({ check, rows }));
    `;
    const out = await run(process.execPath, ["-e", reader, restored]);
    const { check, rows } = JSON.parse(out.stdout) as {
      check: string;
      rows: { attempt_id: number; position: number; chosen: string }[];
    };
    expect(check).toBe("ok");
    const saved = new Map(rows.map((r) => [`${r.attempt_id}:${r.position}`, r.chosen]));
    const missing = before.filter((a) => saved.get(`${a.attemptId}:${a.position}`) === undefined);
    expect(missing).toEqual([]);
    for (const p of players) p.socket.disconnect();
  }, 60_000);
});
