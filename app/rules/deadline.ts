/**
 * Time rules for rounds and attempts. The server's clock is the only clock that counts (STYLE.md); every
 * function takes `now` from the caller so the rules can be tested at any instant.
 */

/**
 * How late an answer may arrive after the deadline and still count. A contestant on 3G on the island
 * who taps an answer in the last second should not lose it to the network: a request sent in time can
 * take a few seconds to reach the server (PRODUCT.md: weak network at the district centre). Five
 * seconds covers a slow round trip without giving anyone meaningful extra thinking time.
 */
export const ANSWER_GRACE_MS = 5_000;

/** An attempt ends when its time is up or when the round closes, whichever comes first. */
export function attemptDeadline(startedAt: Date, durationSeconds: number, roundClosesAt: Date): Date {
  const timeUp = startedAt.getTime() + durationSeconds * 1000;
  return new Date(Math.min(timeUp, roundClosesAt.getTime()));
}

/** Milliseconds left on the countdown; never negative. */
export function remainingMs(now: Date, deadline: Date): number {
  return Math.max(0, deadline.getTime() - now.getTime());
}

/** Whether an answer arriving at `now` still counts: up to the deadline plus the grace period. */
export function acceptsAnswer(now: Date, deadline: Date, graceMs: number = ANSWER_GRACE_MS): boolean {
  return now.getTime() <= deadline.getTime() + graceMs;
}

export type RoundPhase = "upcoming" | "open" | "closed";

/** A round is open from `opensAt` (inclusive) to `closesAt` (exclusive), as "08:00 to 20:00" reads. */
export function roundPhase(now: Date, opensAt: Date, closesAt: Date): RoundPhase {
  if (now.getTime() < opensAt.getTime()) return "upcoming";
  if (now.getTime() < closesAt.getTime()) return "open";
  return "closed";
}

export type BoardPolicy = "live" | "hidden" | "frozen";
export type BoardVisibility = "live" | "hidden" | "frozen";

export interface BoardRound {
  boardPolicy: BoardPolicy;
  /** For "frozen": how many minutes before the close the board stops updating. */
  freezeMinutes: number;
  closesAt: Date;
}

/**
 * What the public board shows at `now`:
 * - "live": updates all the time;
 * - "hidden": nothing while the round runs, so contestants cannot aim at a visible target;
 * - "frozen": live until `freezeMinutes` before the close, then it holds the standing of that moment,
 *   which keeps the suspense for the final minutes (as at a live final).
 * Once the round has closed every policy shows the board again ("live"), with the final standing;
 * publishing the official winners is a separate step.
 */
export function boardVisibility(now: Date, round: BoardRound): BoardVisibility {
  const closes = round.closesAt.getTime();
  if (now.getTime() >= closes) return "live";
  if (round.boardPolicy === "hidden") return "hidden";
  const freezesAt = closes - round.freezeMinutes * 60_000;
  if (round.boardPolicy === "frozen" && round.freezeMinutes > 0 && now.getTime() >= freezesAt)
    return "frozen";
  return "live";
}
