/**
 * Configuration from the environment, parsed once at start with Zod. A wrong value stops the
 * process with a message that names the variable and says what is expected.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { DatabaseTarget } from "#db/connection";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const envSchema = z.object({
  PORT: z.coerce
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z.string().min(1).default("data/contest.db"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { errorMap: () => ({ message: `must be one of ${LOG_LEVELS.join(", ")}` }) })
    .default("info"),
  ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  PUBLIC_URL: z.string().url("must be a full address such as https://thi.lyson.gov.vn").optional(),
  DATA_DIR: z.string().min(1).default("data"),
  /** "1" when the app is served over HTTPS (directly or behind a proxy): cookies get Secure. */
  SECURE_COOKIES: z.enum(["0", "1"]).default("0"),
  /** Sign-ups one address may send in 15 minutes: a hall of officials behind one Wi-Fi registers together. */
  REGISTRATIONS_PER_ADDRESS: z.coerce
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 100000")
    .max(100_000, "must be between 1 and 100000")
    .default(200),
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(\d{1,2}|[0-9a-f.:/]+(\s*,\s*[0-9a-f.:/]+)*|loopback|linklocal|uniquelocal)$/i,
      "must be 0, a number of proxy hops such as 1, or the proxies' addresses such as 10.0.0.1, 10.0.0.0/8",
    )
    .default("0"),
  /** PostgreSQL only: connections each process keeps open at most. */
  DATABASE_POOL_SIZE: z.coerce
    .number({ invalid_type_error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be between 1 and 200")
    .max(200, "must be between 1 and 200")
    .default(10),
  /** Set when several processes serve one contest: Socket.IO broadcasts, contest events and leases. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be an address such as redis://127.0.0.1:6379")
    .optional(),
  /** Keys and channels start with this, so several platforms can share one Redis. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,60}$/, "must be letters, digits, ':', '_' or '-' (at most 60)")
    .default("contest:"),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  sessionSecret: string;
  logLevel: LogLevel;
  adminPassword: string | null;
  publicUrl: string | null;
  dataDir: string;
  secureCookies: boolean;
  /**
   * Which proxies in front of the app are believed about the client's address (X-Forwarded-For): none,
   * the nearest N hops, or the listed addresses/subnets. Never every header (Express `trust proxy`).
   */
  trustProxy: false | number | string[];
  /** Null on one process alone. */
  redis: { url: string; prefix: string } | null;
  /** Sign-ups one address may send in 15 minutes (unset: 200). */
  registrationsPerAddress?: number;
}

export class ConfigError extends Error {}

/** `DATABASE_URL` → where the data lives: a SQLite file, or a PostgreSQL database. */
export function parseDatabaseUrl(value: string, poolSize = 10): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new ConfigError(
        "DATABASE_URL: not a valid PostgreSQL address. Use postgres://user:password@host:5432/contest.",
      );
    }
    if (url.pathname.length <= 1)
      throw new ConfigError("DATABASE_URL: the PostgreSQL address names no database (…:5432/contest).");
    return { kind: "postgres", url: value, poolSize };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !value.startsWith("file:")) {
    throw new ConfigError(
      `DATABASE_URL: unsupported address "${value}". Use a SQLite file path such as data/contest.db, or postgres://….`,
    );
  }
  const file = value.startsWith("file:") ? fileURLToPathLoose(value) : value;
  if (file.trim() === "") throw new ConfigError("DATABASE_URL: the SQLite file path is empty.");
  return { kind: "sqlite", file };
}

function fileURLToPathLoose(value: string): string {
  // file:data/contest.db (relative) is common in tooling; file:///abs/path is a real URL.
  if (value.startsWith("file://")) return fileURLToPath(value);
  return value.slice("file:".length);
}

/** Reads the session secret from the environment, or from a file under the data folder made on first start. */
function sessionSecretFrom(env: string | undefined, dataDir: string): string {
  if (env) return env;
  const file = path.join(dataDir, "session-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}

/** `TRUST_PROXY`: "0" none; "2" two hops; "10.0.0.1, 10.0.0.0/8" (or loopback) those proxies. */
export function parseTrustProxy(value: string): false | number | string[] {
  if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
  return value.split(",").map((part) => part.trim());
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: parseDatabaseUrl(e.DATABASE_URL, e.DATABASE_POOL_SIZE),
    sessionSecret: sessionSecretFrom(e.SESSION_SECRET, e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    adminPassword: e.ADMIN_PASSWORD ?? null,
    publicUrl: e.PUBLIC_URL ?? null,
    dataDir: e.DATA_DIR,
    secureCookies: e.SECURE_COOKIES === "1",
    registrationsPerAddress: e.REGISTRATIONS_PER_ADDRESS,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.REDIS_PREFIX } : null,
  };
}
