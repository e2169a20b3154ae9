/**
 * Question files in and out: pure functions from bytes to drafts with problems, and back.
 * Nothing here touches the database; the console's import preview, the import/export commands
 * and `questions:check` all call these.
 */
import type { Problem, QuestionDraft } from "../question";
import { foldForDuplicate } from "../text";
import { parseAiken, serializeAiken } from "./aiken";
import { parseBankJson } from "./bank-json";
import { parseBankZip, resolvePictureRefs } from "./bank-zip";
import { MAX_FILE_BYTES, MAX_QUESTION_ROWS } from "./bytes";
import { parseCsv, serializeCsv } from "./csv";
import { parseDocx } from "./docx";
import { MAX_PACKAGE_BYTES } from "./pictures";
import type { ParseOptions, ParsedFile } from "./draft-row";
import { parseGift, serializeGift } from "./gift";
import { problem } from "./problems";
import { parseXlsx, serializeXlsx, type WorkbookText } from "./xlsx";

export { MAX_FILE_BYTES, MAX_QUESTION_ROWS } from "./bytes";
export { MAX_PACKAGE_BYTES } from "./pictures";
export { serializeBankZip, type DraftPictures } from "./bank-zip";
export { PROBLEM_CODES, type ProblemCode } from "./problems";
export { joinSource, parseSource, DIFFICULTY_LABELS, TYPE_LABELS } from "./draft-row";
export type { ParseOptions, ParsedFile, ParsedRow } from "./draft-row";
export { xlsxTemplate, TEMPLATE_EXAMPLE, type WorkbookText } from "./xlsx";
export { bankFileSchema, bankQuestionSchema, BANK_KEY_PATTERN } from "./bank-json";
export { HEADERS } from "./table";

