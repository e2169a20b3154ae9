/**
 * `npm run bench:board`: how long a submission takes to reach the last of 2,000 audience screens,
 * through our board (Zod-parsed joins, the database read, the 500 ms coalescing) compared with a bare
 * Socket.IO server broadcasting the same payload to the same 2,000 clients, in the same run.
 *
 * Three processes, so that each server's memory is its own and the clients do not share the servers'
 * event loop: this file forks itself as "board" (our platform on an in-memory database), "bare" (a bare
 * Socket.IO server) and "clients" (the 2,000 sockets). Only 127.0.0.1; bounded in count and time.
 *
 *   BENCH_CLIENTS=2000 BENCH_SUBMISSIONS=200 BENCH_RATE=20 npm run bench:board
 *
 * A benchmark, not a test: figures depend on the machine. Results are in docs/benchmarks.md.
 */
import { send as sendToParent, waitMessage as waitFor } from "./lib/harness";
import { insertContestant, testConfig } from "../tests/integration/test-services";
import { fork, type ChildProcess } from "node:child_process";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";

const CLIENTS = Math.min(Number(process.env.BENCH_CLIENTS ?? 2000), 5000);
const SUBMISSIONS = Math.min(Number(process.env.BENCH_SUBMISSIONS ?? 200), 2000);
const RATE = Math.min(Number(process.env.BENCH_RATE ?? 20), 500); // submissions per second
const TIME_LIMIT_MS = 5 * 60_000;
const HOST = "127.0.0.1";

const now = () => performance.timeOrigin + performance.now();
const self = fileURLToPath(import.meta.url);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

type Message =
  | { kind: "ready"; port: number; roundId: number; rss: number }
  | { kind: "submitted"; times: number[]; rss: number }
  | { kind: "rss"; rss: number }
  | { kind: "connected"; count: number }
  | {
      kind: "report";
      lastSeen: (number | null)[];
      received: number;
      firstClientReceived: number;
      payload: unknown;
    };

const send = (message: Message) => sendToParent(message);
const waitMessage = <K extends Message["kind"]>(child: ChildProcess, kind: K) =>
  waitFor<Message, K>(child, kind);

/** Paces `count` calls at `rate` per second; returns when each was started. */
async function paced(
  count: number,
  rate: number,
  fn: (i: number) => Promise<void> | void,
): Promise<number[]> {
  const times: number[] = [];
  const pending: Promise<void>[] = [];
  const start = now();
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 0) await sleep(wait);
    times.push(now());
    pending.push(Promise.resolve(fn(i)));
  }
  await Promise.all(pending);
  return times;
}

// ---------------------------------------------------------------------------------------------------
// Role "board": our platform, the seeded contest, contestants with attempts in progress.

