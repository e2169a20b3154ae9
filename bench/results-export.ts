/**
 * How long the results export of a round with 3,000 submitted attempts takes, and how large the files
 * are. Builds a fresh SQLite file (the demo contest and bank), inserts BENCH_ATTEMPTS contestants, each
 * with one submitted 20-question attempt in the open round (straight into the tables, in one
 * transaction, for speed — the same rows the attempt services write), closes the round through
 * `closeRound` (the official ranking), then times the exports through `exportResults`, the function
 * the console and `npm run results:export` call.
 *
 *   BENCH_ATTEMPTS=3000 npx tsx bench/results-export.ts [--keep]
 *
 * A benchmark, not a test: figures depend on the machine. Results are in docs/benchmarks-results.md.
 * With --keep the database file is left for `DATABASE_URL=… npm run results:export`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateToLatest, openDatabase } from "#db/connection";
import { seedDemo } from "#db/seed/seed";
import { hashPassword } from "#server/security/password";
import { createLogger } from "#server/logger";
import { ContestEvents } from "#server/contest/events";
import { closeRound } from "#server/contest/ranking";
import { exportResults, type ExportTarget, type ExportFormat } from "#server/results/export";
import type { Services } from "#server/services";
import { testConfig } from "../tests/integration/test-services";
import { loadBundledBank } from "../question-bank/load";

const ATTEMPTS = Math.min(Number(process.env.BENCH_ATTEMPTS ?? 3000), 50_000);
const QUESTIONS = 20;
const keep = process.argv.includes("--keep");

/** A small deterministic generator, so two runs build the same round. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "results-bench-"));
  const file = path.join(dir, "contest.db");
  const db = openDatabase({ kind: "sqlite", file });
  await migrateToLatest(db);
  const start = new Date("2026-11-27T01:00:00.000Z");
  const bank = await loadBundledBank(path.join(process.cwd(), "question-bank"));
  const seed = await seedDemo(db, { now: start, adminPasswordHash: "x", hashPassword, bank });
  let now = start;
  const services: Services = {
    db,
    config: testConfig(),
    logger: createLogger("silent"),
    clock: { now: () => now },
    events: new ContestEvents(),
  };

  const built = performance.now();
  const rand = random(2023);
  const units = await db.selectFrom("units").select(["id", "parent_id"]).execute();
  const parents = new Set(units.map((u) => u.parent_id));
  const leafUnits = units.filter((u) => !parents.has(u.id));
  const categories = await db.selectFrom("categories").select("id").execute();
  const versions = await db
    .selectFrom("question_versions")
    .innerJoin("questions", "questions.current_version_id", "question_versions.id")
    .select(["question_versions.id", "question_versions.options", "question_versions.correct"])
    .where("questions.status", "=", "approved")
    .execute();
  const parsed = versions.map((v) => ({
    id: v.id,
    options: (JSON.parse(v.options) as string[]).length,
    correct: JSON.parse(v.correct) as number[],
  }));
  const windowMs = 2 * 24 * 3600_000;

  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < ATTEMPTS; i++) {
      const at = start.toISOString();
      const user = await trx
        .insertInto("users")
        .values({
          role: "contestant",
          username: null,
          display_name: `Thí sinh ${i}`,
          password_hash: "x",
          must_change_password: 0,
          disabled_at: null,
          created_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const name = `Nguyễn Thị Thí Sinh ${i + 1}`;
      const contestant = await trx
        .insertInto("contestants")
        .values({
          user_id: user.id,
          contest_id: seed.contestId,
          full_name: name,
          name_folded: name.toLowerCase(),
          birth_date: `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
          gender: i % 2 === 0 ? "female" : "male",
          phone: `08${String(i).padStart(8, "0")}`,
          cccd: null,
          unit_id: leafUnits[Math.floor(rand() * leafUnits.length)].id,
          category_id: categories[i % categories.length].id,
          is_staff_member: 0,
          status: "active",
          status_reason: null,
          consent_at: at,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const ability = 0.35 + rand() * 0.65;
      const startedMs = start.getTime() + Math.floor(rand() * windowMs);
      const durationMs = 120_000 + Math.floor(rand() * 780_000);
      const picked = new Set<number>();
      while (picked.size < QUESTIONS) picked.add(Math.floor(rand() * parsed.length));
      const items = [...picked].map((k, position) => {
        const q = parsed[k];
        const order = Array.from({ length: q.options }, (_, o) => o).sort(() => rand() - 0.5);
        const blank = rand() < 0.03;
        const right = !blank && rand() < ability;
        const wrong = Array.from({ length: q.options }, (_, o) => o).filter((o) => !q.correct.includes(o));
        const chosen = blank ? null : right ? q.correct : [wrong[Math.floor(rand() * wrong.length)]];
        return {
          position,
          question_version_id: q.id,
          option_order: JSON.stringify(order),
          chosen: chosen === null ? null : JSON.stringify(chosen),
          answered_at:
            chosen === null
              ? null
              : new Date(startedMs + ((position + 1) * durationMs) / (QUESTIONS + 1)).toISOString(),
          marked: 0,
          is_correct: right ? 1 : 0,
          points: right ? 1 : 0,
        };
      });
      const score = items.reduce((sum, it) => sum + it.points, 0);
      const attempt = await trx
        .insertInto("attempts")
        .values({
          round_id: seed.openRoundId,
          contestant_id: contestant.id,
          is_practice: 0,
          attempt_no: 1,
          status: "submitted",
          seed: i,
          started_at: new Date(startedMs).toISOString(),
          deadline_at: new Date(startedMs + 15 * 60_000).toISOString(),
          submitted_at: new Date(startedMs + durationMs).toISOString(),
          submit_reason: "manual",
          prediction: Math.floor(rand() * 40),
          score,
          correct_count: score,
          all_correct: score === QUESTIONS ? 1 : 0,
          duration_ms: durationMs,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("attempt_items")
        .values(items.map((it) => ({ ...it, attempt_id: attempt.id })))
        .execute();
    }
  });
  const buildSeconds = (performance.now() - built) / 1000;

  now = new Date(start.getTime() + windowMs + 3600_000);
  const closing = performance.now();
  const closed = await closeRound(services, { roundId: seed.openRoundId, actorUserId: null });
  const closeSeconds = (performance.now() - closing) / 1000;
  if (!closed.ok) throw new Error(`close failed: ${closed.code}`);

  const timed = async (label: string, target: ExportTarget, format: ExportFormat) => {
    const t0 = performance.now();
    const rss0 = process.memoryUsage().rss;
    const out = await exportResults(services, { target, format, actorUserId: null, via: "cli" });
    const seconds = (performance.now() - t0) / 1000;
    if (!out) throw new Error("export failed");
    fs.writeFileSync(path.join(dir, out.fileName), out.body);
    return {
      label,
      seconds: Number(seconds.toFixed(2)),
      sizeKiB: Math.round(out.body.length / 1024),
      rows: out.rows,
      rssMiB: Math.round(Math.max(rss0, process.memoryUsage().rss) / 1024 / 1024),
    };
  };
  // The first run pays for loading ExcelJS's code paths; the second is what an organizer waits.
  const results = [
    await timed("round xlsx (first)", { roundId: seed.openRoundId }, "xlsx"),
    await timed("round xlsx", { roundId: seed.openRoundId }, "xlsx"),
    await timed("round csv", { roundId: seed.openRoundId }, "csv"),
    await timed("contest xlsx", { contestId: seed.contestId }, "xlsx"),
  ];
  console.log(
    JSON.stringify(
      {
        attempts: ATTEMPTS,
        questionsPerAttempt: QUESTIONS,
        ranked: closed.ranked,
        buildSeconds: Number(buildSeconds.toFixed(1)),
        closeSeconds: Number(closeSeconds.toFixed(2)),
        node: process.version,
        cpu: os.cpus()[0]?.model,
        results,
        database: keep ? file : undefined,
        roundId: seed.openRoundId,
      },
      null,
      2,
    ),
  );
  await db.destroy();
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