export const EXPORT_FORMATS = ["xlsx", "csv", "gift", "aiken"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Every export format, plus the bundled bank's JSON and Word documents (issue 15). */
export const IMPORT_FORMATS = [...EXPORT_FORMATS, "json", "docx", "zip"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FILE_EXTENSIONS: Record<ExportFormat, string> = {
  xlsx: ".xlsx",
  csv: ".csv",
  gift: ".gift",
  aiken: ".aiken",
};
export const MEDIA_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  gift: "text/plain; charset=utf-8",
  aiken: "text/plain; charset=utf-8",
};

/**
 * The format by the file's extension: .xlsx, .csv, .gift, .aiken, .json. Moodle users often save GIFT
 * and Aiken as .txt: with the bytes at hand, a .txt holding an `ANSWER:` line is Aiken, one with `{…}` GIFT.
 */
export function detectFormat(fileName: string, bytes?: Uint8Array): ImportFormat | null {
  const name = fileName.trim().toLowerCase();
  const ext = /\.([a-z0-9]+)$/.exec(name)?.[1];
  switch (ext) {
    case "xlsx":
      return "xlsx";
    case "csv":
      return "csv";
    case "gift":
      return "gift";
    case "aiken":
      return "aiken";
    case "json":
      return "json";
    // .docm and .doc are read as Word so that the reader can say why it refuses them.
    case "docx":
    case "docm":
    case "doc":
      return "docx";
    case "zip":
      return "zip";
    case "txt": {
      if (name.endsWith(".gift.txt")) return "gift";
      if (name.endsWith(".aiken.txt")) return "aiken";
      if (!bytes) return null;
      const head = new TextDecoder().decode(bytes.subarray(0, 64 * 1024));
      if (/^\s*ANSWER\s*:/im.test(head)) return "aiken";
      if (/\{[^]*\}/.test(head)) return "gift";
      return null;
    }
    default:
      return null;
  }
}

const withoutPictures = (file: ParsedFile): ParsedFile => ({
  ...file,
  rows: resolvePictureRefs(file.rows, null),
});

/** Files that may carry pictures (Word, a bank `.zip`) get more room than a sheet of text. */
export function maxUploadBytes(format: ImportFormat | null): number {
  return format === "docx" || format === "zip" ? MAX_PACKAGE_BYTES : MAX_FILE_BYTES;
}

/**
 * Reads a question file. Never throws: a file that cannot be read gives `fileProblems` and no rows.
 * A row is importable exactly when its `problems` is empty (then `draft` is set).
 */
export async function parseQuestionFile(
  format: ImportFormat,
  bytes: Uint8Array,
  options: ParseOptions = {},
): Promise<ParsedFile> {
  const limit = maxUploadBytes(format);
  if (bytes.length > limit)
    return { rows: [], fileProblems: [problem("fileTooLarge", { maxMb: limit / 1024 / 1024 })] };
  if (bytes.length === 0) return { rows: [], fileProblems: [problem("fileEmpty")] };
  try {
    const parsed = await parseByFormat(format, bytes, options);
    // Every format refuses a file over the row limit as a whole; none is ever cut.
    if (parsed.rows.length > MAX_QUESTION_ROWS)
      return { rows: [], fileProblems: [problem("tooManyRows", { max: MAX_QUESTION_ROWS })] };
    return parsed;
  } catch {
    // Each reader turns what it knows into problems; this is the backstop for what it did not foresee.
    return { rows: [], fileProblems: [problem("fileUnreadable")] };
  }
}

async function parseByFormat(
  format: ImportFormat,
  bytes: Uint8Array,
  options: ParseOptions,
): Promise<ParsedFile> {
  switch (format) {
    // A sheet alone cannot bring the pictures it names: those rows say to send the .zip.
    case "xlsx":
      return withoutPictures(await parseXlsx(bytes, options));
    case "csv":
      return withoutPictures(await parseCsv(bytes, options));
    case "zip":
      return await parseBankZip(bytes, options);
    case "gift":
      return await parseGift(bytes, options);
    case "aiken":
      return await parseAiken(bytes, options);
    case "json":
      return await parseBankJson(bytes, options);
    case "docx":
      return await parseDocx(bytes, options);
    default:
      return { rows: [], fileProblems: [problem("unsupportedFormat")] };
  }
}

/** `text`: the workbook's author and guide sheet, in the reader's language (xlsx only; see WorkbookText). */
export async function serializeQuestions(
  format: ExportFormat,
  drafts: readonly QuestionDraft[],
  text?: WorkbookText,
): Promise<Buffer> {
  switch (format) {
    case "xlsx":
      return serializeXlsx(drafts, text);
    case "csv":
      return serializeCsv(drafts);
    case "gift":
      return serializeGift(drafts);
    case "aiken":
      return serializeAiken(drafts);
  }
}

/** What `findDuplicates` compares; a QuestionDraft is one. `line`, `key` or `ref` name it in messages. */
export interface DuplicateCandidate {
  text: string;
  line?: number;
  key?: string;
  /** How to name this question to a reader, e.g. "kinh-te-so.json, kts-004". */
  ref?: string;
}

/**
 * Same text after folding spaces, case, diacritics and punctuation (`foldForDuplicate`), within the list
 * and against the texts already in the bank. Returns one problem list per candidate, in order: the first
 * of a group is left alone, each later one points at it; a match with the bank is `duplicateExisting`.
 */
export function findDuplicates(
  drafts: readonly DuplicateCandidate[],
  existingTexts: Iterable<string> = [],
): Problem[][] {
  const existing = new Set<string>();
  for (const text of existingTexts) {
    const folded = foldForDuplicate(text);
    if (folded !== "") existing.add(folded);
  }
  const first = new Map<string, number>();
  return drafts.map((d, i) => {
    const folded = foldForDuplicate(d.text);
    if (folded === "") return [];
    const at = d.line !== undefined ? { line: d.line } : {};
    if (existing.has(folded)) return [{ ...problem("duplicateExisting"), ...at }];
    const j = first.get(folded);
    if (j === undefined) {
      first.set(folded, i);
      return [];
    }
    const other = drafts[j];
    const name = other?.ref ?? other?.key;
    if (name !== undefined) return [{ ...problem("duplicateInFile", { other: name }), ...at }];
    if (other?.line !== undefined) return [{ ...problem("duplicateOfLine", { other: other.line }), ...at }];
    return [{ ...problem("duplicateInFile", { other: j + 1 }), ...at }];
  });
}
