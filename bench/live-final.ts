/**
 * `npm run bench:live -- --players N [--json]` (issue 14): one host and N players over WebSocket play
 * 10 questions of 5 seconds, every player answering at a random moment of the window; the same client
 * plays the same script against our platform ("ours": the live final on a fresh SQLite file, answers
 * written before their acknowledgement) and against a bare Socket.IO server doing the same shape of
 * work ("bare": join a room, question broadcast, acknowledged answers kept in memory, a top-10 board),
 * in the same run. Both send questions of the bundled bank, so their messages carry the same texts.
 *
 * Three processes per target, as bench/board-broadcast.ts: the server (its memory is its own), the
 * clients (N players and the host). Players are prepared directly in the database with their sessions,
 * so no password is hashed. Only 127.0.0.1; bounded in count and time.
 *
 * Reported for each target: questions completed (every player received it and every answer sent was
 * acknowledged), players dropped (disconnected or never seated), answer acknowledgement p50/p99,
 * question fan-out p99 (host's command → a player receives the question), peak server RSS.
 * With --json the last line is one JSON object { players, ours, bare }.
 *
 * A benchmark, not a test: figures depend on the machine. Results are in docs/benchmarks.md.
 */
import { send as sendToParent, waitMessage as waitFor } from "./lib/harness";
import { finalSettings } from "../tests/integration/live-final-settings";
import { testConfig } from "../tests/integration/test-services";
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";

const QUESTIONS = 10;
const SECONDS = 5;
const TIME_LIMIT_MS = 10 * 60_000;
const HOST = "127.0.0.1";
const self = fileURLToPath(import.meta.url);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssMb = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

type Ready = { kind: "ready"; port: number; roundId: number; cookies: string[]; hostCookie: string };
type Message =
  | Ready
  | { kind: "peak"; rss: number }
  | { kind: "figures"; figures: ClientFigures }
  | { kind: "play"; ready: Ready; target: Target; players: number };

type Target = "ours" | "bare";

interface ClientFigures {
  questionsCompleted: number;
  playersDropped: number;
  ackP50: number;
  ackP99: number;
  fanoutP99: number;
  answersSent: number;
  answersAcked: number;
  /** The size of the question's message (its JSON), as a player receives it. */
  questionBytes: number;
}

export interface TargetFigures extends ClientFigures {
  peakRssMb: number;
}

const send = (message: Message) => sendToParent(message);
const waitMessage = <K extends Message["kind"]>(child: ChildProcess, kind: K) =>
  waitFor<Message, K>(child, kind);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function peakSampler() {
  let peak = rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
  process.on("message", (m: { kind: string }) => {
    if (m.kind === "peak") send({ kind: "peak", rss: Math.max(peak, rssMb()) });
  });
  return () => clearInterval(timer);
}

// ---------------------------------------------------------------------------------------------------
// Role "ours": the platform on a fresh SQLite file, the seeded contest, N contestants with sessions.

