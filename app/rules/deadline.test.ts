import { describe, expect, it } from "vitest";
import {
  acceptsAnswer,
  ANSWER_GRACE_MS,
  attemptDeadline,
  boardVisibility,
  remainingMs,
  roundPhase,
  type BoardRound,
} from "./deadline";

const at = (iso: string) => new Date(iso);

describe("attemptDeadline", () => {
  it("ends when the attempt's time is up if the round is still open then", () => {
    const deadline = attemptDeadline(at("2026-11-27T01:00:00Z"), 20 * 60, at("2026-11-27T13:00:00Z"));
    expect(deadline.toISOString()).toBe("2026-11-27T01:20:00.000Z");
  });

  it("ends at the round's close when the contestant started late", () => {
    const deadline = attemptDeadline(at("2026-11-27T12:50:00Z"), 20 * 60, at("2026-11-27T13:00:00Z"));
    expect(deadline.toISOString()).toBe("2026-11-27T13:00:00.000Z");
  });
});

describe("remainingMs", () => {
  it("counts down to the deadline and stops at zero", () => {
    const deadline = at("2026-11-27T01:20:00Z");
    expect(remainingMs(at("2026-11-27T01:19:30Z"), deadline)).toBe(30_000);
    expect(remainingMs(deadline, deadline)).toBe(0);
    expect(remainingMs(at("2026-11-27T01:25:00Z"), deadline)).toBe(0);
  });
});

describe("acceptsAnswer", () => {
  const deadline = at("2026-11-27T01:20:00Z");

  it("accepts answers up to the deadline plus the grace period, and not a millisecond later", () => {
    expect(ANSWER_GRACE_MS).toBe(5_000);
    expect(acceptsAnswer(at("2026-11-27T01:19:59Z"), deadline)).toBe(true);
    expect(acceptsAnswer(at("2026-11-27T01:20:05.000Z"), deadline)).toBe(true);
    expect(acceptsAnswer(at("2026-11-27T01:20:05.001Z"), deadline)).toBe(false);
  });

  it("uses the grace the caller gives", () => {
    expect(acceptsAnswer(at("2026-11-27T01:20:00.001Z"), deadline, 0)).toBe(false);
    expect(acceptsAnswer(at("2026-11-27T01:20:09Z"), deadline, 10_000)).toBe(true);
  });
});

describe("roundPhase", () => {
  const opens = at("2026-11-27T01:00:00Z");
  const closes = at("2026-11-27T13:00:00Z");

  it("is upcoming before the opening, open from the opening, closed from the close", () => {
    expect(roundPhase(at("2026-11-27T00:59:59.999Z"), opens, closes)).toBe("upcoming");
    expect(roundPhase(opens, opens, closes)).toBe("open");
    expect(roundPhase(at("2026-11-27T12:59:59.999Z"), opens, closes)).toBe("open");
    expect(roundPhase(closes, opens, closes)).toBe("closed");
  });
});

describe("boardVisibility", () => {
  const closesAt = at("2026-11-27T13:00:00Z");
  const round = (boardPolicy: BoardRound["boardPolicy"], freezeMinutes = 0): BoardRound => ({
    boardPolicy,
    freezeMinutes,
    closesAt,
  });

  it("keeps a live board live", () => {
    expect(boardVisibility(at("2026-11-27T12:59:00Z"), round("live", 30))).toBe("live");
  });

  it("hides a hidden board until the round closes", () => {
    expect(boardVisibility(at("2026-11-27T02:00:00Z"), round("hidden"))).toBe("hidden");
    expect(boardVisibility(closesAt, round("hidden"))).toBe("live");
  });

  it("freezes a frozen board for the last minutes only, and shows it again at the close", () => {
    const frozen = round("frozen", 30);
    expect(boardVisibility(at("2026-11-27T12:29:59Z"), frozen)).toBe("live");
    expect(boardVisibility(at("2026-11-27T12:30:00Z"), frozen)).toBe("frozen");
    expect(boardVisibility(at("2026-11-27T12:59:59Z"), frozen)).toBe("frozen");
    expect(boardVisibility(closesAt, frozen)).toBe("live");
  });

  it("never freezes when the freeze lasts zero minutes", () => {
    expect(boardVisibility(at("2026-11-27T12:59:59Z"), round("frozen", 0))).toBe("live");
  });
});
