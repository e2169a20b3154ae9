/**
 * Logging in: every attempt is counted before the password is checked (an atomic reservation in
 * `login_throttle`, db/repos/login-throttle.ts), so a burst of simultaneous logins cannot all be
 * checked; the check itself waits in the bounded scrypt queue (password.ts).
 *
 * Lock-outs hit the one who guesses, not the account's owner: the count is per account *and*
 * address (five attempts in 15 minutes, then 1, 2, 4 … 60 minutes), and per address far looser
 * (a whole hall behind one Wi-Fi logs in from it; a successful login gives its attempt back).
 */
import { normalisePhone } from "~/rules/identity";
import type { Db } from "#db/connection";
import { clearAttempts, refundAttempt, reserveAttempt, type AttemptPolicy } from "#db/repos/login-throttle";
import { findStaffByUsername } from "#db/repos/users";
import { findContestantUsersByPhone } from "#db/repos/contestants";
import { LOGIN_QUEUE_LIMIT, ScryptBusyError, verifyPassword } from "./password";

const MINUTE = 60_000;

/** Per account and address: someone mistyping gets five tries, a guesser waits longer each time. */
export const LOGIN_POLICY: AttemptPolicy = {
  maxAttempts: 5,
  windowMs: 15 * MINUTE,
  baseDelayMs: MINUTE,
  maxDelayMs: 60 * MINUTE,
};

/** Per address, whatever the account: a hall of people mistyping never reaches it; a machine trying accounts does. */
export const ADDRESS_POLICY: AttemptPolicy = {
  maxAttempts: 300,
  windowMs: 15 * MINUTE,
  baseDelayMs: 5 * MINUTE,
  maxDelayMs: 60 * MINUTE,
};

/** Registrations per address: a family or a commune office registering several people, not a script. */
export const REGISTER_POLICY: AttemptPolicy = {
  maxAttempts: 200,
  windowMs: 15 * MINUTE,
  baseDelayMs: 15 * MINUTE,
  maxDelayMs: 60 * MINUTE,
};

export type LoginResult =
  | { ok: true; userId: number; mustChangePassword: boolean }
  | { ok: false; reason: "wrong" | "disabled" | "busy" }
  | { ok: false; reason: "throttled"; retryAt: Date };

export async function attemptLogin(
  db: Db,
  input: { login: string; password: string; ip: string | null; now: Date },
): Promise<LoginResult> {
  const login = input.login.trim().toLowerCase();
  // Contestants log in by phone (typed however they like); staff by username.
  const asPhone = normalisePhone(login);
  const phone = /^0\d{9}$/.test(asPhone) ? asPhone : null;
  const address = input.ip ?? "unknown";
  const accountKey = `login:${phone ?? login}@${address}`;
  const addressKey = `ip:${address}`;

  for (const [key, policy] of [
    [accountKey, LOGIN_POLICY],
    [addressKey, ADDRESS_POLICY],
  ] as const) {
    const reserved = await reserveAttempt(db, key, policy, input.now);
    if (!reserved.ok) return { ok: false, reason: "throttled", retryAt: reserved.retryAt };
  }

  const candidates = phone
    ? await findContestantUsersByPhone(db, phone)
    : await findStaffByUsername(db, login).then((u) => (u ? [u] : []));

  for (const user of candidates) {
    let matches: boolean;
    try {
      matches = await verifyPassword(input.password, user.password_hash, { maxWaiting: LOGIN_QUEUE_LIMIT });
    } catch (error) {
      if (error instanceof ScryptBusyError) return { ok: false, reason: "busy" };
      throw error;
    }
    if (matches) {
      if (user.disabled_at) return { ok: false, reason: "disabled" };
      await clearAttempts(db, accountKey);
      await refundAttempt(db, addressKey);
      return { ok: true, userId: user.id, mustChangePassword: user.must_change_password === 1 };
    }
  }
  return { ok: false, reason: "wrong" };
}

/** Counts a registration from `ip` before it is made; refused while the address has none left. */
export async function reserveRegistration(
  db: Db,
  ip: string | null,
  now: Date,
  perAddress: number = REGISTER_POLICY.maxAttempts,
): Promise<{ ok: true } | { ok: false; retryAt: Date }> {
  return reserveAttempt(
    db,
    `register:${ip ?? "unknown"}`,
    { ...REGISTER_POLICY, maxAttempts: perAddress },
    now,
  );
}
