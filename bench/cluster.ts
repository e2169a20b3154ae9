/**
 * `npm run bench:cluster`: answer acknowledgements per second and their p99 with 1, 2 and 4 server
 * processes on PostgreSQL + Redis, against the same load on one SQLite process; the board's broadcasts
 * per round per second across the cluster; the memory a process spends per 1,000 sockets.
 *
 * The load: BENCH_CONTESTANTS contestants (default 300) each with a started attempt in the open round,
 * one socket each, spread round-robin over the processes; each answers in a closed loop (next answer as
 * soon as the previous one is acknowledged) for BENCH_SECONDS (default 10). Every contestant submits at
 * the end, so boards have something to broadcast. One audience screen per process counts `board:update`.
 * The load generator is this one Node process: its own CPU use is printed so a saturated generator is
 * not mistaken for a saturated server.
 *
 * Only 127.0.0.1; its own PostgreSQL databases (contest_so_bench_*) and Redis prefix, removed at the end.
 * A benchmark, not a test: figures depend on the machine. Results are in docs/benchmarks.md.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { io as connect, type Socket } from "socket.io-client";
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
import { startRoundAttempt } from "#server/contest/attempts";
import { ContestEvents } from "#server/contest/events";
import { createLogger } from "#server/logger";
import { hashPassword, sha256 } from "#server/security/password";
import { systemClock, type Services } from "#server/services";
import { FLUSH_INTERVAL_MS } from "#server/realtime/board";
import { boardRoom } from "#server/realtime/rooms";
import type { Ack, ClientToServerEvents, ServerToClientEvents } from "~/realtime/contract";
import { loadBundledBank } from "../question-bank/load";
import { insertContestant, testConfig } from "../tests/integration/test-services";

const CONTESTANTS = Math.min(Number(process.env.BENCH_CONTESTANTS ?? 300), 2000);
const SECONDS = Math.min(Number(process.env.BENCH_SECONDS ?? 10), 60);
const IDLE_SOCKETS = 1000;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";
const HOST = "127.0.0.1";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Setup {
  url: string;
  roundId: number;
  people: { token: string; attemptId: number }[];
}

async function prepare(db: Db): Promise<Omit<Setup, "url">> {
  await migrateToLatest(db);
  const now = new Date();
  const seed = await seedDemo(db, {
    now,
    adminPasswordHash: "x",
    hashPassword,
    bank: await loadBundledBank(path.join(process.cwd(), "question-bank")),
  });
  const services: Services = {
    db,
    config: testConfig(),
    logger: createLogger("silent"),
    clock: systemClock,
    events: new ContestEvents(),
  };
  const unit = await db.selectFrom("units").select("id").executeTakeFirstOrThrow();
  const category = await db.selectFrom("categories").select("id").executeTakeFirstOrThrow();
  const people = [];
  for (let i = 0; i < CONTESTANTS; i++) {
    const user = await createUser(db, {
      role: "contestant",
      username: null,
      displayName: `Bench ${i}`,
      passwordHash: "x",
      now,
    });
    await insertContestant(db, {
      userId: user.id,
      contestId: seed.contestId,
      unitId: unit.id,
      categoryId: category.id,
      name: `Thí Sinh ${i}`,
      phone: `09${String(10_000_000 + i)}`,
      birthDate: "1990-01-01",
      gender: i % 2 ? "male" : "female",
      at: now,
    });
    const token = crypto.randomBytes(16).toString("hex");
    await createSession(db, {
      id: sha256(token),
      userId: user.id,
      now,
      expiresAt: new Date(now.getTime() + 3_600_000),
      ip: null,
      userAgent: null,
    });
    const started = await startRoundAttempt(services, { userId: user.id, roundId: seed.openRoundId });
    if (!started.ok) throw new Error(started.code);
    people.push({ token, attemptId: started.attemptId });
  }
  return { roundId: seed.openRoundId, people };
}

function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts", "--no-web"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST,
      LOG_LEVEL: "error",
      ADMIN_PASSWORD: "khong-dung-1234",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 180_000; // four processes starting on a busy machine take a while
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error("server exited"));
      try {
        if ((await fetch(`http://${HOST}:${port}/healthz`)).ok) return resolve(child);
      } catch {
        // not yet
      }
      if (Date.now() > deadline) return reject(new Error("server not ready"));
      setTimeout(poll, 200);
    };
    void poll();
  });
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function open(port: number, token: string | null): Promise<Client> {
  const socket: Client = connect(`http://${HOST}:${port}`, {
    transports: ["websocket"],
    extraHeaders: token ? { cookie: `sid=${token}` } : {},
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** The most events in any one-second window starting at an event. */
function busiestSecond(times: number[]): number {
  let max = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (j < times.length && times[j] < times[i] + 1000) j++;
    max = Math.max(max, j - i);
  }
  return max;
}

const ask = <T>(send: (ack: (r: Ack<T>) => void) => void) => new Promise<Ack<T>>((resolve) => send(resolve));

interface Result {
  label: string;
  acks: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  broadcastsPerSecond: number;
  busiestSecond: number;
  busiestSecondSent: number | null;
  generatorCpu: number;
  memoryPer1000Mb?: number;
}