async function oursServer(players: number): Promise<void> {
  const { openDatabase, migrateToLatest } = await import("#db/connection");
  const { seedDemo } = await import("#db/seed/seed");
  const { createLiveFinal } = await import("#server/live/finals");
  const { ContestEvents } = await import("#server/contest/events");
  const { createLogger } = await import("#server/logger");
  const { createPlatform } = await import("#server/platform");
  const { systemClock } = await import("#server/services");
  const { hashPassword, randomToken, sha256 } = await import("#server/security/password");
  const { SESSION_COOKIE } = await import("#server/security/session-cookie");
  const { loadBundledBank } = await import("../question-bank/load");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-live-"));
  const db = openDatabase({ kind: "sqlite", file: path.join(dir, "contest.db") });
  await migrateToLatest(db);
  const bank = await loadBundledBank(path.join(path.dirname(self), "..", "question-bank"));
  const at = new Date();
  const seed = await seedDemo(db, { now: at, adminPasswordHash: "x", hashPassword, bank });
  const services = {
    db,
    config: testConfig({
      host: HOST,
      database: { kind: "sqlite", file: path.join(dir, "contest.db") },
      dataDir: dir,
    }),
    logger: createLogger("silent"),
    clock: systemClock,
    events: new ContestEvents(),
  };
  const units = await db.selectFrom("units").select("id").execute();
  const category = await db.selectFrom("categories").select("id").executeTakeFirstOrThrow();
  const iso = at.toISOString();
  const expires = new Date(at.getTime() + 86_400_000).toISOString();
  const session = async (userId: number) => {
    const token = randomToken();
    await db
      .insertInto("sessions")
      .values({
        id: sha256(token),
        user_id: userId,
        created_at: iso,
        last_seen_at: iso,
        expires_at: expires,
        ip: null,
        user_agent: null,
      })
      .execute();
    return `${SESSION_COOKIE}=${token}`;
  };
  const admin = await db
    .insertInto("users")
    .values({
      role: "admin",
      username: "bench-host",
      display_name: "Host",
      password_hash: "x",
      must_change_password: 0,
      disabled_at: null,
      created_at: iso,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const hostCookie = await session(admin.id);
  const cookies: string[] = [];
  const given = ["An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Khánh", "Linh", "Minh", "Nga"];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < players; i++) {
      const name = `Nguyễn Văn ${given[i % given.length]} ${i}`;
      const user = await trx
        .insertInto("users")
        .values({
          role: "contestant",
          username: null,
          display_name: name,
          password_hash: "x",
          must_change_password: 0,
          disabled_at: null,
          created_at: iso,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("contestants")
        .values({
          user_id: user.id,
          contest_id: seed.contestId,
          full_name: name,
          name_folded: name.toLowerCase(),
          birth_date: "1990-01-01",
          gender: "male",
          phone: `08${String(10_000_000 + i).padStart(8, "0")}`,
          cccd: null,
          unit_id: units[i % units.length].id,
          category_id: category.id,
          is_staff_member: 0,
          status: "active",
          status_reason: null,
          consent_at: iso,
          created_at: iso,
          updated_at: iso,
        })
        .execute();
      const token = randomToken();
      await trx
        .insertInto("sessions")
        .values({
          id: sha256(token),
          user_id: user.id,
          created_at: iso,
          last_seen_at: iso,
          expires_at: expires,
          ip: null,
          user_agent: null,
        })
        .execute();
      cookies.push(`${SESSION_COOKIE}=${token}`);
    }
  });
  const created = await createLiveFinal(services, {
    contestId: seed.contestId,
    actorUserId: admin.id,
    settings: finalSettings({
      title: "Chung kết (benchmark)",
      secondsPerQuestion: SECONDS,
      questions: { kind: "drawn", count: QUESTIONS, topicId: null },
      prizes: { first: 1, second: 2, third: 3, consolation: 5 },
    }),
  });
  if (!created.ok) throw new Error(`final not created: ${created.code}`);
  const platform = await createPlatform(services, { kind: "none" });
  const { port } = await platform.start();
  peakSampler();
  send({ kind: "ready", port, roundId: created.roundId, cookies, hostCookie });
}

// ---------------------------------------------------------------------------------------------------
// Role "bare": Socket.IO with nothing on top, the same shape of work, answers in memory.

async function bareServer(players: number): Promise<void> {
  const httpServer = http.createServer();
  const io = new Server(httpServer, {
    perMessageDeflate: false,
    httpCompression: false,
    maxHttpBufferSize: 16 * 1024,
  });
  // The same bank as ours, so the question and the reveal carry the same texts as ours does.
  const { loadBundledBank } = await import("../question-bank/load");
  const bank = await loadBundledBank(path.join(path.dirname(self), "..", "question-bank"));
  const questions = bank
    .map((b) => b.draft)
    .filter((d) => d.correct.length === 1)
    .slice(0, QUESTIONS);
  let position = -1;
  let deadline = 0;
  let started = 0;
  const answers = new Map<number, Map<string, { choice: number; ms: number }>>();
  const scores = new Map<string, { score: number; ms: number }>();
  io.on("connection", (socket) => {
    const seat = String(socket.handshake.headers.cookie ?? socket.id);
    socket.on("live:join", (_p: unknown, ack: (r: unknown) => void) => {
      void socket.join("room");
      if (!scores.has(seat)) scores.set(seat, { score: 0, ms: 0 });
      ack({ data: { view: { phase: "lobby", position } } });
    });
    socket.on("live:answer", (p: { position: number; choice: number }, ack: (r: unknown) => void) => {
      const t = Date.now();
      if (p.position !== position || t >= deadline) return ack({ error: { code: "notOpen" } });
      const map = answers.get(position) ?? new Map();
      answers.set(position, map);
      if (map.has(seat)) return ack({ error: { code: "alreadyAnswered" } });
      map.set(seat, { choice: p.choice, ms: t - started });
      ack({ data: { position, choice: p.choice, savedAt: new Date(t).toISOString() } });
    });
    socket.on("live:host", (p: { command: string }, ack: (r: unknown) => void) => {
      if (p.command === "start" || p.command === "next") {
        position++;
        started = Date.now();
        deadline = started + SECONDS * 1000;
        io.to("room").emit("live:state", {
          phase: "open",
          position,
          deadlineAt: new Date(deadline).toISOString(),
          question: {
            position,
            text: questions[position].text,
            options: questions[position].options,
            picture: null,
          },
        });
      } else if (p.command === "reveal") {
        const map = answers.get(position) ?? new Map();
        for (const [s, a] of map) {
          if (a.choice !== 0) continue;
          const t = scores.get(s) ?? { score: 0, ms: 0 };
          scores.set(s, { score: t.score + 10, ms: t.ms + a.ms });
        }
        const top = [...scores].sort((a, b) => b[1].score - a[1].score || a[1].ms - b[1].ms).slice(0, 10);
        io.to("room").emit("live:state", {
          phase: "revealed",
          position,
          reveal: {
            correct: [0],
            counts: questions[position].options.map(
              (_, i) => [...map.values()].filter((a) => a.choice === i).length,
            ),
            explanation: questions[position].explanation,
          },
          board: top.map(([key, t], i) => ({ key, rank: i + 1, score: t.score })),
        });
      }
      ack({ data: { phase: "ok", position } });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, HOST, () => resolve()));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : 0;
  peakSampler();
  send({
    kind: "ready",
    port,
    roundId: 1,
    cookies: Array.from({ length: players }, (_, i) => `sid=bare${i}`),
    hostCookie: "sid=host",
  });
}

// ---------------------------------------------------------------------------------------------------
// Role "clients": N players and the host, the same script for both targets.

type AnyAck = { data?: unknown; error?: { code: string } };

async function clients(): Promise<void> {
  const { ready, players } = await new Promise<{ ready: Ready; players: number }>((resolve) =>
    process.once(
      "message",
      (m: Message) => m.kind === "play" && resolve({ ready: m.ready, players: m.players }),
    ),
  );
  const url = `http://${HOST}:${ready.port}`;
  const open = (cookie: string) =>
    connect(url, {
      transports: ["websocket"],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie },
    });
  const received: Float64Array[] = Array.from({ length: QUESTIONS }, () => new Float64Array(players));
  const acks: number[] = [];
  const sentPerQuestion = new Array<number>(QUESTIONS).fill(0);
  const ackedPerQuestion = new Array<number>(QUESTIONS).fill(0);
  const seated = new Array<boolean>(players).fill(false);
  const dropped = new Set<number>();
  const sockets: Socket[] = [];
  let questionBytes = 0;
  for (let i = 0; i < players; i++) {
    const socket = open(ready.cookies[i]);
    sockets.push(socket);
    socket.on("connect", () =>
      socket.emit(
        "live:join",
        { roundId: ready.roundId },
        (ack: AnyAck) => (seated[i] = ack.data !== undefined),
      ),
    );
    socket.on("disconnect", () => dropped.add(i));
    socket.on("connect_error", () => dropped.add(i));
    socket.on(
      "live:state",
      (view: { phase: string; position: number; question?: { options: string[] } | null }) => {
        if (view.phase !== "open" || view.position < 0 || view.position >= QUESTIONS) return;
        const q = view.position;
        if (received[q][i] !== 0) return;
        received[q][i] = now();
        if (i === 0 && q === 0) questionBytes = Buffer.byteLength(JSON.stringify(view));
        // Every player answers once, at a random moment of the window (kept clear of its last 300 ms).
        const delay = Math.random() * (SECONDS * 1000 - 300);
        setTimeout(() => {
          sentPerQuestion[q]++;
          const sent = now();
          socket.emit(
            "live:answer",
            { roundId: ready.roundId, position: q, choice: Math.floor(Math.random() * 2) },
            (ack: AnyAck) => {
              if (ack.data === undefined) return;
              acks.push(now() - sent);
              ackedPerQuestion[q]++;
            },
          );
        }, delay);
      },
    );
    if (i % 100 === 99) await sleep(50);
  }
  const connectBy = now() + 120_000;
  while (now() < connectBy && seated.filter(Boolean).length + dropped.size < players) await sleep(200);
  const host = open(ready.hostCookie);
  await new Promise<void>((resolve) => host.once("connect", () => resolve()));
  const hostDo = (command: string) =>
    new Promise<AnyAck>((resolve) => host.emit("live:host", { roundId: ready.roundId, command }, resolve));
  const issued: number[] = [];
  for (let q = 0; q < QUESTIONS; q++) {
    issued.push(now());
    await hostDo(q === 0 ? "start" : "next");
    await sleep(SECONDS * 1000 + 250); // the deadline passes (ours closes by itself)
    await hostDo("close"); // refused by ours when already closed; harmless
    await hostDo("reveal");
    await sleep(300);
    await hostDo("board");
  }
  await sleep(1_500); // the last acknowledgements
  const fanout: number[] = [];
  let completed = 0;
  for (let q = 0; q < QUESTIONS; q++) {
    let all = true;
    for (let i = 0; i < players; i++) {
      if (received[q][i] === 0) all = false;
      else fanout.push(received[q][i] - issued[q]);
    }
    if (all && sentPerQuestion[q] === players && ackedPerQuestion[q] === sentPerQuestion[q]) completed++;
  }
  for (let i = 0; i < players; i++) if (!seated[i]) dropped.add(i);
  acks.sort((a, b) => a - b);
  fanout.sort((a, b) => a - b);
  send({
    kind: "figures",
    figures: {
      questionsCompleted: completed,
      playersDropped: dropped.size,
      ackP50: percentile(acks, 50),
      ackP99: percentile(acks, 99),
      fanoutP99: percentile(fanout, 99),
      answersSent: sentPerQuestion.reduce((a, b) => a + b, 0),
      answersAcked: ackedPerQuestion.reduce((a, b) => a + b, 0),
      questionBytes,
    },
  });
  for (const s of sockets) s.disconnect();
  host.disconnect();
}

// ---------------------------------------------------------------------------------------------------
// The orchestrator.

async function measure(target: Target, players: number): Promise<TargetFigures> {
  // BENCH_CPU_PROF=<dir>: the server under test writes a V8 CPU profile there when it ends.
  const profile = process.env.BENCH_CPU_PROF;
  const server = fork(self, [target, String(players)], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    execArgv: profile ? [...process.execArgv, "--cpu-prof", `--cpu-prof-dir=${profile}`] : process.execArgv,
  });
  try {
    const ready = await waitMessage(server, "ready");
    const client = fork(self, ["clients"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    try {
      client.send({ kind: "play", ready, target, players } satisfies Message);
      const { figures } = await waitMessage(client, "figures");
      server.send({ kind: "peak" });
      const { rss } = await waitMessage(server, "peak");
      return { ...figures, peakRssMb: rss };
    } finally {
      client.kill();
    }
  } finally {
    server.kill();
  }
}

function parseArgs(argv: string[]): { players: number; json: boolean } {
  let players = 200;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") json = true;
    else if (argv[i] === "--players") players = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (use --players N [--json])`);
  }
  if (!Number.isInteger(players) || players < 1 || players > 5000)
    throw new Error("--players must be 1 to 5000");
  return { players, json };
}

async function main(): Promise<void> {
  const role = process.argv[2];
  // A normal exit on SIGTERM, so that --cpu-prof writes its profile.
  if (role === "ours" || role === "bare") process.on("SIGTERM", () => process.exit(0));
  if (role === "ours") return oursServer(Number(process.argv[3]));
  if (role === "bare") return bareServer(Number(process.argv[3]));
  if (role === "clients") return clients();

  const { players, json } = parseArgs(process.argv.slice(2));
  const limit = setTimeout(() => {
    console.error(`Stopped: the benchmark ran over ${TIME_LIMIT_MS / 60_000} minutes.`);
    process.exit(2);
  }, TIME_LIMIT_MS);
  console.log(
    `Live final benchmark: ${players} players, ${QUESTIONS} questions × ${SECONDS} s, on ${os.cpus().length}× ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.version}`,
  );
  const ours = await measure("ours", players);
  const bare = await measure("bare", players);
  const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : x);
  const rows: [string, (f: TargetFigures) => number, string][] = [
    ["questions completed", (f) => f.questionsCompleted, `/${QUESTIONS}`],
    ["players dropped", (f) => f.playersDropped, ""],
    ["answers sent / acknowledged", (f) => f.answersAcked, ""],
    ["ack p50", (f) => f.ackP50, " ms"],
    ["ack p99", (f) => f.ackP99, " ms"],
    ["fan-out p99", (f) => f.fanoutP99, " ms"],
    ["peak server RSS", (f) => f.peakRssMb, " MB"],
    ["question message", (f) => f.questionBytes, " bytes"],
  ];
  console.log(["", "ours", "bare", "ours / bare"].join("\t"));
  for (const [label, f, unit] of rows) {
    const ratio = f(bare) > 0 ? (f(ours) / f(bare)).toFixed(2) : "";
    const cell = (x: TargetFigures) =>
      label.startsWith("answers") ? `${x.answersSent}/${x.answersAcked}` : `${round(f(x))}${unit}`;
    console.log([label, cell(ours), cell(bare), ratio].join("\t"));
  }
  clearTimeout(limit);
  if (json) {
    const pick = (f: TargetFigures) => ({
      questionsCompleted: f.questionsCompleted,
      playersDropped: f.playersDropped,
      ackP50Ms: round(f.ackP50),
      ackP99Ms: round(f.ackP99),
      fanoutP99Ms: round(f.fanoutP99),
      peakRssMb: f.peakRssMb,
    });
    console.log(JSON.stringify({ players, ours: pick(ours), bare: pick(bare) }));
  }
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
