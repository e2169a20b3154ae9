/**
 * `npm run bench:answers -- --contestants N [--json] [--client-processes K] [--idle M]`: the answer
 * path (the `attempt:answer` socket event, saved before its acknowledgement) on our platform compared with a bare
 * Socket.IO 4.8 server that parses the same event and writes the same row with one prepared
 * better-sqlite3 insert (WAL, synchronous=NORMAL), driven by the same clients in the same run.
 *
 * Processes, so that each server's CPU time and memory are its own: this file forks itself as "ours"
 * (the platform on a fresh SQLite file, N contestants with attempts in progress and a session each,
 * written directly to the database so that no password is hashed), "bare", and K "clients" processes that
 * share the N sockets. Only 127.0.0.1; bounded in count and time.
 *
 * Scenarios, each against both servers:
 * Each client first watches its attempt once (as the round page does when it opens), then:
 * - steady: every contestant answers every 2–5 s (uniformly random), for STEADY_MS;
 * - burst: every contestant answers once, at a random moment within one 5-s window;
 * - ramp: the clients together send at a fixed rate for RAMP_STEP_MS, then a higher one, until the ack
 *   p99 of a step passes 100 ms (or acks are lost, or the clients cannot keep the rate); the sustained
 *   rate is the last step that passed;
 * - `--idle M` (after the others): M more sockets connect and join the round's board (audience screens,
 *   phones on the board page), then stay silent; the server's RSS is read just before and with them.
 *
 * A benchmark, not a test: figures depend on the machine. Results are in docs/benchmarks.md.
 */
import { send as sendToParent, waitMessage as waitFor } from "./lib/harness";
import { insertContestant, testConfig } from "../tests/integration/test-services";
import { fork, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import { io as connect, type Socket } from "socket.io-client";

const HOST = "127.0.0.1";
const self = fileURLToPath(import.meta.url);
const STEADY_MS = Number(process.env.BENCH_STEADY_MS ?? 20_000);
const BURST_WINDOW_MS = 5_000;
const RAMP_STEP_MS = Number(process.env.BENCH_RAMP_STEP_MS ?? 4_000);
const RAMP_RATES = [250, 500, 1_000, 1_500, 2_000, 3_000, 4_000, 5_000, 6_000, 8_000, 10_000, 12_000, 16_000];
const ACK_TIMEOUT_MS = 10_000;
const P99_LIMIT_MS = 100;
const TIME_LIMIT_MS = 15 * 60_000;
/** BENCH_SCENARIOS=steady (comma-separated) runs fewer scenarios, for looking at one; steady always runs. */
const SCENARIOS = new Set((process.env.BENCH_SCENARIOS ?? "steady,burst,ramp").split(","));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

interface Seat {
  token: string;
  attemptId: number;
  items: number;
}

type Message =
  | { kind: "ready"; port: number; seats: Seat[]; rss: number; roundId: number }
  | { kind: "mark" }
  | { kind: "usage"; cpuMs: number; rss: number; rows: number; loop: LoopFigures }
  | { kind: "connected"; count: number }
  | { kind: "run"; scenario: "steady" | "burst" | "rate"; rate?: number; durationMs?: number }
  | { kind: "idle"; count: number; roundId: number }
  | { kind: "idleReady"; count: number }
  | {
      kind: "result";
      latencies: number[];
      sent: number;
      acked: number;
      errors: Record<string, number>;
      disconnected: number;
    };

const send = (message: Message) => sendToParent(message);
const waitMessage = <K extends Message["kind"]>(child: ChildProcess, kind: K) =>
  waitFor<Message, K>(child, kind);

/** What kept the server's event loop from running an answer, between two marks. */
interface LoopFigures {
  /** Event-loop delay (a 1-ms timer's lateness), ms. */
  delayP50: number;
  delayP99: number;
  delayMax: number;
  /** Garbage-collection pauses on the main thread: count, total and longest, ms; and the longest by kind. */
  gcCount: number;
  gcTotalMs: number;
  gcMaxMs: number;
  gcMaxByKind: Record<string, number>;
}

const GC_KINDS: Record<number, string> = { 1: "minor", 2: "major", 4: "incremental", 8: "weakcb" };

/**
 * Answers the orchestrator's "mark" with the CPU time used since the previous mark, the RSS, and what
 * held the event loop meanwhile (its delay, and the garbage collector's pauses).
 */
function usageReporter(rows: () => number): void {
  let last = process.cpuUsage();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  let gc: { count: number; total: number; max: number; byKind: Record<string, number> } = {
    count: 0,
    total: 0,
    max: 0,
    byKind: {},
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const detail = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail;
      const kind = GC_KINDS[detail?.kind ?? 0] ?? "other";
      gc.count++;
      gc.total += entry.duration;
      gc.max = Math.max(gc.max, entry.duration);
      gc.byKind[kind] = Math.max(gc.byKind[kind] ?? 0, entry.duration);
    }
  }).observe({ entryTypes: ["gc"] });
  process.on("message", (m: Message) => {
    if (m.kind !== "mark") return;
    const used = process.cpuUsage(last);
    last = process.cpuUsage();
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const loop: LoopFigures = {
      delayP50: ms(delay.percentile(50)),
      delayP99: ms(delay.percentile(99)),
      delayMax: ms(delay.max),
      gcCount: gc.count,
      gcTotalMs: Math.round(gc.total * 100) / 100,
      gcMaxMs: Math.round(gc.max * 100) / 100,
      gcMaxByKind: Object.fromEntries(
        Object.entries(gc.byKind).map(([k, v]) => [k, Math.round(v * 100) / 100]),
      ),
    };
    delay.reset();
    gc = { count: 0, total: 0, max: 0, byKind: {} };
    send({ kind: "usage", cpuMs: (used.user + used.system) / 1000, rss: rssMb(), rows: rows(), loop });
  });
}

