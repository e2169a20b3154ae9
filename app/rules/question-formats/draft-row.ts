/**
 * What every format shares once a question's fields are read: vocabulary (Dễ / Trung bình / Khó,
 * "Một đáp án"…), the source written as one text, letters, and turning fields into a checked row.
 */
import {
  OPTION_LETTERS,
  questionDraftSchema,
  questionProblems,
  type Difficulty,
  type Problem,
  type QuestionDraft,
  type QuestionSource,
  type QuestionType,
} from "../question";
import { foldForDuplicate } from "../text";
import type { PictureRefs, RowPictures } from "./pictures";
import { problem } from "./problems";

export interface ParseOptions {
  /** Used when a row leaves the topic or difficulty empty (Aiken never has them). */
  defaults?: { topic?: string; difficulty?: Difficulty };
  /**
   * Report a missing explanation or source. Defaults to true for every format except Aiken,
   * which cannot carry them (an Aiken import is completed in the console before approval).
   */
  strict?: boolean;
}

export interface ParsedRow {
  /** Row (xlsx, csv), line (gift, aiken, json) where the question starts. */
  line: number;
  /** The question's key, for formats that have one (the bundled bank). */
  key?: string;
  /** Null when the row cannot be read as a question at all (unknown type or difficulty…). */
  draft: QuestionDraft | null;
  /** A row is importable exactly when this is empty. Every problem carries `line`. */
  problems: Problem[];
  /**
   * What does not stop an import but a maintainer should see: a missing explanation or source in a
   * format that cannot carry them (the question then comes in as a draft). Every warning carries `line`.
   */
  warnings?: Problem[];
  /** Pictures the file carries for this question (Word, a bank `.zip`), not yet re-encoded. */
  pictures?: RowPictures;
  /** Pictures a spreadsheet row names; resolved against the files of a `.zip` (bank-zip.ts). */
  pictureRefs?: PictureRefs;
  /** How the file names the question ("Câu 7") and a short quote; later problems carry them as params. */
  label?: { at: string; quote: string };
}

export interface ParsedFile {
  rows: ParsedRow[];
  fileProblems: Problem[];
}

export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  easy: "Dễ",
  medium: "Trung bình",
  hard: "Khó",
};
export const TYPE_LABELS: Record<QuestionType, string> = {
  single: "Một đáp án",
  multiple: "Nhiều đáp án",
  true_false: "Đúng/Sai",
};

/** Folded, without spaces: "Trung  bình" → "trungbinh", "Đúng / Sai" → "dungsai". */
function vocabKey(value: string): string {
  return foldForDuplicate(value).replace(/\s/g, "");
}

const DIFFICULTY_WORDS: Record<string, Difficulty> = {
  de: "easy",
  easy: "easy",
  trungbinh: "medium",
  tb: "medium",
  medium: "medium",
  kho: "hard",
  hard: "hard",
};
const TYPE_WORDS: Record<string, QuestionType> = {
  motdapan: "single",
  single: "single",
  nhieudapan: "multiple",
  multiple: "multiple",
  dungsai: "true_false",
  truefalse: "true_false",
};

export function parseDifficulty(raw: string): Difficulty | undefined {
  return DIFFICULTY_WORDS[vocabKey(raw)];
}
export function parseType(raw: string): QuestionType | undefined {
  return TYPE_WORDS[vocabKey(raw)];
}

/** NFC and trimmed, line breaks as "\n": how every text read from a file is kept. */
export function cleanText(value: string): string {
  return value.normalize("NFC").replace(/\r\n?/g, "\n").trim();
}

/*
 * The source as one text: "document — title — article", with " — " (space, em dash, space) between parts.
 * Reversible for any parts: a run of em dashes standing alone inside a part (spaces or the part's edges
 * around it) is written with one dash more, so a lone " — " only ever means "next part".
 * An empty title with an article keeps its place: "Luật 20/2023/QH15 —  — Điều 3".
 */
const SEPARATOR = " — ";
const escapeDashes = (part: string) => part.replace(/(^|\s)(—+)(?=\s|$)/g, "$1$2—");
const unescapeDashes = (part: string) => part.replace(/(^|\s)(—+)—(?=\s|$)/g, "$1$2");

