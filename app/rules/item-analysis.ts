/**
 * Item analysis of a round's questions (classical test theory), for the "Câu hỏi" sheet of the
 * results export: how often each question was drawn, how many answered it correctly, how the answers
 * spread over the options, and its discrimination index.
 *
 * Discrimination (Kelley's upper–lower 27% groups): rank the entrants by their total score, take the
 * top 27% and the bottom 27%, and for each question subtract the share of the lower group that got it
 * right from the share of the upper group. Because each entrant draws only some of the bank, the shares
 * are over the members of each group who drew the question. D near 0 means the question does not tell
 * strong from weak entrants; D below 0 means weak entrants did better, which usually means a wrong key
 * or an ambiguous wording.
 *
 * Pure: no I/O. Option indexes are the question's original indexes, not the order a contestant saw.
 */

export const GROUP_SHARE = 0.27;
/** Below this many entrants who drew a question, its shares say too little to flag it. */
export const MIN_DRAWN_FOR_FLAGS = 20;
/** Each group needs at least this many who drew the question before D is flagged. */
export const MIN_GROUP_FOR_FLAGS = 5;
export const LOW_DISCRIMINATION = 0.2;
export const VERY_HARD = 0.2;

export interface ItemExaminee {
  /** The attempt (one per entrant in the ranking). */
  examineeId: number;
  score: number;
}

export interface ItemResponse {
  examineeId: number;
  /** What is analysed: a question version (what the entrant saw). */
  itemId: number;
  /** Original option indexes chosen; null or empty when unanswered. */
  chosen: readonly number[] | null;
  isCorrect: boolean;
}

export interface ItemKey {
  itemId: number;
  optionCount: number;
  correct: readonly number[];
}

export const ITEM_FLAGS = [
  "negativeDiscrimination",
  "lowDiscrimination",
  "distractorPreferred",
  "veryHard",
] as const;
export type ItemFlag = (typeof ITEM_FLAGS)[number];

export interface ItemStats {
  itemId: number;
  drawn: number;
  answered: number;
  correct: number;
  /** correct / drawn, or null when nobody drew it. */
  correctShare: number | null;
  /** Per original option: the share of those who drew the question who chose it. */
  optionShares: number[];
  /** The share who left it unanswered. */
  blankShare: number | null;
  upperDrawn: number;
  lowerDrawn: number;
  /** p(upper) − p(lower), or null when either group has nobody who drew it. */
  discrimination: number | null;
  flags: ItemFlag[];
}

/** The upper and lower groups: each round(27%) of the entrants, at least one, never overlapping. */
export function upperLowerGroups(examinees: readonly ItemExaminee[]): {
  upper: Set<number>;
  lower: Set<number>;
} {
  const ordered = [...examinees].sort((a, b) => b.score - a.score || a.examineeId - b.examineeId);
  const n = ordered.length;
  if (n < 2) return { upper: new Set(), lower: new Set() };
  const size = Math.min(Math.floor(n / 2), Math.max(1, Math.round(n * GROUP_SHARE)));
  return {
    upper: new Set(ordered.slice(0, size).map((e) => e.examineeId)),
    lower: new Set(ordered.slice(n - size).map((e) => e.examineeId)),
  };
}

export function analyseItems(
  keys: readonly ItemKey[],
  examinees: readonly ItemExaminee[],
  responses: readonly ItemResponse[],
): ItemStats[] {
  const { upper, lower } = upperLowerGroups(examinees);
  const acc = new Map(
    keys.map((k) => [
      k.itemId,
      {
        key: k,
        drawn: 0,
        answered: 0,
        correct: 0,
        options: Array<number>(k.optionCount).fill(0),
        upperDrawn: 0,
        upperCorrect: 0,
        lowerDrawn: 0,
        lowerCorrect: 0,
      },
    ]),
  );
  for (const r of responses) {
    const a = acc.get(r.itemId);
    if (!a) continue;
    a.drawn++;
    if (r.chosen && r.chosen.length > 0) {
      a.answered++;
      for (const option of r.chosen) if (option >= 0 && option < a.options.length) a.options[option]++;
    }
    if (r.isCorrect) a.correct++;
    if (upper.has(r.examineeId)) {
      a.upperDrawn++;
      if (r.isCorrect) a.upperCorrect++;
    } else if (lower.has(r.examineeId)) {
      a.lowerDrawn++;
      if (r.isCorrect) a.lowerCorrect++;
    }
  }
  return [...acc.values()].map((a) => {
    const share = (n: number) => (a.drawn === 0 ? 0 : n / a.drawn);
    const discrimination =
      a.upperDrawn === 0 || a.lowerDrawn === 0
        ? null
        : a.upperCorrect / a.upperDrawn - a.lowerCorrect / a.lowerDrawn;
    const stats: ItemStats = {
      itemId: a.key.itemId,
      drawn: a.drawn,
      answered: a.answered,
      correct: a.correct,
      correctShare: a.drawn === 0 ? null : a.correct / a.drawn,
      optionShares: a.options.map(share),
      blankShare: a.drawn === 0 ? null : (a.drawn - a.answered) / a.drawn,
      upperDrawn: a.upperDrawn,
      lowerDrawn: a.lowerDrawn,
      discrimination,
      flags: [],
    };
    stats.flags = itemFlags(stats, a.key);
    return stats;
  });
}

/** What an organizer should look at again; nothing when too few drew the question to tell. */
export function itemFlags(stats: ItemStats, key: ItemKey): ItemFlag[] {
  if (stats.drawn < MIN_DRAWN_FOR_FLAGS) return [];
  const flags: ItemFlag[] = [];
  const groupsLargeEnough =
    stats.upperDrawn >= MIN_GROUP_FOR_FLAGS && stats.lowerDrawn >= MIN_GROUP_FOR_FLAGS;
  if (groupsLargeEnough && stats.discrimination !== null) {
    if (stats.discrimination < 0) flags.push("negativeDiscrimination");
    else if (stats.discrimination < LOW_DISCRIMINATION) flags.push("lowDiscrimination");
  }
  const correctSet = new Set(key.correct);
  const keyShare = Math.min(...key.correct.map((i) => stats.optionShares[i] ?? 0));
  const distractorShare = Math.max(0, ...stats.optionShares.filter((_, i) => !correctSet.has(i)));
  if (distractorShare > keyShare) flags.push("distractorPreferred");
  if (stats.correctShare !== null && stats.correctShare < VERY_HARD) flags.push("veryHard");
  return flags;
}