function tempDatabase(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-answers-${name}-`));
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, "bench.sqlite");
}

// ---------------------------------------------------------------------------------------------------
// Role "ours": the platform with N contestants in the open round, each with an attempt and a session.

async function oursServer(contestants: number): Promise<void> {
  const { openDatabase, migrateToLatest } = await import("#db/connection");
  const { seedDemo } = await import("#db/seed/seed");
  const { createUser } = await import("#db/repos/users");
  const { createSession } = await import("#db/repos/sessions");
  const { startRoundAttempt } = await import("#server/contest/attempts");
  const { ContestEvents } = await import("#server/contest/events");
  const { createLogger } = await import("#server/logger");
  const { createPlatform } = await import("#server/platform");
  const { systemClock } = await import("#server/services");
  const { hashPassword, sha256 } = await import("#server/security/password");
  const { loadBundledBank } = await import("../question-bank/load");

  const file = tempDatabase("ours");
  // As the server opens it (server/main.ts): checkpoints on a worker thread.
  const db = openDatabase({ kind: "sqlite", file }, { backgroundCheckpoints: true });
  await migrateToLatest(db);
  const bank = await loadBundledBank(path.join(path.dirname(self), "..", "question-bank"));
  const seed = await seedDemo(db, { now: new Date(), adminPasswordHash: "x", hashPassword, bank });
  const services = {
    db,
    config: testConfig({ host: HOST, database: { kind: "sqlite", file }, dataDir: os.tmpdir() }),
    logger: createLogger("silent"),
    clock: systemClock,
    events: new ContestEvents(),
  };
  const units = await db.selectFrom("units").select("id").execute();
  const category = await db.selectFrom("categories").select("id").executeTakeFirstOrThrow();
  const seats: Seat[] = [];
  for (let i = 0; i < contestants; i++) {
    const at = new Date();
    const name = `Thí sinh ${i + 1}`;
    const user = await createUser(db, {
      role: "contestant",
      username: null,
      displayName: name,
      passwordHash: "x",
      now: at,
    });
    await insertContestant(db, {
      userId: user.id,
      contestId: seed.contestId,
      unitId: units[i % units.length].id,
      categoryId: category.id,
      name,
      phone: `09${String(10_000_000 + i).padStart(8, "0")}`,
      birthDate: "1995-01-01",
      gender: "female",
      at,
    });
    const token = crypto.randomBytes(24).toString("base64url");
    await createSession(db, {
      id: sha256(token),
      userId: user.id,
      now: at,
      expiresAt: new Date(at.getTime() + 6 * 3600_000),
      ip: null,
      userAgent: "bench",
    });
    const started = await startRoundAttempt(services, { userId: user.id, roundId: seed.openRoundId });
    if (!started.ok) throw new Error(`start failed: ${started.code}`);
    const items = await db
      .selectFrom("attempt_items")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("attempt_id", "=", started.attemptId)
      .executeTakeFirstOrThrow();
    seats.push({ token, attemptId: started.attemptId, items: Number(items.n) });
  }
  const platform = await createPlatform(services, { kind: "none" });
  const { port } = await platform.start();
  const sqlite = new (await import("better-sqlite3")).default(file, { readonly: true });
  const count = sqlite.prepare("SELECT count(*) AS n FROM attempt_items WHERE answered_at IS NOT NULL");
  usageReporter(() => (count.get() as { n: number }).n);
  send({ kind: "ready", port, seats, rss: rssMb(), roundId: seed.openRoundId });
}

// ---------------------------------------------------------------------------------------------------
// Role "bare": Socket.IO 4.8 and one prepared better-sqlite3 insert, nothing else.

async function bareServer(): Promise<void> {
  const { Server } = await import("socket.io");
  const { z } = await import("zod");
  const SQLite = (await import("better-sqlite3")).default;
  const sqlite = new SQLite(tempDatabase("bare"));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.exec(
    "CREATE TABLE answers (id INTEGER PRIMARY KEY, attempt_id INTEGER NOT NULL, position INTEGER NOT NULL, chosen TEXT, answered_at TEXT NOT NULL)",
  );
  const insert = sqlite.prepare(
    "INSERT INTO answers (attempt_id, position, chosen, answered_at) VALUES (?, ?, ?, ?)",
  );
  const count = sqlite.prepare("SELECT count(*) AS n FROM answers");
  // The same event shape our contract parses.
  const payload = z
    .object({
      attemptId: z.number().int().positive(),
      position: z.number().int().min(0).max(200),
      chosen: z.array(z.number().int().min(0).max(5)).max(6),
    })
    .strict();
  const httpServer = http.createServer();
  const io = new Server(httpServer, { perMessageDeflate: false, httpCompression: false });
  io.on("connection", (socket) => {
    // An audience screen's board: a room and nothing in it, for the idle-sockets scenario.
    socket.on("board:join", (raw: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      const roundId = (raw as { roundId?: unknown } | null)?.roundId;
      if (typeof roundId !== "number") return ack({ error: { code: "badRequest" } });
      void socket.join(`board:${roundId}`);
      ack({ data: null });
    });
    // The page's watch, answered with nothing: the bare server keeps no state.
    socket.on("attempt:watch", (_raw: unknown, ack: unknown) => {
      if (typeof ack === "function") ack({ data: null });
    });
    socket.on("attempt:answer", (raw: unknown, ack: unknown) => {
      if (typeof ack !== "function") return;
      const parsed = payload.safeParse(raw);
      if (!parsed.success) return ack({ error: { code: "badRequest" } });
      const at = new Date().toISOString();
      const p = parsed.data;
      insert.run(p.attemptId, p.position, p.chosen.length ? JSON.stringify(p.chosen) : null, at);
      ack({ data: { savedAt: at } });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, HOST, () => resolve()));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : 0;
  usageReporter(() => (count.get() as { n: number }).n);
  send({ kind: "ready", port, seats: [], rss: rssMb(), roundId: 1 });
}

// ---------------------------------------------------------------------------------------------------
// Role "clients": a share of the contestants' sockets. Latency: emit → acknowledgement, in this process.

async function clients(port: number, seats: Seat[]): Promise<void> {
  const sockets: Socket[] = [];
  for (let i = 0; i < seats.length; i++) {
    sockets.push(
      connect(`http://${HOST}:${port}`, {
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        extraHeaders: { cookie: `sid=${seats[i].token}` },
      }),
    );
    if (i % 100 === 99) await sleep(20);
  }
  // A handshake refused by a busy server (or timed out) is tried again, as a browser would.
  for (const socket of sockets) socket.on("connect_error", () => setTimeout(() => socket.connect(), 500));
  const deadline = Date.now() + 300_000;
  while (sockets.some((s) => !s.connected)) {
    if (Date.now() > deadline)
      throw new Error(`${sockets.filter((s) => !s.connected).length} clients could not connect`);
    await sleep(100);
  }
  for (const socket of sockets) socket.off("connect_error");
  // As the round page does when it opens: watch the attempt once, before any answer.
  await Promise.all(
    sockets.map(
      (socket, i) =>
        new Promise<void>((resolve) =>
          socket.timeout(60_000).emit("attempt:watch", { attemptId: seats[i].attemptId }, () => resolve()),
        ),
    ),
  );
  send({ kind: "connected", count: sockets.length });

  let latencies: number[] = [];
  let sent = 0;
  let acked = 0;
  let errors: Record<string, number> = {};
  const pending = new Set<Promise<void>>();
  const answer = (i: number) => {
    const seat = seats[i];
    const payload = {
      attemptId: seat.attemptId,
      position: Math.floor(Math.random() * seat.items),
      chosen: [Math.floor(Math.random() * 2)],
    };
    const start = performance.now();
    sent++;
    const done = new Promise<void>((resolve) => {
      sockets[i]
        .timeout(ACK_TIMEOUT_MS)
        .emit("attempt:answer", payload, (err: Error | null, ack: { error?: { code: string } }) => {
          if (!err) {
            acked++;
            latencies.push(performance.now() - start);
            if (ack.error) errors[ack.error.code] = (errors[ack.error.code] ?? 0) + 1;
          }
          resolve();
        });
    });
    pending.add(done);
    void done.then(() => pending.delete(done));
  };

  // Idle board sockets (audience screens, phones on the board page): connected, joined, then silent.
  const idle: Socket[] = [];
  process.on("message", async (m: Message) => {
    if (m.kind !== "idle") return;
    for (let i = 0; i < m.count; i++) {
      const socket = connect(`http://${HOST}:${port}`, {
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
      });
      socket.on("connect_error", () => setTimeout(() => socket.connect(), 500));
      idle.push(socket);
      if (i % 100 === 99) await sleep(20);
    }
    const until = Date.now() + 300_000;
    while (idle.some((s) => !s.connected)) {
      if (Date.now() > until)
        throw new Error(`${idle.filter((s) => !s.connected).length} idle sockets could not connect`);
      await sleep(100);
    }
    for (const socket of idle) socket.off("connect_error");
    for (let i = 0; i < idle.length; i += 500)
      await Promise.all(
        idle
          .slice(i, i + 500)
          .map(
            (socket) =>
              new Promise<void>((resolve) =>
                socket.timeout(60_000).emit("board:join", { roundId: m.roundId }, () => resolve()),
              ),
          ),
      );
    send({ kind: "idleReady", count: idle.length });
  });

  process.on("message", async (m: Message) => {
    if (m.kind !== "run") return;
    latencies = [];
    sent = 0;
    acked = 0;
    errors = {};
    const timers: NodeJS.Timeout[] = [];
    if (m.scenario === "steady") {
      const end = performance.now() + (m.durationMs ?? STEADY_MS);
      sockets.forEach((_, i) => {
        const next = () => {
          const wait = 2_000 + Math.random() * 3_000;
          if (performance.now() + wait > end) return;
          timers.push(
            setTimeout(() => {
              answer(i);
              next();
            }, wait),
          );
        };
        next();
      });
      await sleep(m.durationMs ?? STEADY_MS);
    } else if (m.scenario === "burst") {
      sockets.forEach((_, i) => timers.push(setTimeout(() => answer(i), Math.random() * BURST_WINDOW_MS)));
      await sleep(BURST_WINDOW_MS);
    } else {
      // A fixed rate, spread round-robin over the sockets; sends on a 5-ms tick to keep the schedule.
      const rate = m.rate ?? 1000;
      const durationMs = m.durationMs ?? RAMP_STEP_MS;
      const start = performance.now();
      let next = 0;
      await new Promise<void>((resolve) => {
        const tick = setInterval(() => {
          const elapsed = Math.min(performance.now() - start, durationMs);
          const due = Math.floor((elapsed * rate) / 1000);
          while (sent < due) answer(next++ % sockets.length);
          if (elapsed >= durationMs) {
            clearInterval(tick);
            resolve();
          }
        }, 5);
      });
    }
    for (const t of timers) clearTimeout(t);
    await Promise.all([...pending]);
    const disconnected = sockets.filter((s) => !s.connected).length;
    send({ kind: "result", latencies, sent, acked, errors, disconnected });
  });
}

