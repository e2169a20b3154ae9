/**
 * Contestants taking a round on a running server, through the same HTTP forms and Socket.IO events a
 * browser uses — never by writing the database: register, start, answer with pauses, predict, submit.
 * Optionally the organizer then closes the round and computes the official ranking, as the console does.
 */
import { io as connect, type Socket } from "socket.io-client";
import type { Ack, AttemptSync, ClientToServerEvents, ServerToClientEvents } from "~/realtime/contract";
import { HttpClient, selectOptions } from "./http-client";
import { fakePerson, type FakePerson } from "./fake-people";

export interface SimulationOptions {
  baseUrl: string;
  contestants: number;
  roundId: number | null;
  close: boolean;
  concurrency: number;
  admin: { login: string; password: string | null };
  /** Pause between two answers of one contestant, in ms (a random value up to this). */
  thinkMs: number;
  log: (line: string) => void;
}

export interface SimulationResult {
  roundId: number;
  registered: number;
  started: number;
  submitted: number;
  failed: number;
  closed: boolean;
  ranked: number | null;
  durationMs: number;
  screenUrl: string;
  leaderboardUrl: string;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function ask<T>(send: (ack: (response: Ack<T>) => void) => void, timeoutMs = 15_000): Promise<Ack<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ error: { code: "timeout" } }), timeoutMs);
    send((response) => {
      clearTimeout(timer);
      resolve(response);
    });
  });
}

/** The round the home page offers to take now (the first "open" one). */
async function findOpenRound(client: HttpClient): Promise<number> {
  const home = await client.get("/");
  const open = /href="\/rounds\/(\d+)"/.exec(home.text);
  if (!open) throw new Error("no open round on the home page: pass --round ID");
  return Number(open[1]);
}

async function register(client: HttpClient, person: FakePerson, units: string[], categories: string[]) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { token } = await client.csrf("/register");
    const response = await client.post("/register", {
      csrf: token,
      fullName: person.fullName,
      birthDate: person.birthDate,
      gender: person.gender,
      phone:
        attempt === 0
          ? person.phone
          : person.phone.replace(/\d{3}$/, String(Math.floor(Math.random() * 1000)).padStart(3, "0")),
      cccd: person.cccd ?? "",
      unitId: units[Math.floor(Math.random() * units.length)],
      categoryId: categories[Math.floor(Math.random() * categories.length)],
      password: person.password,
      consent: "on",
    });
    if (response.status === 302) return;
    if (response.status !== 409) throw new Error(`registration refused (HTTP ${response.status})`);
  }
  throw new Error("registration kept colliding with existing phone numbers");
}

async function takeRound(
  client: HttpClient,
  roundId: number,
  thinkMs: number,
): Promise<"submitted" | "started"> {
  const { token } = await client.csrf(`/rounds/${roundId}`);
  const start = await client.post(`/rounds/${roundId}`, { csrf: token });
  const attemptId = Number(/\/attempts\/(\d+)/.exec(start.location ?? "")?.[1]);
  if (!attemptId) throw new Error(`could not start the round (HTTP ${start.status})`);

  const socket: ClientSocket = connect(client.baseUrl, {
    transports: ["websocket"],
    extraHeaders: { cookie: client.cookieHeader() },
    reconnection: false,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    const watched = await ask<AttemptSync>((ack) => socket.emit("attempt:watch", { attemptId }, ack));
    if ("error" in watched) throw new Error(`attempt:watch refused: ${watched.error.code}`);
    if (watched.data.status === "submitted") return "submitted";
    // Some contestants skip questions; the rest pick one option (or, for multiple-answer ones, two).
    for (const item of watched.data.items) {
      if (Math.random() < 0.05) continue;
      const first = Math.floor(Math.random() * item.options);
      const chosen = item.multiple
        ? [...new Set([first, Math.floor(Math.random() * item.options)])]
        : [first];
      if (thinkMs > 0) await sleep(Math.random() * thinkMs);
      const saved = await ask((ack) =>
        socket.emit("attempt:answer", { attemptId, position: item.position, chosen }, ack),
      );
      if ("error" in saved && saved.error.code !== "rateLimited")
        throw new Error(`answer refused: ${saved.error.code}`);
    }
    const prediction = Math.random() < 0.1 ? null : Math.floor(Math.random() * 30);
    const submitted = await ask((ack) => socket.emit("attempt:submit", { attemptId, prediction }, ack));
    if ("error" in submitted) throw new Error(`submit refused: ${submitted.error.code}`);
    return "submitted";
  } finally {
    socket.disconnect();
  }
}

async function closeAsOrganizer(options: SimulationOptions, roundId: number): Promise<number> {
  if (!options.admin.password)
    throw new Error("--close needs the organizer's password: set ADMIN_PASSWORD or --admin-password");
  const organizer = new HttpClient(options.baseUrl);
  await organizer.logIn(options.admin.login, options.admin.password);
  const { token } = await organizer.csrf(`/console/rounds/${roundId}`);
  const response = await organizer.post(`/console/rounds/${roundId}`, {
    csrf: token,
    intent: "close",
    confirm: "on",
  });
  if (response.status !== 200) throw new Error(`closing the round failed (HTTP ${response.status})`);
  const ranked = /form-success[^>]*>([^<]*)</.exec(response.text)?.[1] ?? "";
  const count = /(\d+)/.exec(ranked)?.[1];
  if (!count) throw new Error("closing the round did not report a ranking");
  return Number(count);
}

/** Runs `worker` over 0..n-1 with at most `concurrency` at once. */
async function pool(n: number, concurrency: number, worker: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) await worker(next++);
    }),
  );
}

export async function simulate(options: SimulationOptions): Promise<SimulationResult> {
  const started = performance.now();
  const probe = new HttpClient(options.baseUrl);
  const roundId = options.roundId ?? (await findOpenRound(probe));
  const form = await probe.get("/register");
  const units = selectOptions(form.text, "unitId");
  const categories = selectOptions(form.text, "categoryId");
  if (units.length === 0 || categories.length === 0)
    throw new Error("the registration form offers no units or categories");

  const runSeed = Math.floor(Math.random() * 90_000_000);
  let registered = 0;
  let startedCount = 0;
  let submitted = 0;
  let failed = 0;
  await pool(options.contestants, options.concurrency, async (i) => {
    const client = new HttpClient(options.baseUrl);
    try {
      await register(client, fakePerson(runSeed + i), units, categories);
      registered++;
      const outcome = await takeRound(client, roundId, options.thinkMs);
      startedCount++;
      if (outcome === "submitted") submitted++;
    } catch (error) {
      failed++;
      options.log(`contestant ${i + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if ((i + 1) % 50 === 0) options.log(`${i + 1}/${options.contestants} contestants done`);
  });

  let ranked: number | null = null;
  if (options.close) ranked = await closeAsOrganizer(options, roundId);

  return {
    roundId,
    registered,
    started: startedCount,
    submitted,
    failed,
    closed: options.close,
    ranked,
    durationMs: Math.round(performance.now() - started),
    screenUrl: new URL(`/screen/${roundId}`, options.baseUrl).href,
    leaderboardUrl: new URL(`/leaderboard/${roundId}`, options.baseUrl).href,
  };
}