async function run(label: string, processes: number, engine: "sqlite" | "postgres"): Promise<Result> {
  const prefix = `contest_so_bench:${crypto.randomBytes(4).toString("hex")}:`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-cluster-"));
  const url =
    engine === "postgres" ? await createPostgresDatabase("contest_so_bench_") : path.join(dir, "c.db");
  const db = openDatabase(
    engine === "postgres" ? { kind: "postgres", url, poolSize: 4 } : { kind: "sqlite", file: url },
  );
  const { roundId, people } = await prepare(db);
  await db.destroy();
  const basePort = 6400 + Math.floor(Math.random() * 500); // clear of PostgreSQL (5432) and Redis (6379)
  const env: Record<string, string> = { DATABASE_URL: url, DATA_DIR: dir, SESSION_SECRET: "b".repeat(40) };
  if (engine === "postgres") Object.assign(env, { REDIS_URL, REDIS_PREFIX: prefix, DATABASE_POOL_SIZE: "8" });
  const servers = await Promise.all(
    Array.from({ length: processes }, (_, i) => startServer(basePort + i, env)),
  );
  const sockets: Client[] = [];
  // Counted at the sender: every broadcast to the board's room crosses Redis once, on the adapter's
  // channel for that one room, whichever process sends it, so delivery bunching at a screen cannot
  // inflate (or hide) the count. One SQLite process has no Redis; its screen count is the sender's.
  const sentTimes: number[] = [];
  const listener = engine === "postgres" ? new Redis(REDIS_URL) : null;
  if (listener) {
    await listener.subscribe(`${prefix}socket.io#/#${boardRoom(roundId)}#`);
    listener.on("message", () => sentTimes.push(performance.now()));
  }
  try {
    // One screen per process; each broadcast across the cluster reaches each screen once.
    const updateTimes: number[] = [];
    for (let i = 0; i < processes; i++) {
      const screen = await open(basePort + i, null);
      sockets.push(screen);
      await ask((ack) => screen.emit("board:join", { roundId, screen: true }, ack));
      if (i === 0) screen.on("board:update", () => updateTimes.push(performance.now()));
    }
    const clients = await Promise.all(
      people.map(async (p, i) => {
        const s = await open(basePort + (i % processes), p.token);
        sockets.push(s);
        await ask((ack) => s.emit("attempt:watch", { attemptId: p.attemptId }, ack));
        return { socket: s, attemptId: p.attemptId };
      }),
    );
    const latencies: number[] = [];
    let errors = 0;
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    const endAt = startedAt + SECONDS * 1000;
    await Promise.all(
      clients.map(async ({ socket, attemptId }, i) => {
        let n = i;
        // A tenth of them submit, spread over the run, so boards have changes to broadcast throughout.
        const submitAt = i % 10 === 0 ? startedAt + (i / people.length) * SECONDS * 1000 : Infinity;
        while (performance.now() < endAt) {
          if (performance.now() >= submitAt) {
            await ask((ack) => socket.emit("attempt:submit", { attemptId }, ack));
            return;
          }
          const t = performance.now();
          const reply = await ask((ack) =>
            socket.emit("attempt:answer", { attemptId, position: n % 20, chosen: [n % 2] }, ack),
          );
          if ("data" in reply) latencies.push(performance.now() - t);
          else errors++;
          n++;
        }
      }),
    );
    const elapsed = (performance.now() - startedAt) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    // The busiest second: the bound is one broadcast per round per flush interval, cluster-wide.
    const during = updateTimes.filter((t) => t >= startedAt);
    const sent = sentTimes.filter((t) => t >= startedAt);
    latencies.sort((a, b) => a - b);
    const pct = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
    const result: Result = {
      label,
      acks: latencies.length,
      perSecond: Math.round(latencies.length / elapsed),
      p50: Math.round(pct(0.5) * 10) / 10,
      p99: Math.round(pct(0.99) * 10) / 10,
      errors,
      broadcastsPerSecond: Math.round((during.length / elapsed) * 100) / 100,
      busiestSecond: busiestSecond(during),
      busiestSecondSent: listener ? busiestSecond(sent) : null,
      generatorCpu: Math.round(((cpu.user + cpu.system) / 1e6 / elapsed) * 100),
    };
    if (processes === 1) {
      // Memory per 1,000 idle (anonymous) sockets on one process.
      const pid = servers[0].pid!;
      await sleep(500);
      const before = rssMb(pid);
      const idle = await Promise.all(Array.from({ length: IDLE_SOCKETS }, () => open(basePort, null)));
      sockets.push(...idle);
      await sleep(1000);
      result.memoryPer1000Mb = Math.round((rssMb(pid) - before) * 10) / 10;
    }
    return result;
  } finally {
    listener?.disconnect();
    for (const s of sockets) s.disconnect();
    for (const s of servers) s.kill("SIGTERM");
    await Promise.all(
      servers.map((s) => new Promise((r) => (s.exitCode !== null ? r(null) : s.once("exit", r)))),
    );
    if (engine === "postgres") {
      await dropPostgresDatabase(url);
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const results: Result[] = [];
console.log(
  `${CONTESTANTS} contestants answering in a closed loop for ${SECONDS} s; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`,
);
for (const [label, n, engine] of [
  ["SQLite, 1 process", 1, "sqlite"],
  ["PostgreSQL + Redis, 1 process", 1, "postgres"],
  ["PostgreSQL + Redis, 2 processes", 2, "postgres"],
  ["PostgreSQL + Redis, 4 processes", 4, "postgres"],
] as const) {
  const r = await run(label, n, engine);
  results.push(r);
  console.log(JSON.stringify(r));
}
console.log(
  "\n| setup | acks/s | p50 ms | p99 ms | errors | board broadcasts/s | busiest second sent / seen (bound " +
    1000 / FLUSH_INTERVAL_MS +
    ") | generator CPU % | MB per 1,000 sockets |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const r of results)
  console.log(
    `| ${r.label} | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.broadcastsPerSecond} | ${r.busiestSecondSent ?? r.busiestSecond} / ${r.busiestSecond} | ${r.generatorCpu} | ${r.memoryPer1000Mb ?? "—"} |`,
  );
process.exit(0);