// ---------------------------------------------------------------------------------------------------
// The orchestrator.

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface ScenarioFigures {
  sent: number;
  acked: number;
  lost: number;
  errors: Record<string, number>;
  /** Client sockets found disconnected at the end of the scenario (a starved server misses pings). */
  disconnected: number;
  rowsSaved: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers acknowledged per second over the scenario's duration. */
  rate: number;
  /** Server CPU time over the scenario, as a share of one core, and per answer. */
  cpuPercent: number;
  cpuUsPerAnswer: number;
  rssMb: number;
  /** The server's event loop over the scenario. */
  loop: LoopFigures;
}

interface ServerFigures {
  rssIdleMb: number;
  rssConnectedMb: number;
  steady: ScenarioFigures;
  burst: ScenarioFigures;
  ramp: {
    rate: number;
    achieved: number;
    p50: number;
    p99: number;
    lost: number;
    cpuPercent: number;
    cpuUsPerAnswer: number;
    rssMb: number;
  }[];
  sustainedRate: number;
  clientProcesses: number;
  /** `--idle N`: the server's RSS just before N idle board sockets connected, and with them. */
  idle: { sockets: number; rssBeforeMb: number; rssMb: number } | null;
}

async function measure(
  role: "ours" | "bare",
  contestants: number,
  clientProcesses: number,
  idleSockets: number,
  progress: (line: string) => void,
): Promise<ServerFigures> {
  // BENCH_CPU_PROF=<dir>: the server under test writes a V8 CPU profile there when it ends.
  const profile = process.env.BENCH_CPU_PROF;
  const server = fork(self, [role, String(contestants)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    execArgv: profile ? [...process.execArgv, "--cpu-prof", `--cpu-prof-dir=${profile}`] : process.execArgv,
  });
  try {
    const ready = await waitMessage(server, "ready");
    const seats: Seat[] =
      role === "ours"
        ? ready.seats
        : Array.from({ length: contestants }, (_, i) => ({ token: "none", attemptId: i + 1, items: 20 }));
    fs.writeFileSync(seatsFile, JSON.stringify(seats));
    const procs = Array.from({ length: clientProcesses }, (_, k) =>
      fork(self, ["clients", String(ready.port), String(k), String(clientProcesses)], {
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      }),
    );
    try {
      await Promise.all(procs.map((p) => waitMessage(p, "connected")));
      server.send({ kind: "mark" });
      const connected = await waitMessage(server, "usage");
      let rows = connected.rows;

      const run = async (message: Extract<Message, { kind: "run" }>, durationMs: number) => {
        server.send({ kind: "mark" });
        await waitMessage(server, "usage");
        const started = performance.now();
        const results = await Promise.all(
          procs.map((p) => {
            const r = waitMessage(p, "result");
            p.send(message);
            return r;
          }),
        );
        const elapsed = Math.max(durationMs, performance.now() - started);
        server.send({ kind: "mark" });
        const usage = await waitMessage(server, "usage");
        const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
        const sent = results.reduce((n, r) => n + r.sent, 0);
        const acked = results.reduce((n, r) => n + r.acked, 0);
        const errors: Record<string, number> = {};
        for (const r of results)
          for (const [code, n] of Object.entries(r.errors)) errors[code] = (errors[code] ?? 0) + n;
        const figures: ScenarioFigures = {
          sent,
          acked,
          lost: sent - acked,
          errors,
          disconnected: results.reduce((n, r) => n + r.disconnected, 0),
          rowsSaved: usage.rows - rows,
          p50: percentile(latencies, 50),
          p99: percentile(latencies, 99),
          max: latencies.at(-1) ?? NaN,
          rate: (acked * 1000) / elapsed,
          cpuPercent: (usage.cpuMs / elapsed) * 100,
          cpuUsPerAnswer: acked > 0 ? (usage.cpuMs * 1000) / acked : NaN,
          rssMb: usage.rss,
          loop: usage.loop,
        };
        rows = usage.rows;
        return figures;
      };

      const steady = await run({ kind: "run", scenario: "steady", durationMs: STEADY_MS }, STEADY_MS);
      progress(`${role} steady: ${JSON.stringify(steady)}`);
      const burst = SCENARIOS.has("burst")
        ? await run({ kind: "run", scenario: "burst" }, BURST_WINDOW_MS)
        : steady;
      progress(`${role} burst: ${JSON.stringify(burst)}`);
      const ramp: ServerFigures["ramp"] = [];
      let sustainedRate = 0;
      for (const rate of SCENARIOS.has("ramp") ? RAMP_RATES : []) {
        const step = await run(
          { kind: "run", scenario: "rate", rate: rate / clientProcesses, durationMs: RAMP_STEP_MS },
          RAMP_STEP_MS,
        );
        const achieved = Math.round(step.rate);
        ramp.push({
          rate,
          achieved,
          p50: step.p50,
          p99: step.p99,
          lost: step.lost,
          cpuPercent: step.cpuPercent,
          cpuUsPerAnswer: step.cpuUsPerAnswer,
          rssMb: step.rssMb,
        });
        progress(
          `${role} ramp ${rate}/s: achieved ${achieved}/s, p99 ${step.p99.toFixed(1)} ms, lost ${step.lost}`,
        );
        if (step.p99 > P99_LIMIT_MS || step.lost > 0 || achieved < rate * 0.9) break;
        sustainedRate = rate;
      }
      let idle: ServerFigures["idle"] = null;
      if (idleSockets > 0) {
        // After the scenarios, so that their figures are as before; the RSS is read just before and with.
        await sleep(2_000);
        server.send({ kind: "mark" });
        const before = await waitMessage(server, "usage");
        const joined = await Promise.all(
          procs.map((p, k) => {
            const done = waitMessage(p, "idleReady");
            const share =
              Math.floor(idleSockets / clientProcesses) + (k < idleSockets % clientProcesses ? 1 : 0);
            p.send({ kind: "idle", count: share, roundId: ready.roundId });
            return done;
          }),
        );
        await sleep(2_000);
        server.send({ kind: "mark" });
        const withIdle = await waitMessage(server, "usage");
        idle = {
          sockets: joined.reduce((n, r) => n + r.count, 0),
          rssBeforeMb: before.rss,
          rssMb: withIdle.rss,
        };
        progress(`${role} idle: ${JSON.stringify(idle)}`);
      }
      return {
        rssIdleMb: ready.rss,
        rssConnectedMb: connected.rss,
        steady,
        burst,
        ramp,
        sustainedRate,
        clientProcesses,
        idle,
      };
    } finally {
      for (const p of procs) p.kill();
    }
  } finally {
    server.kill();
  }
}

