/**
 * Possible duplicate contestants, for an organizer to review. A wrong or duplicate identity voids a
 * result (PRODUCT.md), but two people may share a name and a birthday, so nothing here blocks or merges:
 * it only groups rows that deserve a look, with the reason.
 *
 * The unique constraints on (contest, phone) and (contest, CCCD) already stop exact repeats; these
 * rules catch what slips past them:
 *   - sameNameBirthDate: the same name (ignoring diacritics, case, spacing) and date of birth under
 *     different phone numbers — the classic second sign-up with another SIM;
 *   - sameCccd / samePhone: the same number once normalised (spaces, dots, +84), in rows stored before
 *     the checks existed or imported from a spreadsheet;
 *   - similarBirthDate: the same name with dates of birth one typo apart — day and month swapped, or a
 *     single digit different ("1990-05-14" / "1990-05-41" cannot happen, but "1990-05-14" / "1990-05-17" can).
 */
import { normaliseCccd, normalisePhone } from "./identity";
import { foldForDuplicate } from "./text";

export interface DuplicateCandidate {
  id: number;
  fullName: string;
  birthDate: string;
  phone: string;
  cccd: string | null;
}

export const DUPLICATE_REASONS = ["sameCccd", "sameNameBirthDate", "samePhone", "similarBirthDate"] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface DuplicateGroup {
  reason: DuplicateReason;
  /** Contestant ids, ascending. */
  ids: number[];
}

function groupBy(
  rows: readonly DuplicateCandidate[],
  key: (row: DuplicateCandidate) => string | null,
): number[][] {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const k = key(row);
    if (k === null || k === "") continue;
    const list = groups.get(k);
    if (list) list.push(row.id);
    else groups.set(k, [row.id]);
  }
  return [...groups.values()].filter((ids) => ids.length > 1).map((ids) => [...ids].sort((a, b) => a - b));
}

/** Two ISO dates one typo apart: day and month swapped, or exactly one digit different. */
export function birthDatesOneTypoApart(a: string, b: string): boolean {
  if (a === b || a.length !== b.length) return false;
  const [ay, am, ad] = a.split("-");
  const [by, bm, bd] = b.split("-");
  if (ay === by && am === bd && ad === bm) return true;
  let differences = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differences++;
  return differences === 1;
}

export function findDuplicates(rows: readonly DuplicateCandidate[]): DuplicateGroup[] {
  const groups: DuplicateGroup[] = [];
  const push = (reason: DuplicateReason, list: number[][]) => {
    for (const ids of list) groups.push({ reason, ids });
  };

  push(
    "sameCccd",
    groupBy(rows, (r) => (r.cccd ? normaliseCccd(r.cccd) : null)),
  );
  const nameOf = new Map(rows.map((r) => [r.id, foldForDuplicate(r.fullName)]));
  push(
    "sameNameBirthDate",
    groupBy(rows, (r) => `${nameOf.get(r.id)}|${r.birthDate}`),
  );
  push(
    "samePhone",
    groupBy(rows, (r) => normalisePhone(r.phone)),
  );

  // Same name, birth dates a typo apart: compare pairs within each name (names repeat, but not by thousands).
  const byName = new Map<string, DuplicateCandidate[]>();
  for (const row of rows) {
    const name = nameOf.get(row.id) ?? "";
    if (name === "") continue;
    const list = byName.get(name);
    if (list) list.push(row);
    else byName.set(name, [row]);
  }
  for (const list of byName.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (birthDatesOneTypoApart(list[i].birthDate, list[j].birthDate)) {
          groups.push({
            reason: "similarBirthDate",
            ids: [list[i].id, list[j].id].sort((a, b) => a - b),
          });
        }
      }
    }
  }

  const order = (g: DuplicateGroup) => DUPLICATE_REASONS.indexOf(g.reason);
  return groups.sort((a, b) => order(a) - order(b) || a.ids[0] - b.ids[0]);
}
