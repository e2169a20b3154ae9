/**
 * Login throttling as a pure state machine: the caller loads the state for an account (or an address),
 * asks `checkAllowed` before checking the password, and stores what `registerFailure` or
 * `registerSuccess` returns. Keeping it pure lets one store (SQLite, PostgreSQL or memory) hold it.
 */

export interface ThrottleState {
  /** Failures counted in the current window. */
  failures: number;
  windowStartedAt: Date | null;
  blockedUntil: Date | null;
}

export interface ThrottlePolicy {
  /** This many failures within `windowMs` block the login. */
  maxFailures: number;
  windowMs: number;
  blockMs: number;
}

/**
 * 5 failures in 15 minutes block for 15 minutes: enough for someone new to online services to mistype
 * a few times, and slow enough that guessing a password by trying is hopeless.
 */
export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  blockMs: 15 * 60_000,
};

/**
 * Per address, far looser: a whole hall of phones behind one Wi-Fi, or a carrier's shared address,
 * must not be locked out by a few people mistyping. It still stops one machine trying many accounts.
 */
export const ADDRESS_THROTTLE_POLICY: ThrottlePolicy = {
  maxFailures: 50,
  windowMs: 15 * 60_000,
  blockMs: 15 * 60_000,
};

export const INITIAL_THROTTLE_STATE: ThrottleState = {
  failures: 0,
  windowStartedAt: null,
  blockedUntil: null,
};

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAt: Date };

export function checkAllowed(state: ThrottleState, now: Date): ThrottleDecision {
  if (state.blockedUntil !== null && now.getTime() < state.blockedUntil.getTime()) {
    return { allowed: false, retryAt: state.blockedUntil };
  }
  return { allowed: true };
}

/**
 * Counts one failed login. Failures older than the window are forgotten (a new window starts). Reaching
 * the limit blocks until `now + blockMs` and starts the count afresh, so after the block the person has
 * the full number of tries again. While a block is on nothing changes: a flood of attempts cannot
 * stretch the block out.
 */
export function registerFailure(
  state: ThrottleState,
  now: Date,
  policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
): ThrottleState {
  if (!checkAllowed(state, now).allowed) return state;
  const windowOpen =
    state.windowStartedAt !== null && now.getTime() - state.windowStartedAt.getTime() < policy.windowMs;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  if (failures >= policy.maxFailures) {
    return { failures: 0, windowStartedAt: null, blockedUntil: new Date(now.getTime() + policy.blockMs) };
  }
  return { failures, windowStartedAt, blockedUntil: null };
}

/** A successful login forgets past failures. */
export function registerSuccess(): ThrottleState {
  return { ...INITIAL_THROTTLE_STATE };
}
