/**
 * Dates of validity as people read them, and which questions stop being true soon (issue 12).
 * The rule itself (`isValidOn`) lives with the question in question.ts.
 */

/** "2023-06-01" → "01/06/2023", the Vietnamese way of writing a date; anything else is returned as is. */
export function isoToVnDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/**
 * The period in which questions "expire within the contest's year": from the reference date to the end
 * of its calendar year. A question expires in it when its validUntil (the first day its key is no longer
 * true) is after the reference date and no later than 1 January of the next year (its last true day is
 * then in the contest's year).
 */
export function contestYearWindow(referenceDate: string): { from: string; until: string } {
  const year = Number(referenceDate.slice(0, 4));
  return { from: referenceDate, until: `${year + 1}-01-01` };
}

export function expiresWithin(
  validUntil: string | null | undefined,
  window: { from: string; until: string },
): boolean {
  return !!validUntil && validUntil > window.from && validUntil <= window.until;
}
