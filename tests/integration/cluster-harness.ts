/**
 * Real server processes (`server/main.ts` as a child) for the tests that kill and start them: the
 * process started and awaited until /healthz answers, sockets to it with a session cookie, contestants
 * and sessions made directly in the database. `clusterHarness` adds what several processes share: a
 * PostgreSQL database of their own, Redis under a prefix of their own, and the clean-up of all of it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { io as connect } from "socket.io-client";
import type { Db } from "#db/connection";
import { createPostgresDatabase, dropPostgresDatabase, migrateToLatest, openDatabase } from "#db/connection";
import { seedDemo } from "#db/seed/seed";
import { createUser } from "#db/repos/users";
import { createSession } from "#db/repos/sessions";
import { ContestEvents } from "#server/contest/events";
import { createLogger } from "#server/logger";
import { hashPassword, sha256 } from "#server/security/password";
import { systemClock, type Services } from "#server/services";
import { loadBundledBank } from "../../question-bank/load";
import type { Client } from "./board-harness";
import { insertContestant, testConfig } from "./test-services";

export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A key prefix no other test run uses, so a test reads and deletes only its own keys. */
export const redisTestPrefix = () => `contest_so_test:${crypto.randomBytes(4).toString("hex")}:`;

/** Deletes every key under `prefix`. */
export async function clearRedisPrefix(redis: Redis, prefix: string): Promise<void> {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
}

/**
 * Starts `server/main.ts` on 127.0.0.1:`port` and resolves once /healthz answers; rejects with what the
 * process printed if it exits or is not ready within `readyWithinMs`. `web: false` starts it with
 * --no-web (health and Socket.IO only).
 */
export function startServerProcess(input: {
  port: number;
  databaseUrl: string;
  dataDir: string;
  web: boolean;
  readyWithinMs: number;
  /** In the failure messages ("server A exited"). */
  name?: string;
  env?: NodeJS.ProcessEnv;
  /** Told of the process as soon as it is spawned, so a clean-up can kill one that never got ready. */
  onSpawn?: (child: ChildProcess) => void;
}): Promise<ChildProcess> {
  const args = ["--import", "tsx", "server/main.ts", ...(input.web ? [] : ["--no-web"])];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      ...input.env,
      PORT: String(input.port),
      HOST: "127.0.0.1",
      DATABASE_URL: input.databaseUrl,
      DATA_DIR: input.dataDir,
      LOG_LEVEL: "warn",
      ADMIN_PASSWORD: "khong-dung-1234",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  input.onSpawn?.(child);
  const server = input.name ? `server ${input.name}` : "server";
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + input.readyWithinMs;
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`${server} exited:\n${output}`));
      try {
        if ((await fetch(`http://127.0.0.1:${input.port}/healthz`)).ok) return resolve(child);
      } catch {
        // not yet
      }
      if (Date.now() > deadline) return reject(new Error(`${server} not ready:\n${output}`));
      setTimeout(poll, 200);
    };
    void poll();
  });
}

/** SIGKILL, as a crash: no shutdown hook runs. Resolves once the process is gone. */
export async function killServerProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/**
 * A WebSocket-only Socket.IO client on `port`, signed in with the session `token` (or anonymous), added
 * to `opened` (for the clean-up) before it connects.
 */
