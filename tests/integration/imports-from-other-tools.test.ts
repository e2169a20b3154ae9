/**
 * Issue 12: a plain Moodle GIFT export (topics from $CATEGORY, no metadata comment) and an Aiken file
 * from another tool import with the topic and difficulty of the form, their questions missing an
 * explanation or source coming in as drafts with a warning, never refused; and the command-line import
 * and export refuse to run without an existing database.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase, type Db } from "#db/connection";
import { createUser } from "#db/repos/users";
import { confirmImport, previewImport } from "#db/repos/question-imports";
import { listQuestions } from "#db/repos/questions";

const FIXTURES = path.resolve(__dirname, "../fixtures/question-files");
const now = new Date("2026-11-30T02:00:00.000Z");

describe("files from other tools", () => {
  let db: Db;
  let organizer: number;
  beforeEach(async () => {
    db = await openTestDatabase();
    organizer = (
      await createUser(db, { role: "organizer", username: "btc", displayName: "BTC", passwordHash: "x", now })
    ).id;
  });

  it("a Moodle GIFT export imports with its categories as topics and the form's difficulty", async () => {
    const preview = await previewImport(db, {
      userId: organizer,
      fileName: "moodle-xuat.gift",
      bytes: readFileSync(path.join(FIXTURES, "moodle-xuat.gift")),
      defaults: { topic: "Kỹ năng số", difficulty: "easy" },
      now,
    });
    expect(preview.fileProblems).toEqual([]);
    expect(preview.rows.map((r) => r.problems)).toEqual([[], [], [], []]);
    expect(preview.rows.map((r) => r.draft?.topic)).toEqual([
      "An toàn trên mạng",
      "An toàn trên mạng",
      "An toàn trên mạng",
      "Dịch vụ công",
    ]);
    expect(preview.rows.map((r) => r.draft?.type)).toEqual(["single", "single", "true_false", "multiple"]);
    expect(preview.rows[0]?.warnings?.map((w) => w.code)).toEqual(["missingExplanation", "missingSource"]);
    expect(preview.rows[1]?.draft?.options[2]).toBe("Tỏi!LýSơn#2023&Biển");

    const done = await confirmImport(db, { token: preview.token!, userId: organizer, approve: true, now });
    expect(done).toMatchObject({ ok: true, approved: 0 });
    const stored = await listQuestions(db, {}, { limit: 10, offset: 0 });
    expect(stored.rows.map((r) => [r.difficulty, r.status])).toEqual(Array(4).fill(["easy", "draft"]));
  });

  it("an Aiken file from another tool imports with the form's topic and difficulty, as drafts", async () => {
    const preview = await previewImport(db, {
      userId: organizer,
      fileName: "tu-cong-cu-khac.aiken.txt",
      bytes: readFileSync(path.join(FIXTURES, "tu-cong-cu-khac.aiken.txt")),
      defaults: { topic: "Kinh tế số", difficulty: "medium" },
      now,
    });
    expect(preview.format).toBe("aiken");
    expect(preview.validCount).toBe(3);
    expect(
      preview.rows.every((r) => r.draft?.topic === "Kinh tế số" && r.draft.difficulty === "medium"),
    ).toBe(true);
    expect(preview.rows[1]?.warnings?.map((w) => w.code)).toEqual(
      expect.arrayContaining(["missingExplanation", "missingSource", "keyMuchLonger"]),
    );
    const done = await confirmImport(db, { token: preview.token!, userId: organizer, approve: true, now });
    expect(done).toMatchObject({ ok: true, approved: 0 });
  });
});

describe("the bank commands", () => {
  const run = promisify(execFile);
  const root = path.resolve(__dirname, "../..");
  it("refuse to run without an existing database, and create none", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "bank-cli-"));
    const env = { ...process.env, DATABASE_URL: path.join(dir, "khong-co.db") };
    // The bank commands exit 2; migrate, the results export and the backup 78 (configuration).
    for (const [code, args] of [
      [2, ["scripts/questions-import.ts", path.join(FIXTURES, "moodle-xuat.gift")]],
      [2, ["scripts/questions-export.ts", "--format", "csv", "--out", path.join(dir, "x.csv")]],
      [78, ["scripts/migrate.ts"]],
      [78, ["scripts/results-export.ts", "--round", "1", "--out", path.join(dir, "x.xlsx")]],
      [78, ["scripts/db-backup.ts", "--out", path.join(dir, "sao-luu.db")]],
    ] as const) {
      const failure = await run("npx", ["tsx", ...args], { cwd: root, env }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code, args[0]).toBe(code);
      expect(failure?.stderr).toMatch(/Không tìm thấy cơ sở dữ liệu/);
    }
    expect(() => readFileSync(path.join(dir, "khong-co.db"))).toThrow();
  }, 150_000);
});
