import { describe, expect, it } from "vitest";
import {
  acceptAnswer,
  allowedCommands,
  applyCommand,
  expire,
  initialState,
  mayShowKey,
  type LiveState,
} from "./state";

function run(state: LiveState, ...steps: [Parameters<typeof applyCommand>[1], number][]): LiveState {
  for (const [command, now] of steps) {
    const t = applyCommand(state, command, now);
    if (!t.ok) throw new Error(`${command} refused in ${state.phase}`);
    state = t.state;
  }
  return state;
}

describe("the live final's state machine", () => {
  it("goes lobby → open → closed → revealed → board → next → … → podium", () => {
    let s = initialState(2, 10);
    expect(allowedCommands(s)).toEqual(["start", "end"]);
    s = run(s, ["start", 1000]);
    expect(s).toMatchObject({ phase: "open", position: 0, startedAt: 1000, deadlineAt: 11_000 });
    s = expire(s, 11_000);
    expect(s.phase).toBe("closed");
    s = run(s, ["reveal", 12_000], ["board", 13_000], ["next", 14_000]);
    expect(s).toMatchObject({ phase: "open", position: 1, deadlineAt: 24_000 });
    s = run(s, ["close", 15_000], ["reveal", 16_000]);
    expect(allowedCommands(s)).toContain("end");
    expect(allowedCommands(s)).not.toContain("next");
    s = run(s, ["end", 17_000]);
    expect(s.phase).toBe("podium");
    expect(allowedCommands(s)).toEqual([]);
  });

  it("refuses a command out of turn and changes nothing", () => {
    const s = initialState(3, 10);
    expect(applyCommand(s, "reveal", 0)).toEqual({ ok: false, code: "notAllowed" });
    expect(applyCommand(initialState(0, 10), "start", 0)).toEqual({ ok: false, code: "noQuestions" });
  });

  it("moves the deadline by the pause and keeps elapsed time without the pause", () => {
    let s = run(initialState(1, 20), ["start", 0], ["pause", 5_000]);
    expect(s.pausedRemainingMs).toBe(15_000);
    expect(expire(s, 100_000).phase).toBe("paused");
    s = run(s, ["resume", 60_000]);
    expect(s.deadlineAt).toBe(75_000);
    const check = acceptAnswer(s, 0, 1, 4, 61_000);
    expect(check).toEqual({ ok: true, elapsedMs: 6_000 });
  });

  it("skips a question: it is recorded and the final goes to the board", () => {
    const t = applyCommand(run(initialState(3, 10), ["start", 0]), "skip", 2_000);
    expect(t.ok && t.skippedPosition).toBe(0);
    expect(t.ok && t.state).toMatchObject({ phase: "board", skipped: [0], deadlineAt: 2_000 });
  });

  it("accepts an answer only while its question is open and before the deadline", () => {
    const s = run(initialState(2, 10), ["start", 0]);
    expect(acceptAnswer(s, 0, 2, 4, 3_000)).toEqual({ ok: true, elapsedMs: 3_000 });
    expect(acceptAnswer(s, 1, 2, 4, 3_000)).toEqual({ ok: false, code: "notOpen" });
    expect(acceptAnswer(s, 0, 2, 4, 10_000)).toEqual({ ok: false, code: "tooLate" });
    expect(acceptAnswer(s, 0, 4, 4, 1_000)).toEqual({ ok: false, code: "badChoice" });
    expect(acceptAnswer(run(s, ["close", 1]), 0, 1, 4, 2)).toEqual({ ok: false, code: "notOpen" });
  });

  it("lets the key out only after the reveal", () => {
    expect(mayShowKey("open", 0, 0)).toBe(false);
    expect(mayShowKey("closed", 0, 0)).toBe(false);
    expect(mayShowKey("revealed", 0, 0)).toBe(true);
    expect(mayShowKey("open", 0, 1)).toBe(true);
  });
});