export async function socketTo(port: number, token: string | null, opened?: Client[]): Promise<Client> {
  const socket: Client = connect(`http://127.0.0.1:${port}`, {
    transports: ["websocket"],
    extraHeaders: token ? { cookie: `sid=${token}` } : {},
    reconnection: false,
  });
  opened?.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** A session of an hour for `userId`, written directly; returns its token (the `sid` cookie's value). */
export async function sessionFor(db: Db, userId: number, label: string): Promise<string> {
  const token = `${label}-${crypto.randomBytes(12).toString("hex")}`;
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

/** A contestant of the contest's first unit and category, with a session; no registration. */
export async function contestantWithSession(
  db: Db,
  input: { contestId: number; i: number; name: string; phone: string; birthDate: string },
): Promise<{ userId: number; token: string }> {
  const now = new Date();
  const unit = await db.selectFrom("units").select("id").executeTakeFirstOrThrow();
  const category = await db.selectFrom("categories").select("id").executeTakeFirstOrThrow();
  const user = await createUser(db, {
    role: "contestant",
    username: null,
    displayName: `Thí sinh ${input.i}`,
    passwordHash: "x",
    now,
  });
  await insertContestant(db, {
    userId: user.id,
    contestId: input.contestId,
    unitId: unit.id,
    categoryId: category.id,
    name: input.name,
    phone: input.phone,
    birthDate: input.birthDate,
    gender: "male",
    at: now,
  });
  return { userId: user.id, token: await sessionFor(db, user.id, `token-${input.i}`) };
}

/** Services on `db` as a test builds them: the real clock, a silent logger. */
export function servicesOn(db: Db): Services {
  return {
    db,
    config: testConfig(),
    logger: createLogger("silent"),
    clock: systemClock,
    events: new ContestEvents(),
  };
}

/** Migrates `db` and seeds the demo contest with the bundled bank; returns the seed and the admin's id. */
export async function seedForProcesses(db: Db) {
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
  return { seed, adminId: admin.id };
}

export interface ClusterHarness {
  /** The test's own Redis keys start with it (`REDIS_PREFIX` of every process). */
  readonly prefix: string;
  readonly redis: Redis;
  /** The test's own PostgreSQL database, once `setUp` has made it. */
  readonly url: string;
  readonly dir: string;
  /** Connects Redis (or says it does not answer) and makes the database: in `beforeAll`. */
  setUp(): Promise<void>;
  /** Disconnects the sockets, kills the processes, deletes the keys, the database and the folder. */
  tearDown(): Promise<void>;
  /** A pool of 4 on the test's database, with services on it. */
  open(): { db: Db; services: Services };
  startServer(name: string, port: number): Promise<ChildProcess>;
  kill(name: string): Promise<void>;
  pidOf(name: string): string;
  socketFor(port: number, token: string | null): Promise<Client>;
}

/**
 * Several server processes on one PostgreSQL database and one Redis, as on several machines. Each
 * process gets the same session secret, data folder and Redis prefix; `web: false` starts them with
 * --no-web.
 */
export function clusterHarness(options: {
  name: string;
  databasePrefix: string;
  sessionSecret: string;
  web: boolean;
}): ClusterHarness {
  const prefix = redisTestPrefix();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${options.name}-`));
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  const servers = new Map<string, ChildProcess>();
  const sockets: Client[] = [];
  let url = "";
  return {
    prefix,
    redis,
    dir,
    get url() {
      return url;
    },
    async setUp() {
      try {
        await redis.connect();
      } catch (error) {
        throw new Error(`Redis does not answer at ${REDIS_URL} (${String(error)}): start redis-server.`);
      }
      url = await createPostgresDatabase(options.databasePrefix);
    },
    async tearDown() {
      for (const s of sockets) s.disconnect();
      for (const child of servers.values()) child.kill("SIGKILL");
      await clearRedisPrefix(redis, prefix);
      redis.disconnect();
      if (url) await dropPostgresDatabase(url);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    open() {
      const db = openDatabase({ kind: "postgres", url, poolSize: 4 });
      return { db, services: servicesOn(db) };
    },
    startServer(name, port) {
      return startServerProcess({
        name,
        port,
        databaseUrl: url,
        dataDir: dir,
        web: options.web,
        readyWithinMs: 40_000,
        env: {
          NODE_ENV: "production",
          DATABASE_POOL_SIZE: "4",
          REDIS_URL,
          REDIS_PREFIX: prefix,
          SESSION_SECRET: options.sessionSecret,
        },
        onSpawn: (child) => servers.set(name, child),
      });
    },
    async kill(name) {
      await killServerProcess(servers.get(name)!);
    },
    pidOf(name) {
      return String(servers.get(name)!.pid);
    },
    socketFor(port, token) {
      return socketTo(port, token, sockets);
    },
  };
}