async function boardServer(): Promise<void> {
  const { openTestDatabase } = await import("#db/connection");
  const { seedDemo } = await import("#db/seed/seed");
  const { hashPassword } = await import("#server/security/password");
  const { createUser } = await import("#db/repos/users");
  const { listItems } = await import("#db/repos/attempts");
  const { answerQuestion, startRoundAttempt, submitAttempt } = await import("#server/contest/attempts");
  const { ContestEvents } = await import("#server/contest/events");
  const { createLogger } = await import("#server/logger");
  const { createPlatform } = await import("#server/platform");
  const { systemClock } = await import("#server/services");
  const { loadBundledBank } = await import("../question-bank/load");

  const db = await openTestDatabase();
  const bank = await loadBundledBank(path.join(path.dirname(self), "..", "question-bank"));
  const seed = await seedDemo(db, { now: new Date(), adminPasswordHash: "x", hashPassword, bank });
  const services = {
    db,
    config: testConfig({ host: HOST, dataDir: os.tmpdir() }),
    logger: createLogger("silent"),
    clock: systemClock,
    events: new ContestEvents(),
  };
  const units = await db.selectFrom("units").select("id").execute();
  const category = await db.selectFrom("categories").select("id").executeTakeFirstOrThrow();
  const given = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Giang",
    "Hà",
    "Khánh",
    "Linh",
    "Minh",
    "Nga",
    "Phúc",
    "Quyên",
  ];
  const attempts: { userId: number; attemptId: number }[] = [];
  for (let i = 0; i < SUBMISSIONS; i++) {
    const at = new Date();
    const name = `Nguyễn Văn ${given[i % given.length]}`;
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
      phone: `08${String(10_000_000 + i).padStart(8, "0")}`,
      birthDate: "1990-01-01",
      gender: "male",
      at,
    });
    const started = await startRoundAttempt(services, { userId: user.id, roundId: seed.openRoundId });
    if (!started.ok) throw new Error(`start failed: ${started.code}`);
    const items = await listItems(db, started.attemptId);
    for (const item of items.slice(0, (i * 7) % items.length)) {
      await answerQuestion(services, {
        userId: user.id,
        attemptId: started.attemptId,
        position: item.position,
        chosen: item.correct.map((c) => item.optionOrder.indexOf(c)),
      });
    }
    attempts.push({ userId: user.id, attemptId: started.attemptId });
  }

  const platform = await createPlatform(services, { kind: "none" });
  const { port } = await platform.start();
  send({ kind: "ready", port, roundId: seed.openRoundId, rss: rssMb() });
  let peak = rssMb();
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
  process.on("message", async (m: { kind: string }) => {
    if (m.kind === "rss") send({ kind: "rss", rss: rssMb() });
    if (m.kind === "submit") {
      const times = await paced(attempts.length, RATE, async (i) => {
        const a = attempts[i];
        await submitAttempt(services, { attemptId: a.attemptId, reason: "manual", userId: a.userId });
      });
      await sleep(1_500); // the last flush
      clearInterval(sampler);
      send({ kind: "submitted", times, rss: peak });
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Role "bare": Socket.IO with nothing on top, broadcasting the same payload once per submission.

async function bareServer(coalesce: boolean): Promise<void> {
  const httpServer = http.createServer();
  const io = new Server(httpServer, {
    perMessageDeflate: false,
    httpCompression: false,
    maxHttpBufferSize: 16 * 1024,
  });
  io.on("connection", (socket) => {
    socket.on("board:join", (_payload: unknown, ack: (r: unknown) => void) => {
      void socket.join("board");
      ack({ data: { submitted: 0, version: 0 } });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, HOST, () => resolve()));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : 0;
  send({ kind: "ready", port, roundId: 0, rss: rssMb() });
  let peak = rssMb();
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
  process.on("message", async (m: { kind: string; payload?: Record<string, unknown> }) => {
    if (m.kind === "rss") send({ kind: "rss", rss: rssMb() });
    if (m.kind === "submit") {
      const base = m.payload ?? {};
      // "coalesced": the same schedule as our board (a flush at most every 500 ms), without the database.
      let submitted = 0;
      let last = -Infinity;
      let timer: NodeJS.Timeout | null = null;
      const flush = () => {
        timer = null;
        last = performance.now();
        io.to("board").emit("board:update", { ...base, submitted, version: submitted });
      };
      const times = await paced(SUBMISSIONS, RATE, () => {
        submitted++;
        if (!coalesce) io.to("board").emit("board:update", { ...base, submitted, version: submitted });
        else if (!timer) timer = setTimeout(flush, Math.max(0, last + 500 - performance.now()));
      });
      await sleep(1_500);
      clearInterval(sampler);
      send({ kind: "submitted", times, rss: peak });
    }
  });
}

// ---------------------------------------------------------------------------------------------------
// Role "clients": the screens. Each keeps the first time it saw each submitted count.

async function clients(port: number, roundId: number): Promise<void> {
  const sockets: Socket[] = [];
  const firstSeen: Float64Array[] = [];
  let received = 0;
  let firstClientReceived = 0;
  let payload: unknown = null;
  for (let i = 0; i < CLIENTS; i++) {
    const seen = new Float64Array(SUBMISSIONS + 1).fill(0);
    firstSeen.push(seen);
    const socket = connect(`http://${HOST}:${port}`, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
    });
    let highest = 0;
    const first = i === 0;
    const show = (s: { submitted: number }, update = true) => {
      if (update) received++;
      if (first && update) {
        firstClientReceived++;
        payload = s;
      }
      const t = now();
      for (let k = highest + 1; k <= Math.min(s.submitted, SUBMISSIONS); k++) seen[k] = t;
      highest = Math.max(highest, s.submitted);
    };
    socket.on("board:update", (s: { submitted: number }) => show(s));
    socket.on("connect", () =>
      socket.emit(
        "board:join",
        { roundId },
        (ack: { data?: { submitted: number } }) => ack.data && show(ack.data, false),
      ),
    );
    sockets.push(socket);
    if (i % 100 === 99) await sleep(50); // connect in waves, as screens would not all start at once
  }
  for (;;) {
    const connected = sockets.filter((s) => s.connected).length;
    if (connected === CLIENTS) break;
    await sleep(200);
  }
  await sleep(1_000); // every join answered
  send({ kind: "connected", count: CLIENTS });
  process.on("message", async (m: { kind: string }) => {
    if (m.kind !== "report") return;
    // A flooded client lags: wait (bounded) until every screen has seen the last submission.
    const waitUntil = now() + 90_000;
    while (now() < waitUntil && firstSeen.some((seen) => seen[SUBMISSIONS] === 0)) await sleep(250);
    const lastSeen: (number | null)[] = [];
    for (let k = 1; k <= SUBMISSIONS; k++) {
      let last = 0;
      let missing = false;
      for (const seen of firstSeen) {
        if (seen[k] === 0) missing = true;
        else last = Math.max(last, seen[k]);
      }
      lastSeen.push(missing ? null : last);
    }
    send({ kind: "report", lastSeen, received, firstClientReceived, payload });
    for (const s of sockets) s.disconnect();
  });
}

// ---------------------------------------------------------------------------------------------------
// The orchestrator.

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Figures {
  p50: number;
  p99: number;
  max: number;
  missed: number;
  rssIdle: number;
  rssWithClients: number;
  rssPeak: number;
  broadcasts: number;
  messagesReceived: number;
}

async function measure(
  role: "board" | "bare" | "bare-coalesced",
  payload: unknown,
): Promise<Figures & { payload: unknown; payloadBytes: number }> {
  const server = fork(self, [role], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ready = await waitMessage(server, "ready");
  const client = fork(self, ["clients", String(ready.port), String(ready.roundId)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  try {
    await waitMessage(client, "connected");
    server.send({ kind: "rss" });
    const withClients = await waitMessage(server, "rss");
    server.send({ kind: "submit", payload });
    const done = await waitMessage(server, "submitted");
    client.send({ kind: "report" });
    const report = await waitMessage(client, "report");
    const latencies = report.lastSeen
      .flatMap((t, i) => (t === null ? [] : [t - done.times[i]]))
      .sort((a, b) => a - b);
    return {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
      missed: report.lastSeen.filter((t) => t === null).length,
      rssIdle: ready.rss,
      rssWithClients: withClients.rss,
      rssPeak: done.rss,
      broadcasts: report.firstClientReceived,
      messagesReceived: report.received,
      payload: report.payload,
      payloadBytes: Buffer.byteLength(JSON.stringify(report.payload)),
    };
  } finally {
    client.kill();
    server.kill();
  }
}

async function main(): Promise<void> {
  const role = process.argv[2];
  if (role === "board") return boardServer();
  if (role === "bare") return bareServer(false);
  if (role === "bare-coalesced") return bareServer(true);
  if (role === "clients") return clients(Number(process.argv[3]), Number(process.argv[4]));

  const limit = setTimeout(() => {
    console.error(`Stopped: the benchmark ran over ${TIME_LIMIT_MS / 60_000} minutes.`);
    process.exit(2);
  }, TIME_LIMIT_MS);
  console.log(
    `Board broadcast benchmark: ${CLIENTS} screens, ${SUBMISSIONS} submissions at ${RATE}/s, on ${os.cpus().length}× ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}\n`,
  );
  const ours = await measure("board", null);
  const coalesced = await measure("bare-coalesced", ours.payload);
  const bare = await measure("bare", ours.payload);
  const ratio = (x: number, y: number) => (y > 0 ? (x / y).toFixed(2) : "");
  const line = (label: string, f: (x: typeof ours) => number, unit = "") => [
    label,
    `${Math.round(f(ours))}${unit}`,
    `${Math.round(f(coalesced))}${unit}`,
    `${Math.round(f(bare))}${unit}`,
    ratio(f(ours), f(coalesced)),
  ];
  const rows = [
    ["", "our board", "bare, 500 ms", "bare, each", "ours / bare 500 ms"],
    line("p50 submission → last screen", (x) => x.p50, " ms"),
    line("p99", (x) => x.p99, " ms"),
    line("max", (x) => x.max, " ms"),
    line("submissions never seen (90 s cap)", (x) => x.missed),
    line("broadcasts (messages to one screen)", (x) => x.broadcasts),
    line("messages received by all screens", (x) => x.messagesReceived),
    line("server RSS idle", (x) => x.rssIdle, " MB"),
    line("server RSS with the screens", (x) => x.rssWithClients, " MB"),
    line("server RSS peak during the run", (x) => x.rssPeak, " MB"),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows)
    console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
  console.log(`\nSnapshot size: ${ours.payloadBytes} bytes of JSON (top rows, units, counts).`);
  console.log("bare, 500 ms: a bare Socket.IO server sending the same payload on our flush schedule.");
  console.log("bare, each: a bare Socket.IO server sending it once per submission to every screen.");
  clearTimeout(limit);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
