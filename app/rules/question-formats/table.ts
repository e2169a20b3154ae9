/**
 * The spreadsheet layout shared by .xlsx and .csv (issue 3, "Formats"):
 * STT | Chủ đề | Mức độ | Loại | Câu hỏi | A | B | C | D | E | F | Đáp án đúng | Giải thích | Nguồn
 * plus optional trailing columns so an export loses nothing: "Thẻ" (tags, comma separated), and (issue 12)
 * "Đúng từ ngày", "Hết đúng từ ngày" (YYYY-MM-DD, or dd/mm/yyyy as Excel shows a date), "Văn bản căn cứ"
 * and "Nhóm loại trừ" (comma separated). Files without them read as before.
 */
import { OPTION_LETTERS, type Problem, type QuestionDraft } from "../question";
import { foldForDuplicate } from "../text";
import {
  DIFFICULTY_LABELS,
  TYPE_LABELS,
  cleanText,
  finishRow,
  joinSource,
  joinTags,
  parseCorrect,
  parseDifficulty,
  parseSource,
  parseTags,
  parseType,
  type ParseOptions,
  type ParsedRow,
} from "./draft-row";
import type { PictureRefs } from "./pictures";
import { problem } from "./problems";

export const COLUMNS = [
  { id: "number", header: "STT", aliases: ["so thu tu", "#", "no"] },
  { id: "topic", header: "Chủ đề", aliases: ["topic"] },
  { id: "difficulty", header: "Mức độ", aliases: ["do kho", "difficulty"] },
  { id: "type", header: "Loại", aliases: ["loai cau hoi", "kieu", "type"] },
  { id: "text", header: "Câu hỏi", aliases: ["noi dung", "noi dung cau hoi", "question"] },
  ...OPTION_LETTERS.map((letter) => ({
    id: letter,
    header: letter,
    aliases: [`phuong an ${letter}`, `dap an ${letter}`],
  })),
  { id: "correct", header: "Đáp án đúng", aliases: ["dap an", "correct", "answer"] },
  { id: "explanation", header: "Giải thích", aliases: ["explanation"] },
  { id: "source", header: "Nguồn", aliases: ["nguon tham khao", "can cu", "source"] },
  { id: "tags", header: "Thẻ", aliases: ["tags", "tu khoa"] },
  { id: "validFrom", header: "Đúng từ ngày", aliases: ["valid from", "hieu luc tu"] },
  { id: "validUntil", header: "Hết đúng từ ngày", aliases: ["valid until", "het hieu luc tu"] },
  { id: "basis", header: "Văn bản căn cứ", aliases: ["basis", "can cu phap ly"] },
  { id: "exclusionGroups", header: "Nhóm loại trừ", aliases: ["exclusion groups", "nhom loai tru"] },
  // Pictures (issue 15): file names inside the `.zip`'s pictures/ folder; "A: a.png; C: c.png" for options.
  { id: "picture", header: "Hình", aliases: ["hinh anh", "anh", "picture"] },
  { id: "pictureAlt", header: "Mô tả hình", aliases: ["mo ta anh", "alt"] },
  { id: "optionPictures", header: "Hình phương án", aliases: ["hinh cac phuong an", "option pictures"] },
] as const;

/** "2024-07-01" as is; "1/7/2024" (how Excel shows a date cell) → "2024-07-01"; anything else unchanged. */
export function dateCell(value: string): string {
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!vn) return value.trim();
  return `${vn[3]}-${vn[2]!.padStart(2, "0")}-${vn[1]!.padStart(2, "0")}`;
}

export type ColumnId = (typeof COLUMNS)[number]["id"];
export const HEADERS: readonly string[] = COLUMNS.map((c) => c.header);
/** Without these a first row is not our header (the others may be left out: they read as empty). */
const REQUIRED: readonly ColumnId[] = ["text", "A", "B", "correct"];

export type ColumnMap = Partial<Record<ColumnId, number>>;

/** Header cells → column positions; spelling is compared without diacritics, case or spacing. */
export function mapHeader(cells: readonly string[]): { columns: ColumnMap } | { problem: Problem } {
  const byName = new Map<string, ColumnId>();
  for (const c of COLUMNS)
    for (const name of [c.header, ...c.aliases]) byName.set(foldForDuplicate(name) || name, c.id);
  const columns: ColumnMap = {};
  cells.forEach((cell, index) => {
    const folded = foldForDuplicate(cell);
    const id = byName.get(folded === "" ? cell.trim() : folded);
    if (id !== undefined && columns[id] === undefined) columns[id] = index;
  });
  const missing = REQUIRED.filter((id) => columns[id] === undefined);
  if (missing.length > 0) {
    const headerOf = (id: ColumnId) => COLUMNS.find((c) => c.id === id)?.header ?? id;
    return {
      problem: problem("wrongHeader", {
        missing: missing.map(headerOf).join(", "),
        expected: HEADERS.slice(0, 14).join(" | "),
      }),
    };
  }
  return { columns };
}

