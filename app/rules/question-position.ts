/**
 * Which question an attempt page opens on (issue 11: a reload returns to the question the contestant was
 * on). The page keeps the question it shows in its address as `?q=N` (1-based, replaced in place as the
 * contestant moves, so Back still leaves the attempt): a reload, or the browser restoring the tab, sends the
 * same address and the server renders that question straight away. An address without a usable `q` (the
 * link from the round page, another phone) opens on the first question not answered yet.
 */
export const QUESTION_PARAM = "q";

export function openingQuestionIndex(
  param: string | null,
  questions: readonly { chosen: readonly number[] }[],
): number {
  if (questions.length === 0) return 0;
  if (param !== null && /^\d{1,4}$/.test(param)) {
    const n = Number(param);
    if (n >= 1 && n <= questions.length) return n - 1;
  }
  const unanswered = questions.findIndex((q) => q.chosen.length === 0);
  return unanswered === -1 ? 0 : unanswered;
}

/** The address of the same page showing question `index` (0-based), other parameters kept. */
export function addressWithQuestion(href: string, index: number): string {
  const url = new URL(href);
  url.searchParams.set(QUESTION_PARAM, String(index + 1));
  return `${url.pathname}${url.search}${url.hash}`;
}