const seatsFile = path.join(os.tmpdir(), `bench-answers-seats-${process.pid}.json`);

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const role = process.argv[2];
  if (role === "ours" || role === "bare") process.on("SIGTERM", () => process.exit(0));
  if (role === "ours") return oursServer(Number(process.argv[3]));
  if (role === "bare") return bareServer();
  if (role === "clients") {
    const [port, k, of] = process.argv.slice(3, 6).map(Number);
    const file = path.join(os.tmpdir(), `bench-answers-seats-${process.ppid}.json`);
    const all = JSON.parse(fs.readFileSync(file, "utf8")) as Seat[];
    return clients(
      port,
      all.filter((_, i) => i % of === k),
    );
  }

  const contestants = Math.min(Math.max(Number(option("contestants") ?? 1000), 1), 5000);
  const clientProcesses = Math.min(Math.max(Number(option("client-processes") ?? 2), 1), 8);
  const json = process.argv.includes("--json");
  const limit = setTimeout(() => {
    console.error(`Stopped: the benchmark ran over ${TIME_LIMIT_MS / 60_000} minutes.`);
    process.exit(2);
  }, TIME_LIMIT_MS);
  process.on("exit", () => fs.rmSync(seatsFile, { force: true }));
  const log = (line: string) => console.log(line);
  log(
    `Answer path benchmark: ${contestants} contestants, ${clientProcesses} client processes, on ${os.cpus().length}× ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)}`,
  );
  const idleSockets = Math.min(Math.max(Number(option("idle") ?? 0), 0), 20_000);
  const ours = await measure("ours", contestants, clientProcesses, idleSockets, log);
  const bare = await measure("bare", contestants, clientProcesses, idleSockets, log);

  const f = (x: number, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : "–");
  const ratio = (x: number, y: number) => (y > 0 ? `${(x / y).toFixed(2)}×` : "");
  const rows: string[][] = [
    ["", "ours", "bare", "ours / bare"],
    ["steady: answers/s", f(ours.steady.rate, 0), f(bare.steady.rate, 0), ""],
    ["steady: ack p50 (ms)", f(ours.steady.p50), f(bare.steady.p50), ratio(ours.steady.p50, bare.steady.p50)],
    ["steady: ack p99 (ms)", f(ours.steady.p99), f(bare.steady.p99), ratio(ours.steady.p99, bare.steady.p99)],
    [
      "steady: server CPU (% of a core)",
      f(ours.steady.cpuPercent),
      f(bare.steady.cpuPercent),
      ratio(ours.steady.cpuPercent, bare.steady.cpuPercent),
    ],
    [
      "steady: server event-loop delay p99 / max (ms)",
      `${f(ours.steady.loop.delayP99)} / ${f(ours.steady.loop.delayMax)}`,
      `${f(bare.steady.loop.delayP99)} / ${f(bare.steady.loop.delayMax)}`,
      "",
    ],
    [
      "steady: GC pauses, count / longest (ms)",
      `${ours.steady.loop.gcCount} / ${f(ours.steady.loop.gcMaxMs)}`,
      `${bare.steady.loop.gcCount} / ${f(bare.steady.loop.gcMaxMs)}`,
      "",
    ],
    [
      "steady: CPU per answer (µs)",
      f(ours.steady.cpuUsPerAnswer, 0),
      f(bare.steady.cpuUsPerAnswer, 0),
      ratio(ours.steady.cpuUsPerAnswer, bare.steady.cpuUsPerAnswer),
    ],
    ["burst: ack p50 (ms)", f(ours.burst.p50), f(bare.burst.p50), ratio(ours.burst.p50, bare.burst.p50)],
    ["burst: ack p99 (ms)", f(ours.burst.p99), f(bare.burst.p99), ratio(ours.burst.p99, bare.burst.p99)],
    [
      "burst: CPU per answer (µs)",
      f(ours.burst.cpuUsPerAnswer, 0),
      f(bare.burst.cpuUsPerAnswer, 0),
      ratio(ours.burst.cpuUsPerAnswer, bare.burst.cpuUsPerAnswer),
    ],
    [
      "acks lost (steady + burst + ramp)",
      String(ours.steady.lost + ours.burst.lost + ours.ramp.reduce((n, s) => n + s.lost, 0)),
      String(bare.steady.lost + bare.burst.lost + bare.ramp.reduce((n, s) => n + s.lost, 0)),
      "",
    ],
    [
      "error acks (steady + burst)",
      JSON.stringify({ ...ours.steady.errors, ...ours.burst.errors }),
      JSON.stringify({ ...bare.steady.errors, ...bare.burst.errors }),
      "",
    ],
    [
      "sustained rate, p99 ≤ 100 ms (answers/s)",
      String(ours.sustainedRate),
      String(bare.sustainedRate),
      ratio(ours.sustainedRate, bare.sustainedRate),
    ],
    ["server RSS idle (MB)", String(ours.rssIdleMb), String(bare.rssIdleMb), ""],
    ["server RSS, clients connected (MB)", String(ours.rssConnectedMb), String(bare.rssConnectedMb), ""],
    [
      "server RSS after the ramp (MB)",
      String(ours.ramp.at(-1)?.rssMb ?? "–"),
      String(bare.ramp.at(-1)?.rssMb ?? "–"),
      "",
    ],
  ];
  if (ours.idle && bare.idle)
    rows.push([
      `server RSS before / with ${ours.idle.sockets} idle board sockets (MB)`,
      `${ours.idle.rssBeforeMb} / ${ours.idle.rssMb}`,
      `${bare.idle.rssBeforeMb} / ${bare.idle.rssMb}`,
      ratio(ours.idle.rssMb, bare.idle.rssMb),
    ]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  log("");
  for (const r of rows)
    log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
  log(
    `\nRamp (target → achieved answers/s, p99 ms): ours ${ours.ramp.map((s) => `${s.rate}→${s.achieved} ${f(s.p99)}`).join(", ")}`,
  );
  log(
    `                                              bare ${bare.ramp.map((s) => `${s.rate}→${s.achieved} ${f(s.p99)}`).join(", ")}`,
  );
  log(
    "A ramp step fails when its p99 passes 100 ms, an ack is lost, or fewer than 90% of the target rate were acknowledged (the server or the client processes could not keep up).",
  );
  if (json)
    console.log(JSON.stringify({ contestants, clientProcesses, loadAverage: os.loadavg()[0], ours, bare }));
  clearTimeout(limit);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