/** One data row's cells (already as text) → a checked row. Empty rows (or only STT) give null. */
export function readTableRow(
  line: number,
  cell: (id: ColumnId) => string,
  options: ParseOptions,
  extraProblems: Problem[] = [],
): ParsedRow | null {
  const values = new Map(COLUMNS.map((c) => [c.id, cleanText(cell(c.id))]));
  const get = (id: ColumnId) => values.get(id) ?? "";
  if (COLUMNS.every((c) => c.id === "number" || get(c.id) === "")) return null;

  const problems: Problem[] = [...extraProblems];
  const rawDifficulty = get("difficulty");
  const difficulty = rawDifficulty === "" ? "" : parseDifficulty(rawDifficulty);
  if (difficulty === undefined)
    problems.push(
      problem("unknownDifficulty", {
        value: rawDifficulty,
        allowed: Object.values(DIFFICULTY_LABELS).join(", "),
      }),
    );
  const rawType = get("type");
  const type = rawType === "" ? "" : parseType(rawType);
  if (type === undefined)
    problems.push(problem("unknownType", { value: rawType, allowed: Object.values(TYPE_LABELS).join(", ") }));

  let cells = OPTION_LETTERS.map((l) => get(l));
  const last = cells.reduce((end, value, i) => (value !== "" ? i + 1 : end), 0);
  cells = cells.slice(0, last);
  // A true/false row may leave A and B empty: they can only be "Đúng" and "Sai".
  if (type === "true_false" && cells.length === 0) cells = ["Đúng", "Sai"];
  const gap = cells.findIndex((v) => v === "");
  if (gap >= 0)
    problems.push(problem("optionGap", { letter: OPTION_LETTERS[gap], next: OPTION_LETTERS[last - 1] }));

  const { correct, problems: letterProblems } = parseCorrect(get("correct"), type || undefined, cells.length);
  problems.push(...letterProblems);

  const row = finishRow(
    {
      line,
      topic: get("topic"),
      difficulty,
      type,
      text: get("text"),
      options: cells,
      correct,
      explanation: get("explanation"),
      source: parseSource(get("source")),
      tags: parseTags(get("tags")),
      validFrom: dateCell(get("validFrom")),
      validUntil: dateCell(get("validUntil")),
      basis: parseTags(get("basis")),
      exclusionGroups: parseTags(get("exclusionGroups")),
      problems,
    },
    options,
  );
  const refs = readPictureRefs(get("picture"), get("pictureAlt"), get("optionPictures"));
  return refs ? { ...row, pictureRefs: refs } : row;
}

/** The picture columns of a row: "vneid.png", its description, and "A: a.png; C: c.png". */
function readPictureRefs(picture: string, alt: string, optionPictures: string): PictureRefs | null {
  const refs: PictureRefs = {};
  if (picture !== "") refs.question = { name: picture, alt };
  for (const part of optionPictures.split(/[;\n]/)) {
    const m = /^\s*([A-Fa-f])\s*[:=]\s*(.+?)\s*$/.exec(part);
    if (!m) continue;
    (refs.options ??= {})[OPTION_LETTERS.indexOf(m[1]!.toUpperCase() as (typeof OPTION_LETTERS)[number])] =
      m[2]!;
  }
  return refs.question || refs.options ? refs : null;
}

/** A draft as the cells of one row, in column order (the caller writes them as text). */
export function draftCells(draft: QuestionDraft, number: number, refs?: PictureRefs): string[] {
  const byId: Record<ColumnId, string> = {
    number: String(number),
    topic: draft.topic,
    difficulty: DIFFICULTY_LABELS[draft.difficulty],
    type: TYPE_LABELS[draft.type],
    text: draft.text,
    A: "",
    B: "",
    C: "",
    D: "",
    E: "",
    F: "",
    correct: draft.correct.map((i) => OPTION_LETTERS[i] ?? "?").join(", "),
    explanation: draft.explanation,
    source: joinSource(draft.source),
    tags: joinTags(draft.tags),
    validFrom: draft.validFrom ?? "",
    validUntil: draft.validUntil ?? "",
    basis: joinTags(draft.basis ?? []),
    exclusionGroups: joinTags(draft.exclusionGroups ?? []),
    picture: refs?.question?.name ?? "",
    pictureAlt: refs?.question?.alt ?? "",
    optionPictures: Object.entries(refs?.options ?? {})
      .map(([i, name]) => `${OPTION_LETTERS[Number(i)]}: ${name}`)
      .join("; "),
  };
  draft.options.forEach((option, i) => {
    const letter = OPTION_LETTERS[i];
    if (letter) byId[letter] = option;
  });
  return COLUMNS.map((c) => byId[c.id]);
}
