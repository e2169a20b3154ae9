/**
 * The shape of a question as authored, imported and exported — independent of storage.
 * Options are plain strings; the correct answers are 0-based option indexes, sorted.
 */
import { z } from "zod";

export const QUESTION_TYPES = ["single", "multiple", "true_false"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const QUESTION_STATUSES = ["draft", "approved", "retired"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;
export const OPTION_LETTERS = ["A", "B", "C", "D", "E", "F"] as const;
export const TRUE_FALSE_OPTIONS = ["Đúng", "Sai"] as const;

export interface QuestionSource {
  document: string;
  title: string | null;
  article: string | null;
}

export interface QuestionDraft {
  topic: string;
  type: QuestionType;
  difficulty: Difficulty;
  text: string;
  options: string[];
  /** 0-based indexes into `options`, sorted ascending, no repeats. */
  correct: number[];
  explanation: string;
  source: QuestionSource;
  tags: string[];
  /**
   * Validity (issue 12, question-bank/README.md): the key is true on date D iff
   * (validFrom absent or validFrom <= D) and (validUntil absent or D < validUntil). ISO dates YYYY-MM-DD.
   * Optional so that formats that cannot carry them (Aiken, GIFT) and older files stay as they were.
   */
  validFrom?: string | null;
  validUntil?: string | null;
  /** The legal documents the key rests on, each as its number ("59/2022/NĐ-CP"). */
  basis?: string[];
  /** Questions sharing a group are never drawn into the same attempt. */
  exclusionGroups?: string[];
}

/** `YYYY-MM-DD` that is a real calendar date. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Whether a question's key is true on `date` (half-open interval [validFrom, validUntil)). */
export function isValidOn(
  q: { validFrom?: string | null; validUntil?: string | null },
  date: string,
): boolean {
  return (!q.validFrom || q.validFrom <= date) && (!q.validUntil || date < q.validUntil);
}

/** An exclusion group's name: lower-case letters, digits and dashes, e.g. "ctcds-muc-tieu". */
export const EXCLUSION_GROUP_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/;

/**
 * A problem found in a question or a file. `code` is a key of the message catalogue
 * (`bank.problem.<code>`); `line` is the row or line number in the file, when there is one.
 */
export interface Problem {
  line?: number;
  code: string;
  params?: Record<string, string | number>;
}

const text = (max: number) => z.string().trim().min(1).max(max);

/** Structural schema; the contest rules on top of it are in `questionProblems`. */
export const questionDraftSchema = z.object({
  topic: text(200),
  type: z.enum(QUESTION_TYPES),
  difficulty: z.enum(DIFFICULTIES),
  text: text(2000),
  options: z.array(text(500)).min(MIN_OPTIONS).max(MAX_OPTIONS),
  correct: z
    .array(
      z
        .number()
        .int()
        .min(0)
        .max(MAX_OPTIONS - 1),
    )
    .min(1),
  explanation: text(3000),
  source: z.object({
    document: text(300),
    title: z.string().trim().max(500).nullable(),
    article: z.string().trim().max(200).nullable(),
  }),
  tags: z.array(z.string().trim().min(1).max(60)).max(20),
  validFrom: z.string().refine(isIsoDate).nullable().optional(),
  validUntil: z.string().refine(isIsoDate).nullable().optional(),
  basis: z.array(z.string().trim().min(1).max(100)).max(10).optional(),
  exclusionGroups: z.array(z.string().regex(EXCLUSION_GROUP_PATTERN)).max(10).optional(),
});

/** The rules every question must meet, as problem codes (empty when the question is valid). */
export function questionProblems(q: QuestionDraft): Problem[] {
  const problems: Problem[] = [];
  if (q.text.trim() === "") problems.push({ code: "missingText" });
  if (q.options.length < MIN_OPTIONS) problems.push({ code: "tooFewOptions", params: { min: MIN_OPTIONS } });
  if (q.options.length > MAX_OPTIONS) problems.push({ code: "tooManyOptions", params: { max: MAX_OPTIONS } });
  if (q.options.some((o) => o.trim() === "")) problems.push({ code: "emptyOption" });
  const seen = new Set(q.options.map((o) => o.trim().toLocaleLowerCase("vi")));
  if (seen.size !== q.options.length) problems.push({ code: "duplicateOption" });
  if (q.correct.length === 0) problems.push({ code: "missingCorrect" });
  if (q.correct.some((i) => i < 0 || i >= q.options.length))
    problems.push({
      code: "correctOutOfRange",
      params: { letters: OPTION_LETTERS.slice(0, q.options.length).join(", ") },
    });
  if (new Set(q.correct).size !== q.correct.length) problems.push({ code: "duplicateCorrect" });
  if (q.type === "single" && q.correct.length > 1) problems.push({ code: "singleHasSeveral" });
  if (q.type === "multiple" && q.correct.length < 2) problems.push({ code: "multipleHasOne" });
  if (q.type === "true_false") {
    const ok =
      q.options.length === 2 &&
      q.options[0] === TRUE_FALSE_OPTIONS[0] &&
      q.options[1] === TRUE_FALSE_OPTIONS[1];
    if (!ok) problems.push({ code: "trueFalseOptions" });
    if (q.correct.length !== 1) problems.push({ code: "singleHasSeveral" });
  }
  if (q.explanation.trim() === "") problems.push({ code: "missingExplanation" });
  if (q.source.document.trim() === "") problems.push({ code: "missingSource" });
  if (q.validFrom && !isIsoDate(q.validFrom))
    problems.push({ code: "badValidDate", params: { value: q.validFrom } });
  if (q.validUntil && !isIsoDate(q.validUntil))
    problems.push({ code: "badValidDate", params: { value: q.validUntil } });
  if (q.validFrom && q.validUntil && q.validFrom >= q.validUntil)
    problems.push({ code: "validUntilNotAfterFrom", params: { from: q.validFrom, until: q.validUntil } });
  for (const group of q.exclusionGroups ?? [])
    if (!EXCLUSION_GROUP_PATTERN.test(group)) problems.push({ code: "badExclusionGroup", params: { group } });
  return problems;
}

/** Letters for a set of option indexes: [0, 2] → "A, C". */
export function lettersOf(indexes: readonly number[]): string {
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) => OPTION_LETTERS[i])
    .join(", ");
}