export function joinSource(source: QuestionSource): string {
  const parts = [source.document, source.title ?? "", source.article ?? ""].map((p) =>
    escapeDashes(p.trim()),
  );
  while (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  return parts.join(SEPARATOR);
}

/** The inverse of `joinSource`; parts beyond the third stay in the article. */
export function parseSource(value: string): QuestionSource {
  const parts = cleanText(value).split(SEPARATOR);
  const [document = "", title = "", ...rest] = parts.map((p) => unescapeDashes(p).trim());
  const article = rest.join(SEPARATOR).trim();
  return { document, title: title === "" ? null : title, article: article === "" ? null : article };
}

/** Tags as one text: "749, chính phủ số" (a tag cannot hold a comma in this form). */
export function joinTags(tags: readonly string[]): string {
  return tags.join(", ");
}
export function parseTags(value: string): string[] {
  return cleanText(value)
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

/**
 * "B", "A, C", "a;c", "AC" → indexes, sorted (repeats kept so the rules can name them).
 * For a true/false question "Đúng" and "Sai" are accepted as well as A and B.
 */
export function parseCorrect(
  raw: string,
  type: QuestionType | undefined,
  optionCount: number,
): { correct: number[]; problems: Problem[] } {
  const value = cleanText(raw);
  if (value === "") return { correct: [], problems: [] };
  if (type === "true_false") {
    const word = vocabKey(value);
    if (word === "dung" || word === "true") return { correct: [0], problems: [] };
    if (word === "sai" || word === "false") return { correct: [1], problems: [] };
  }
  const correct: number[] = [];
  const bad: string[] = [];
  for (const token of value.split(/[,;\s]+/).filter((t) => t !== "")) {
    if (
      /^[A-Za-z]+$/.test(token) &&
      [...token.toUpperCase()].every((c) => (OPTION_LETTERS as readonly string[]).includes(c))
    ) {
      for (const c of token.toUpperCase()) correct.push((OPTION_LETTERS as readonly string[]).indexOf(c));
    } else bad.push(token);
  }
  const letters = OPTION_LETTERS.slice(0, Math.max(2, Math.min(optionCount, OPTION_LETTERS.length))).join(
    ", ",
  );
  const problems = bad.map((value) => problem("badCorrectLetter", { value, letters }));
  return { correct: correct.sort((a, b) => a - b), problems };
}

/** The fields of one question as read, before the rules run. */
export interface RowFields {
  line: number;
  key?: string;
  topic: string;
  /** "" when the file had nothing; undefined when the file had something unrecognised (with a problem). */
  difficulty: Difficulty | "" | undefined;
  type: QuestionType | "" | undefined;
  text: string;
  options: string[];
  correct: number[];
  explanation: string;
  source: QuestionSource;
  tags: string[];
  /** Validity and exclusion groups, for the formats that carry them (question.ts). */
  validFrom?: string | null;
  validUntil?: string | null;
  basis?: string[];
  exclusionGroups?: string[];
  /** Problems the format found while reading. */
  problems: Problem[];
}

/** Length limits of `questionDraftSchema`, as problem codes (the other rules come from `questionProblems`). */
function limitProblems(draft: QuestionDraft): Problem[] {
  const result = questionDraftSchema.safeParse(draft);
  if (result.success) return [];
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code !== "too_big") continue;
    const max = Number(issue.maximum);
    const [field, index] = issue.path;
    if (field === "topic") problems.push(problem("topicTooLong", { max }));
    else if (field === "text") problems.push(problem("textTooLong", { max }));
    else if (field === "explanation") problems.push(problem("explanationTooLong", { max }));
    else if (field === "source") problems.push(problem("sourceTooLong", { max }));
    else if (field === "options" && typeof index === "number")
      problems.push(problem("optionTooLong", { letter: OPTION_LETTERS[index] ?? String(index + 1), max }));
    else if (field === "tags")
      problems.push(problem(index === undefined ? "tooManyTags" : "tagTooLong", { max }));
    // An options array too long is `tooManyOptions`, already reported by the rules.
  }
  return problems;
}

/** Applies defaults and the rules; every problem gets the row's line. */
export function finishRow(fields: RowFields, options: ParseOptions, strictByDefault = true): ParsedRow {
  const strict = options.strict ?? strictByDefault;
  const problems: Problem[] = [...fields.problems];
  const warnings: Problem[] = [];
  const topic = fields.topic !== "" ? fields.topic : cleanText(options.defaults?.topic ?? "");
  if (topic === "") problems.push(problem("missingTopic"));
  const difficulty = fields.difficulty === "" ? (options.defaults?.difficulty ?? "") : fields.difficulty;
  if (difficulty === "") problems.push(problem("missingDifficulty"));
  if (fields.type === "") problems.push(problem("missingType"));
  let draft: QuestionDraft | null = null;
  if (difficulty && fields.type) {
    draft = {
      topic,
      type: fields.type,
      difficulty,
      text: fields.text,
      options: fields.options,
      correct: fields.correct,
      explanation: fields.explanation,
      source: fields.source,
      tags: fields.tags,
      ...(fields.validFrom ? { validFrom: fields.validFrom } : {}),
      ...(fields.validUntil ? { validUntil: fields.validUntil } : {}),
      ...(fields.basis && fields.basis.length > 0 ? { basis: fields.basis } : {}),
      ...(fields.exclusionGroups && fields.exclusionGroups.length > 0
        ? { exclusionGroups: fields.exclusionGroups }
        : {}),
    };
    const hasGap = problems.some((p) => p.code === "optionGap");
    for (const p of [...questionProblems(draft), ...limitProblems(draft)]) {
      if (hasGap && p.code === "emptyOption") continue;
      if (!strict && (p.code === "missingExplanation" || p.code === "missingSource")) {
        warnings.push(p);
        continue;
      }
      problems.push(p);
    }
  } else if (fields.text === "") {
    problems.push(problem("missingText"));
  }
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const id = p.code + JSON.stringify(p.params ?? {});
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return {
    line: fields.line,
    ...(fields.key !== undefined ? { key: fields.key } : {}),
    draft,
    problems: unique.map((p) => ({ ...p, line: fields.line })),
    ...(warnings.length > 0 ? { warnings: warnings.map((p) => ({ ...p, line: fields.line })) } : {}),
  };
}
