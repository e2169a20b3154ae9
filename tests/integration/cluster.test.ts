/**
 * Three real server processes (A, B, C) on one PostgreSQL database and one Redis, as on several machines:
 * a contestant answers through A, another through B, the audience screen on C shows both submissions,
 * the organizer closes the round through B, and the official ranking is the one the same attempts give
 * on SQLite. Then A is killed (SIGKILL) mid-round: its contestant reconnects to B and finishes with every
 * acknowledged answer kept, the sweeper's lease moves to another process, which submits an attempt
 * whose time ran out, and nothing is submitted twice.
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest, openDatabase, type Db } from "#db/connection";
import { copyDatabase } from "#db/copy";
import { listItems } from "#db/repos/attempts";
import { listOfficialRanking } from "#db/repos/rankings";
import { startRoundAttempt } from "#server/contest/attempts";
import { computeOfficialRanking } from "#server/contest/ranking";
import { csrfTokenFor } from "#server/security/csrf";
import type { Services } from "#server/services";
import type { Ack, AttemptSync, BoardSnapshot, SubmittedSummary } from "~/realtime/contract";
import type { Client } from "./board-harness";
import { clusterHarness, contestantWithSession, seedForProcesses, sessionFor } from "./cluster-harness";

const secret = "cluster-test-secret-cluster-test-secret-0123";
const cluster = clusterHarness({
  name: "cluster",
  databasePrefix: "contest_so_c_",
  sessionSecret: secret,
  web: true,
});
const { redis, prefix, dir, pidOf, socketFor } = cluster;
const basePort = 4400 + Math.floor(Math.random() * 400);

function ask<T>(send: (ack: (r: Ack<T>) => void) => void): Promise<Ack<T>> {
  return new Promise((resolve) => send(resolve));
}

function data<T>(ack: Ack<T>): T {
  if (!("data" in ack)) throw new Error(`refused: ${JSON.stringify(ack)}`);
  return ack.data;
}

interface Person {
  token: string;
  attemptId: number;
}

async function person(db: Db, services: Services, contestId: number, i: number, roundId: number | null) {
  const { userId, token } = await contestantWithSession(db, {
    contestId,
    i,
    name: `Lê Văn Cụm ${i}`,
    phone: `098765432${i}`,
    birthDate: "1990-01-01",
  });
  return {
    userId,
    token,
    async start(round: number): Promise<Person> {
      const started = await startRoundAttempt(services, { userId, roundId: round });
      if (!started.ok) throw new Error(`start failed: ${started.code}`);
      return { token, attemptId: started.attemptId };
    },
    roundId,
  };
}

async function copyRound(db: Db, roundId: number, title: string, durationSeconds: number): Promise<number> {
  const round = await db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
  const row = await db
    .insertInto("rounds")
    .values({ ...round, id: undefined, title, duration_seconds: durationSeconds })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function answer(socket: Client, attemptId: number, position: number, choice: number): Promise<void> {
  data(await ask((ack) => socket.emit("attempt:answer", { attemptId, position, chosen: [choice] }, ack)));
}

const sweeperHolder = async () => (await redis.get(`${prefix}lease:sweeper`)) ?? "";

beforeAll(async () => {
  await cluster.setUp();
  // The servers serve the built web app (the organizer closes the round through its page).
  if (!fs.existsSync("build/server/index.js")) {
    const built = spawnSync("npx", ["remix", "vite:build"], { stdio: "ignore" });
    if (built.status !== 0) throw new Error("could not build the web app");
  }
}, 120_000);

afterAll(() => cluster.tearDown());

describe("several processes on PostgreSQL and Redis are one contest", () => {
  it("carries answers, the screen and the close across processes, and survives the death of one", async () => {
    const { db, services } = cluster.open();
    try {
      const { seed, adminId } = await seedForProcesses(db);
      const round1 = seed.openRoundId;
      const round2 = await copyRound(db, round1, "Vòng hai", 1800);
      const round3 = await copyRound(db, round1, "Vòng ngắn", 8);
      const x = await (await person(db, services, seed.contestId, 1, round1)).start(round1);
      const y = await (await person(db, services, seed.contestId, 2, round1)).start(round1);
      const p = await (await person(db, services, seed.contestId, 3, round2)).start(round2);
      const rPerson = await person(db, services, seed.contestId, 4, round3);
      const adminToken = await sessionFor(db, adminId, "admin");

      // A first, so it holds the sweeper's lease; then B and C.
      const ports = { A: basePort, B: basePort + 1, C: basePort + 2 };
      await cluster.startServer("A", ports.A);
      await expect.poll(sweeperHolder, { timeout: 10_000 }).toContain(`:${pidOf("A")}:`);
      await Promise.all([cluster.startServer("B", ports.B), cluster.startServer("C", ports.C)]);

      // The audience screen on C.
      const screen = await socketFor(ports.C, null);
      const updates: BoardSnapshot[] = [];
      screen.on("board:update", (s) => updates.push(s));
      const joined = data(
        await ask<BoardSnapshot>((ack) => screen.emit("board:join", { roundId: round1, screen: true }, ack)),
      );
      expect(joined.submitted).toBe(0);

      // X answers and submits through A, Y through B.
      const xa = await socketFor(ports.A, x.token);
      const yb = await socketFor(ports.B, y.token);
      for (const [s, who] of [
        [xa, x],
        [yb, y],
      ] as const) {
        data(await ask<AttemptSync>((ack) => s.emit("attempt:watch", { attemptId: who.attemptId }, ack)));
      }
      for (let position = 0; position < 5; position++) {
        await answer(xa, x.attemptId, position, 0);
        await answer(yb, y.attemptId, position, position % 2);
      }
      data(await ask<SubmittedSummary>((ack) => xa.emit("attempt:submit", { attemptId: x.attemptId }, ack)));
      data(await ask<SubmittedSummary>((ack) => yb.emit("attempt:submit", { attemptId: y.attemptId }, ack)));
      await expect.poll(() => updates.at(-1)?.submitted, { timeout: 10_000 }).toBe(2);

      // The organizer closes the round through B's console page.
      const csrfCookie = crypto.randomBytes(24).toString("base64url");
      const closed = await fetch(`http://127.0.0.1:${ports.B}/console/rounds/${round1}`, {
        method: "POST",
        headers: {
          cookie: `sid=${adminToken}; csrf=${csrfCookie}`,
          "content-type": "application/x-www-form-urlencoded",
          origin: `http://127.0.0.1:${ports.B}`,
        },
        body: new URLSearchParams({ intent: "close", confirm: "on", csrf: csrfTokenFor(secret, csrfCookie) }),
        redirect: "manual",
      });
      expect(closed.status).toBeLessThan(400);
      await expect
        .poll(
          async () =>
            (
              await db
                .selectFrom("rounds")
                .select("ranked_at")
                .where("id", "=", round1)
                .executeTakeFirstOrThrow()
            ).ranked_at,
          { timeout: 10_000 },
        )
        .not.toBeNull();
      // The screen on C hears the close too.
      await expect.poll(() => updates.at(-1)?.phase, { timeout: 10_000 }).toBe("closed");

      // The same attempts on SQLite give the same official ranking.
      const sqliteFile = path.join(dir, "same-attempts.db");
      const sqlite = openDatabase({ kind: "sqlite", file: sqliteFile });
      await migrateToLatest(sqlite);
      await copyDatabase(db, sqlite);
      const onSqlite = await computeOfficialRanking(sqlite, round1);
      await sqlite.destroy();
      const onPostgres = await listOfficialRanking(db, round1);
      expect(onPostgres.length).toBeGreaterThanOrEqual(2);
      expect(
        onPostgres.map((r) => ({
          attemptId: r.attempt_id,
          rank: r.rank,
          score: r.score,
          predictionDistance: r.prediction_distance,
          durationMs: r.duration_ms,
          submittedAt: r.submitted_at,
          prize: r.prize,
        })),
      ).toEqual(onSqlite.rows);

      // Mid-round on round 2: P answers through A; R starts a short round and answers once.
      const pa = await socketFor(ports.A, p.token);
      data(await ask<AttemptSync>((ack) => pa.emit("attempt:watch", { attemptId: p.attemptId }, ack)));
      await answer(pa, p.attemptId, 0, 1);
      await answer(pa, p.attemptId, 1, 0);
      const r = await rPerson.start(round3);
      const ra = await socketFor(ports.A, r.token);
      data(await ask<AttemptSync>((ack) => ra.emit("attempt:watch", { attemptId: r.attemptId }, ack)));
      await answer(ra, r.attemptId, 0, 1);
      expect(await sweeperHolder()).toContain(`:${pidOf("A")}:`);

      await cluster.kill("A");
      const killedAt = Date.now();

      // P reconnects to B: the two acknowledged answers are there; P finishes there.
      const pb = await socketFor(ports.B, p.token);
      const sync = data(
        await ask<AttemptSync>((ack) => pb.emit("attempt:watch", { attemptId: p.attemptId }, ack)),
      );
      expect(sync.status).toBe("in_progress");
      await answer(pb, p.attemptId, 2, 0);
      const first = data(
        await ask<SubmittedSummary>((ack) => pb.emit("attempt:submit", { attemptId: p.attemptId }, ack)),
      );
      const pc = await socketFor(ports.C, p.token);
      const second = data(
        await ask<SubmittedSummary>((ack) => pc.emit("attempt:submit", { attemptId: p.attemptId }, ack)),
      );
      expect(second).toEqual(first);
      const pItems = await listItems(db, p.attemptId);
      expect(pItems.slice(0, 3).map((i) => i.chosen)).toEqual([
        [pItems[0].optionOrder[1]],
        [pItems[1].optionOrder[0]],
        [pItems[2].optionOrder[0]],
      ]);
      expect(pItems.every((i) => i.isCorrect !== null)).toBe(true);

      // The sweeper's lease moves to B or C within seconds, and the new holder submits R at the deadline.
      await expect
        .poll(sweeperHolder, { timeout: 15_000, interval: 250 })
        .toMatch(new RegExp(`:(${pidOf("B")}|${pidOf("C")}):`));
      expect(Date.now() - killedAt).toBeLessThan(12_000);
      await expect
        .poll(
          async () =>
            (
              await db
                .selectFrom("attempts")
                .select("status")
                .where("id", "=", r.attemptId)
                .executeTakeFirstOrThrow()
            ).status,
          { timeout: 20_000, interval: 500 },
        )
        .toBe("submitted");
      const rRow = await db
        .selectFrom("attempts")
        .selectAll()
        .where("id", "=", r.attemptId)
        .executeTakeFirstOrThrow();
      expect(rRow).toMatchObject({ submit_reason: "deadline", submitted_at: rRow.deadline_at });
      const rItems = await listItems(db, r.attemptId);
      expect(rItems[0].chosen).toEqual([rItems[0].optionOrder[1]]);

      // Nothing submitted twice: each submitted attempt kept its first submission.
      const pRow = await db
        .selectFrom("attempts")
        .selectAll()
        .where("id", "=", p.attemptId)
        .executeTakeFirstOrThrow();
      expect(pRow).toMatchObject({
        status: "submitted",
        submit_reason: "manual",
        submitted_at: first.submittedAt,
      });
    } finally {
      await db.destroy();
    }
  }, 120_000);
});
