import { describe, expect, it } from "vitest";
import {
  checkAllowed,
  DEFAULT_THROTTLE_POLICY,
  INITIAL_THROTTLE_STATE,
  registerFailure,
  registerSuccess,
  type ThrottlePolicy,
  type ThrottleState,
} from "./throttle";

const T0 = Date.parse("2026-11-27T01:00:00Z");
const minutes = (m: number) => new Date(T0 + m * 60_000);

function failAt(
  times: Date[],
  state: ThrottleState = INITIAL_THROTTLE_STATE,
  policy?: ThrottlePolicy,
): ThrottleState {
  return times.reduce((s, t) => registerFailure(s, t, policy), state);
}

describe("login throttling", () => {
  it("uses 5 failures in 15 minutes for a 15-minute block by default", () => {
    expect(DEFAULT_THROTTLE_POLICY).toEqual({ maxFailures: 5, windowMs: 900_000, blockMs: 900_000 });
  });

  it("allows a fresh account", () => {
    expect(checkAllowed(INITIAL_THROTTLE_STATE, minutes(0))).toEqual({ allowed: true });
  });

  it("still allows login after four failures", () => {
    const state = failAt([0, 1, 2, 3].map(minutes));
    expect(state.failures).toBe(4);
    expect(checkAllowed(state, minutes(4))).toEqual({ allowed: true });
  });

  it("blocks for 15 minutes at the fifth failure within the window", () => {
    const state = failAt([0, 1, 2, 3, 14].map(minutes));
    expect(checkAllowed(state, minutes(14))).toEqual({ allowed: false, retryAt: minutes(29) });
    expect(checkAllowed(state, new Date(minutes(29).getTime() - 1)).allowed).toBe(false);
    expect(checkAllowed(state, minutes(29))).toEqual({ allowed: true });
  });

  it("forgets failures older than the window", () => {
    // The fifth failure comes 15 minutes after the first: a new window, so the count restarts at 1.
    const state = failAt([0, 1, 2, 3, 15].map(minutes));
    expect(state).toEqual({ failures: 1, windowStartedAt: minutes(15), blockedUntil: null });
    expect(checkAllowed(state, minutes(15))).toEqual({ allowed: true });
  });

  it("gives the full number of tries again after a block", () => {
    const blocked = failAt([0, 1, 2, 3, 4].map(minutes));
    const afterBlock = failAt([20, 21, 22, 23].map(minutes), blocked);
    expect(checkAllowed(afterBlock, minutes(23))).toEqual({ allowed: true });
    expect(checkAllowed(registerFailure(afterBlock, minutes(24)), minutes(24))).toEqual({
      allowed: false,
      retryAt: minutes(39),
    });
  });

  it("does not extend a block when failures keep coming during it", () => {
    const blocked = failAt([0, 1, 2, 3, 4].map(minutes));
    const hammered = failAt([5, 6, 7, 8, 9, 10].map(minutes), blocked);
    expect(hammered).toEqual(blocked);
    expect(checkAllowed(hammered, minutes(19))).toEqual({ allowed: true });
  });

  it("forgets failures after a successful login", () => {
    const state = failAt([0, 1, 2, 3].map(minutes));
    const fresh = registerSuccess();
    expect(fresh).toEqual(INITIAL_THROTTLE_STATE);
    expect(registerFailure(fresh, minutes(4)).failures).toBe(1);
    expect(state.failures).toBe(4); // the old state is not mutated
  });

  it("follows a custom policy", () => {
    const policy: ThrottlePolicy = { maxFailures: 2, windowMs: 60_000, blockMs: 5 * 60_000 };
    const state = failAt([minutes(0), new Date(T0 + 59_000)], INITIAL_THROTTLE_STATE, policy);
    expect(checkAllowed(state, minutes(1))).toEqual({
      allowed: false,
      retryAt: new Date(T0 + 59_000 + 300_000),
    });
  });
});
