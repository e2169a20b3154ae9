/**
 * The live final on two real server processes (A, B) sharing PostgreSQL and Redis, as behind nginx with
 * ip_hash: the host on A starts the final, a phone on A and a phone on B answer the same question, both
 * are acknowledged, the reveal counts both and both phones get their result. A owns the final (it
 * started first); B hands its phone's calls to A. Then A is killed (SIGKILL) mid-question: B takes the
 * final over once A's lease runs out, with the same question, the same deadline and A's acknowledged
 * answer, closes the question at that deadline by itself, and the host, back through B, reveals both
 * answers.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { io as connect } from "socket.io-client";
import type { LiveResult, LiveSaved, LiveSeat, LiveView } from "~/realtime/live-contract";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  migrateToLatest,
  openDatabase,
  type Db,
} from "#db/connection";
import { seedDemo } from "#db/seed/seed";
import { createUser } from "#db/repos/users";
import { createSession } from "#db/repos/sessions";
import { ContestEvents } from "#server/contest/events";
import { createLiveFinal } from "#server/live/finals";
import { liveLease } from "#server/live/owners";
import { createLogger } from "#server/logger";
import { hashPassword, sha256 } from "#server/security/password";
import { systemClock, type Services } from "#server/services";
import { loadBundledBank } from "../../question-bank/load";
import { data, request, waitFor, type Client } from "./board-harness";
import { insertContestant, testConfig } from "./test-services";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `contest_so_test:${crypto.randomBytes(4).toString("hex")}:`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "live-cluster-"));
const basePort = 4800 + Math.floor(Math.random() * 400);
const SECONDS = 12;
let url = "";
const servers = new Map<string, ChildProcess>();
const sockets: Client[] = [];
let redis: Redis;

function startServer(name: string, port: number): Promise<ChildProcess> {
  // --no-web: health and Socket.IO only; the final is played over sockets.
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts", "--no-web"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: "4",
      REDIS_URL,
      REDIS_PREFIX: prefix,
      SESSION_SECRET: "live-cluster-test-secret-0123456789abcdef",
      DATA_DIR: dir,
      LOG_LEVEL: "warn",
      ADMIN_PASSWORD: "khong-dung-1234",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  servers.set(name, child);
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 40_000;
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`server ${name} exited:\n${output}`));
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return resolve(child);
      } catch {
        // not yet
      }
      if (Date.now() > deadline) return reject(new Error(`server ${name} not ready:\n${output}`));
      setTimeout(poll, 200);
    };
    void poll();
  });
}

async function socketFor(port: number, token: string): Promise<Client> {
  const socket: Client = connect(`http://127.0.0.1:${port}`, {
    transports: ["websocket"],
    extraHeaders: { cookie: `sid=${token}` },
    reconnection: false,
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

async function sessionOf(db: Db, userId: number): Promise<string> {
  const token = `live-${crypto.randomBytes(12).toString("hex")}`;
  await createSession(db, {
    id: sha256(token),
    userId,
    now: new Date(),
    expiresAt: new Date(Date.now() + 3_600_000),
    ip: null,
    userAgent: null,
  });
  return token;
}

async function contestant(db: Db, contestId: number, i: number): Promise<{ token: string }> {
  const now = new Date();
  const unit = await db.selectFrom("units").select("id").executeTakeFirstOrThrow();
  const category = await db.selectFrom("categories").select("id").executeTakeFirstOrThrow();
  const user = await createUser(db, {
    role: "contestant",
    username: null,
    displayName: `Thí sinh ${i}`,
    passwordHash: "x",
    now,
  });
  await insertContestant(db, {
    userId: user.id,
    contestId,
    unitId: unit.id,
    categoryId: category.id,
    name: `Nguyễn Văn Chung ${i}`,
    phone: `091234567${i}`,
    birthDate: "1992-02-02",
    gender: "male",
    at: now,
  });
  return { token: await sessionOf(db, user.id) };
}

const pidOf = (name: string) => String(servers.get(name)!.pid);

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
  } catch (error) {
    throw new Error(`Redis does not answer at ${REDIS_URL} (${String(error)}): start redis-server.`);
  }
  url = await createPostgresDatabase("contest_so_l_");
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const child of servers.values()) child.kill("SIGKILL");
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  if (url) await dropPostgresDatabase(url);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the live final on several processes", () => {
  it("has one owner: a phone on the other process answers through it, and the final survives its death", async () => {
    const db = openDatabase({ kind: "postgres", url, poolSize: 4 });
    const services: Services = {
      db,
      config: testConfig(),
      logger: createLogger("silent"),
      clock: systemClock,
      events: new ContestEvents(),
    };
    try {
      await migrateToLatest(db);
      const seed = await seedDemo(db, {
        now: new Date(),
        adminPasswordHash: "x",
        hashPassword,
        bank: await loadBundledBank(path.join(process.cwd(), "question-bank")),
      });
      const admin = await db
        .selectFrom("users")
        .select("id")
        .where("username", "=", "admin")
        .executeTakeFirstOrThrow();
      const created = await createLiveFinal(services, {
        contestId: seed.contestId,
        actorUserId: admin.id,
        settings: {
          title: "Chung kết cụm",
          secondsPerQuestion: SECONDS,
          basePoints: 10,
          speedBonus: false,
          speedBonusPoints: 0,
          predictionEnabled: false,
          eligibility: { kind: "everyone" },
          questions: { kind: "drawn", count: 3, topicId: null },
          prizes: { first: 1, second: 1, third: 1, consolation: 0 },
        },
      });
      if (!created.ok) throw new Error(created.code);
      const { roundId } = created;
      const adminToken = await sessionOf(db, admin.id);
      const [one, two] = [await contestant(db, seed.contestId, 1), await contestant(db, seed.contestId, 2)];

      // A first: it resumes the unfinished final at start and so owns it. Then B.
      const ports = { A: basePort, B: basePort + 1 };
      await startServer("A", ports.A);
      expect(await redis.get(`${prefix}lease:${liveLease(roundId)}`)).toContain(`:${pidOf("A")}:`);
      await startServer("B", ports.B);

      const host = await socketFor(ports.A, adminToken);
      const phoneA = await socketFor(ports.A, one.token);
      const phoneB = await socketFor(ports.B, two.token);
      for (const phone of [phoneA, phoneB])
        expect(data(await request<LiveSeat>(phone, "live:join", { code: created.joinCode })).view.phase).toBe(
          "lobby",
        );
      // The screen on B: its counts come from A's hub through B's handover.
      const screen = await socketFor(ports.B, adminToken);
      expect(data(await request<LiveView>(screen, "live:watch", { roundId })).joined).toBe(2);

      // The host on A starts: the phone on B sees the question open and its answer is taken.
      const openedOnB = waitFor<LiveView>(phoneB, "live:state", (v) => v.phase === "open");
      const q0 = data(await request<LiveView>(host, "live:host", { roundId, command: "start" }));
      expect((await openedOnB).deadlineAt).toBe(q0.deadlineAt);
      const savedA = data(
        await request<LiveSaved>(phoneA, "live:answer", { roundId, position: 0, choice: 0 }),
      );
      const savedB = data(
        await request<LiveSaved>(phoneB, "live:answer", { roundId, position: 0, choice: 1 }),
      );
      expect([savedA.choice, savedB.choice]).toEqual([0, 1]);
      // Once per player per question, whichever process asks.
      expect(await request(phoneB, "live:answer", { roundId, position: 0, choice: 0 })).toEqual({
        error: { code: "alreadyAnswered" },
      });
      expect(data(await request<LiveView>(screen, "live:watch", { roundId })).answered).toBe(2);

      // The reveal counts both answers, and both phones get their own result.
      data(await request<LiveView>(host, "live:host", { roundId, command: "close" }));
      const results = [phoneA, phoneB].map((p) => waitFor<LiveResult>(p, "live:result"));
      const revealed = data(await request<LiveView>(host, "live:host", { roundId, command: "reveal" }));
      expect(revealed.reveal?.answered).toBe(2);
      expect(revealed.reveal?.counts.slice(0, 2)).toEqual([1, 1]);
      const mine = await Promise.all(results);
      expect(mine.map((r) => [r.position, r.choice, r.of])).toEqual([
        [0, 0, 2],
        [0, 1, 2],
      ]);

      // The next question; A's phone answers; then A dies.
      const q1 = data(await request<LiveView>(host, "live:host", { roundId, command: "next" }));
      expect(q1).toMatchObject({ phase: "open", position: 1 });
      data(await request<LiveSaved>(phoneA, "live:answer", { roundId, position: 1, choice: 1 }));
      servers.get("A")!.kill("SIGKILL");
      await new Promise((resolve) => servers.get("A")!.once("exit", resolve));

      // B's phone answers: B waits for A's lease to run out, takes the final and accepts the answer.
      const closedOnB = waitFor<LiveView>(phoneB, "live:state", (v) => v.phase === "closed", SECONDS * 1000);
      data(await request<LiveSaved>(phoneB, "live:answer", { roundId, position: 1, choice: 0 }));
      expect(await redis.get(`${prefix}lease:${liveLease(roundId)}`)).toContain(`:${pidOf("B")}:`);
      const resumed = data(await request<LiveView>(screen, "live:watch", { roundId }));
      expect(resumed).toMatchObject({ phase: "open", position: 1, deadlineAt: q1.deadlineAt, answered: 2 });

      // B's deadline timer closes the question at the same deadline.
      const closed = await closedOnB;
      expect(closed.deadlineAt).toBe(q1.deadlineAt);
      expect(Date.parse(closed.serverNow)).toBeGreaterThanOrEqual(Date.parse(q1.deadlineAt ?? "") - 50);
      // The host comes back through B and reveals: both answers, A's and B's, are counted.
      const hostOnB = await socketFor(ports.B, adminToken);
      const resultOnB = waitFor<LiveResult>(phoneB, "live:result");
      const revealed1 = data(await request<LiveView>(hostOnB, "live:host", { roundId, command: "reveal" }));
      expect(revealed1.reveal).toMatchObject({ position: 1, answered: 2 });
      expect(revealed1.reveal?.counts.slice(0, 2)).toEqual([1, 1]);
      expect(await resultOnB).toMatchObject({ position: 1, choice: 0, of: 2 });
      const answers = await db
        .selectFrom("live_answers")
        .select(["position", "choice"])
        .where("round_id", "=", roundId)
        .orderBy("position")
        .orderBy("choice")
        .execute();
      expect(answers).toEqual([
        { position: 0, choice: 0 },
        { position: 0, choice: 1 },
        { position: 1, choice: 0 },
        { position: 1, choice: 1 },
      ]);
    } finally {
      await db.destroy();
    }
  }, 90_000);
});
