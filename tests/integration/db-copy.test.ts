/**
 * `npm run db:copy` moves a SQLite contest to PostgreSQL: every row, the same ids, and PostgreSQL's id
 * sequences past them so new rows do not collide.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase, migrateToLatest, openDatabase } from "#db/connection";
import { seedDemo } from "#db/seed/seed";
import { hashPassword } from "#server/security/password";
import { createUser } from "#db/repos/users";
import { loadBundledBank } from "../../question-bank/load";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "db-copy-"));
const urls: string[] = [];

afterAll(async () => {
  for (const url of urls) await dropPostgresDatabase(url);
  fs.rmSync(dir, { recursive: true, force: true });
});

const TABLES = [
  "users",
  "contests",
  "units",
  "contestants",
  "questions",
  "question_versions",
  "rounds",
  "audit_log",
] as const;

describe("copying a contest from SQLite to PostgreSQL", () => {
  it("copies every row with its id, and new rows on PostgreSQL get fresh ids", async () => {
    const file = path.join(dir, "contest.db");
    const sqlite = openDatabase({ kind: "sqlite", file });
    await migrateToLatest(sqlite);
    await seedDemo(sqlite, {
      now: new Date("2026-11-27T01:00:00.000Z"),
      adminPasswordHash: "x",
      hashPassword,
      bank: await loadBundledBank(path.join(process.cwd(), "question-bank")),
    });
    const url = await createPostgresDatabase("contest_so_t_copy_");
    urls.push(url);

    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "scripts/db-copy.ts", "--from", file, "--to", url],
      {
        encoding: "utf8",
      },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/copied \d+ rows/);

    const pg = openDatabase({ kind: "postgres", url, poolSize: 2 });
    try {
      for (const table of TABLES) {
        const a = await sqlite.selectFrom(table).selectAll().orderBy("id").execute();
        const b = await pg.selectFrom(table).selectAll().orderBy("id").execute();
        expect(b, table).toEqual(a);
      }
      const before = await pg
        .selectFrom("users")
        .select((eb) => eb.fn.max("id").as("id"))
        .executeTakeFirstOrThrow();
      const user = await createUser(pg, {
        role: "judge",
        username: "giam-khao-moi",
        displayName: "Giám khảo mới",
        passwordHash: "x",
        now: new Date(),
      });
      expect(user.id).toBe(Number(before.id) + 1);

      // A second copy into a database that has data is refused, and changes nothing.
      const again = spawnSync(
        process.execPath,
        ["--import", "tsx", "scripts/db-copy.ts", "--from", file, "--to", url],
        {
          encoding: "utf8",
        },
      );
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/not empty/);
    } finally {
      await pg.destroy();
      await sqlite.destroy();
    }
  }, 60_000);
});
