/**
 * Prize allocation. Per round the organizers set how many of each prize to give (for example 1/2/3/5);
 * prizes go down the official ranking, skipping anyone who may not receive one (a void identity, a
 * member of the organising committee or the jury — PRODUCT.md, "Registration").
 *
 * The names users read live in the catalogue: first = Nhất, second = Nhì, third = Ba,
 * consolation = Khuyến khích.
 */

export const PRIZE_KINDS = ["first", "second", "third", "consolation"] as const;
export type PrizeKind = (typeof PRIZE_KINDS)[number];

export type PrizeCounts = Record<PrizeKind, number>;

export interface PrizeCandidate {
  attemptId: number;
  contestantId: number;
}

/**
 * Walks `rankedRows` in the order given — it must be the official order (see `officialRanking`) — and
 * hands out the prizes from the highest kind down. Excluded rows are skipped without using up a prize,
 * so the next eligible entrant moves up. A contestant receives at most one prize per call, in case the
 * same person appears twice (which the one-attempt rule should already prevent).
 *
 * Returns attemptId → prize; an attempt that is absent won no prize.
 */
export function allocatePrizes<R extends PrizeCandidate>(
  rankedRows: readonly R[],
  counts: Partial<PrizeCounts>,
  isExcluded: (row: R) => boolean = () => false,
): Map<number, PrizeKind> {
  const queue = prizeQueue(counts);
  const prizes = new Map<number, PrizeKind>();
  const awarded = new Set<number>();
  for (const row of rankedRows) {
    if (prizes.size === queue.length) break;
    if (isExcluded(row) || awarded.has(row.contestantId)) continue;
    prizes.set(row.attemptId, queue[prizes.size]);
    awarded.add(row.contestantId);
  }
  return prizes;
}

/** [first, second, second, third, …] as many of each as the round gives. */
function prizeQueue(counts: Partial<PrizeCounts>): PrizeKind[] {
  return PRIZE_KINDS.flatMap((kind) => {
    const count = counts[kind] ?? 0;
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`The number of ${kind} prizes must be a whole number ≥ 0, got ${count}`);
    }
    return Array<PrizeKind>(count).fill(kind);
  });
}

// ---------------------------------------------------------------------------------------------------
// Collective prizes (giải tập thể): for the units that brought the most participants.

export interface UnitParticipation {
  unitId: number;
  name: string;
  /** Distinct contestants of the unit who took part. */
  participants: number;
  /** The unit's headcount (members, staff or residents), when the organizer entered it. */
  headcount: number | null;
}

export interface UnitStanding extends UnitParticipation {
  /** participants / headcount, or null when the headcount is unknown or zero. */
  participationRate: number | null;
  rank: number;
}

export function participationRate(participants: number, headcount: number | null): number | null {
  return headcount === null || headcount <= 0 ? null : participants / headcount;
}

// Vietnamese collation, so "Đội" sorts after "Dân" and before "Em" as a reader expects.
const vietnameseNames = new Intl.Collator("vi", { sensitivity: "base" });

/**
 * Units by participants (most first); a tie goes to the higher participation rate (organizers are
 * judged on rates, so a small unit that turned out in full beats a large one with the same number),
 * then the name, then the unit id so the order is total. A unit with no headcount has no rate and comes
 * after those with one.
 */
export function rankUnits<U extends UnitParticipation>(units: readonly U[]): (U & UnitStanding)[] {
  return units
    .map((unit) => ({ ...unit, participationRate: participationRate(unit.participants, unit.headcount) }))
    .sort(
      (a, b) =>
        b.participants - a.participants ||
        compareRateDesc(a.participationRate, b.participationRate) ||
        vietnameseNames.compare(a.name, b.name) ||
        a.unitId - b.unitId,
    )
    .map((unit, index) => ({ ...unit, rank: index + 1 }));
}

function compareRateDesc(a: number | null, b: number | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return b - a;
}

/** The units that win the collective prizes: the first `count` of `rankUnits`, skipping units without participants. */
export function collectivePrizeWinners<U extends UnitParticipation>(
  units: readonly U[],
  count: number,
): (U & UnitStanding)[] {
  return rankUnits(units)
    .filter((unit) => unit.participants > 0)
    .slice(0, Math.max(0, count));
}
