/**
 * Password hashing with scrypt, node's built-in memory-hard function (no native add-on to build).
 * Stored form: scrypt$N$r$p$salt$hash (base64url), so the cost can be raised later and old hashes
 * still verify.
 */
import crypto from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/**
 * scrypt runs on libuv's small thread pool (4 threads), which compression, file reads and DNS share. A
 * storm of logins must slow logins only: hashes run one at a time, and a login finding more than
 * LOGIN_QUEUE_LIMIT waiting is refused at once ("busy, try again") rather than queued without end.
 */
export const SCRYPT_CONCURRENCY = 1;
export const LOGIN_QUEUE_LIMIT = 8;

export class ScryptBusyError extends Error {
  constructor() {
    super("scrypt queue full");
  }
}

let running = 0;
const waiting: (() => void)[] = [];

async function bounded<T>(work: () => Promise<T>, maxWaiting: number): Promise<T> {
  if (running >= SCRYPT_CONCURRENCY) {
    if (waiting.length >= maxWaiting) throw new ScryptBusyError();
    await new Promise<void>((resolve) => waiting.push(resolve)); // the finishing one hands its slot over
  } else running++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** How many hashes wait for the pool now (for tests and the benchmark). */
export function scryptQueueLength(): number {
  return waiting.length;
}

// 2^15 × 8 × 128 B = 32 MiB per hash: OWASP's floor for scrypt, affordable on a small machine.
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await bounded(
    () => scrypt(password.normalize("NFC"), salt, KEY_LENGTH, { ...COST, maxmem: 64 * 1024 * 1024 }),
    Number.POSITIVE_INFINITY,
  );
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/**
 * Checks a password. With `maxWaiting`, throws ScryptBusyError instead of queueing behind that many
 * (logins pass LOGIN_QUEUE_LIMIT; a signed-in user changing a password waits).
 */
export async function verifyPassword(
  password: string,
  stored: string,
  options: { maxWaiting?: number } = {},
): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await bounded(
    () =>
      scrypt(password.normalize("NFC"), Buffer.from(salt, "base64url"), expected.length, {
        N: Number(n),
        r: Number(r),
        p: Number(p),
        maxmem: 64 * 1024 * 1024,
      }),
    options.maxWaiting ?? Number.POSITIVE_INFINITY,
  );
  return crypto.timingSafeEqual(key, expected);
}

/** A password for people to read out and type: no look-alike characters. */
export function generatePassword(length = 12): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.randomBytes(length);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}
