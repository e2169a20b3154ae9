/**
 * Who may play a live final (issue 14): everyone registered, the top N of chosen rounds' official
 * rankings, or the members of named units (teams of units).
 */
import { z } from "zod";

export const liveEligibility = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("everyone") }).strict(),
  z
    .object({
      kind: z.literal("topOfRounds"),
      roundIds: z.array(z.number().int().positive()).min(1).max(20),
      top: z.number().int().min(1).max(10_000),
    })
    .strict(),
  z
    .object({ kind: z.literal("units"), unitIds: z.array(z.number().int().positive()).min(1).max(500) })
    .strict(),
]);
export type LiveEligibility = z.infer<typeof liveEligibility>;

export interface EligibilityFacts {
  contestantId: number;
  unitId: number;
  /** The contestant's unit and its ancestors, so a team of a commune includes its villages. */
  unitAncestry: readonly number[];
  /** Best official rank per round id, for the rounds the contestant is ranked in. */
  ranks: ReadonlyMap<number, number>;
  active: boolean;
  staffMember: boolean;
}

export type EligibilityResult =
  { ok: true } | { ok: false; code: "notEligible" | "disqualified" | "staffMember" };

export function mayPlay(rule: LiveEligibility, facts: EligibilityFacts): EligibilityResult {
  if (!facts.active) return { ok: false, code: "disqualified" };
  if (facts.staffMember) return { ok: false, code: "staffMember" };
  switch (rule.kind) {
    case "everyone":
      return { ok: true };
    case "topOfRounds":
      return rule.roundIds.some((id) => (facts.ranks.get(id) ?? Infinity) <= rule.top)
        ? { ok: true }
        : { ok: false, code: "notEligible" };
    case "units":
      return [facts.unitId, ...facts.unitAncestry].some((u) => rule.unitIds.includes(u))
        ? { ok: true }
        : { ok: false, code: "notEligible" };
  }
}

/** A join code people can read aloud and type on a phone: no 0/O, 1/I/L. */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

export function joinCodeFrom(random: readonly number[]): string {
  return random
    .slice(0, 6)
    .map((n) => JOIN_CODE_ALPHABET[Math.abs(Math.trunc(n)) % JOIN_CODE_ALPHABET.length])
    .join("");
}

/** A seat code (invited teams): 8 characters, so it is never mistaken for a 6-character join code. */
export function seatCodeFrom(random: readonly number[]): string {
  return random
    .slice(0, 8)
    .map((n) => JOIN_CODE_ALPHABET[Math.abs(Math.trunc(n)) % JOIN_CODE_ALPHABET.length])
    .join("");
}
