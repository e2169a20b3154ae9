/**
 * Logging in: find the account, check the password, and throttle guessing per account and per
 * address (the rule is pure, in app/rules/throttle.ts; its state lives in `login_throttle`, so it
 * holds across restarts and, later, across processes).
 */
import {
  ADDRESS_THROTTLE_POLICY,
  checkAllowed,
  DEFAULT_THROTTLE_POLICY,
  registerFailure,
  type ThrottlePolicy,
} from "~/rules/throttle";
import { normalisePhone } from "~/rules/identity";
import type { Db } from "#db/connection";
import { clearThrottle, readThrottle, writeThrottle } from "#db/repos/login-throttle";
import { findStaffByUsername } from "#db/repos/users";
import { findContestantUsersByPhone } from "#db/repos/contestants";
import { verifyPassword } from "./password";

export type LoginResult =
  | { ok: true; userId: number; mustChangePassword: boolean }
  | { ok: false; reason: "wrong" | "disabled" }
  | { ok: false; reason: "throttled"; retryAt: Date };

export async function attemptLogin(
  db: Db,
  input: { login: string; password: string; ip: string | null; now: Date },
): Promise<LoginResult> {
  const login = input.login.trim().toLowerCase();
  // Contestants log in by phone (typed however they like); staff by username.
  const asPhone = normalisePhone(login);
  const phone = /^0\d{9}$/.test(asPhone) ? asPhone : null;
  const keys: { key: string; policy: ThrottlePolicy }[] = [
    { key: `account:${phone ?? login}`, policy: DEFAULT_THROTTLE_POLICY },
    ...(input.ip ? [{ key: `ip:${input.ip}`, policy: ADDRESS_THROTTLE_POLICY }] : []),
  ];

  for (const { key } of keys) {
    const verdict = checkAllowed(await readThrottle(db, key), input.now);
    if (!verdict.allowed) return { ok: false, reason: "throttled", retryAt: verdict.retryAt };
  }

  const candidates = phone
    ? await findContestantUsersByPhone(db, phone)
    : await findStaffByUsername(db, login).then((u) => (u ? [u] : []));

  for (const user of candidates) {
    if (await verifyPassword(input.password, user.password_hash)) {
      if (user.disabled_at) return { ok: false, reason: "disabled" };
      await clearThrottle(db, keys[0].key);
      return { ok: true, userId: user.id, mustChangePassword: user.must_change_password === 1 };
    }
  }

  for (const { key, policy } of keys) {
    await writeThrottle(db, key, registerFailure(await readThrottle(db, key), input.now, policy));
  }
  return { ok: false, reason: "wrong" };
}
