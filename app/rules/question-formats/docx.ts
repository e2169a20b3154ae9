/**
 * Questions written in Word (.docx), the way Vietnamese offices and schools write them (issue 15):
 *
 * - a question starts with "Câu 1." / "Câu 1:" / "1." or Word's own automatic numbering;
 * - options "A." "A)" "a." on their own lines, or several on one line (tab- or space-separated),
 *   or Word's lettered numbering;
 * - the key is the option underlined, in red, highlighted or in bold (in that order of trust; a mark
 *   every option has is formatting, not a key), or a line "Đáp án: B" ("Đáp án: A, C" for several,
 *   "Đáp án: Đúng" for a true/false question, which may leave out its options);
 * - optional lines "Giải thích:", "Nguồn:", "Chủ đề:", "Mức độ:", "Loại:", "Thẻ:", "Mô tả hình:";
 * - a heading ("Phần I. An toàn thông tin", a Heading style) is the topic of the questions under it;
 * - a table whose first row is the spreadsheet header (Câu hỏi | A | B | … | Đáp án đúng) is read one row a
 *   question, as in the Excel template;
 * - a picture in the question's text is its picture (its Word "alt text", or a "Mô tả hình:" line,
 *   describes it); a picture on an option's line belongs to that option.
 *
 * Rows are numbered in document order (`line`); problems also carry the question's own label ("Câu 7")
 * and a short quote, so the preview can say which question of the document is meant.
 */
import { OPTION_LETTERS, TRUE_FALSE_OPTIONS, type Problem, type QuestionType } from "../question";
import { foldForDuplicate } from "../text";
import { sniff } from "./bytes";
import {
  lineText,
  readBlocks,
  type Block,
  type Line,
  type LinePicture,
  type Mark,
  type Segment,
} from "./docx-document";
import {
  cleanText,
  finishRow,
  parseCorrect,
  parseDifficulty,
  parseSource,
  parseTags,
  parseType,
  type ParseOptions,
  type ParsedFile,
  type ParsedRow,
} from "./draft-row";
import type { RawPicture, RowPictures } from "./pictures";
import { problem } from "./problems";
import { mapHeader, readTableRow, type ColumnId } from "./table";
import { guardUpload, readZipEntries } from "./zip-entries";

const WORD_MEDIA_LIMITS = {
  maxEntries: 2_000,
  maxEntryBytes: 30 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
};
const MAX_QUESTIONS = 5_000;
/** Marks in the order they are trusted as a key: underline and red are rarely used for anything else. */
const MARK_ORDER: readonly Mark[] = ["underline", "red", "highlight", "bold"];

const QUESTION_START = /^\s*(?:câu(?:\s+hỏi)?|question)\s*(\d{1,4})\s*[.:)\-–]?\s*/iu;
const NUMBER_START = /^\s*(\d{1,4})\s*[.)]\s+/u;
const OPTION_MARKER = /(^|[\t ]+)([A-Fa-f])\s*[.)]\s*/gu;
const HEADING_TEXT = /^\s*(?:phần|chương|chủ\s+đề|mục)\s+(?:[IVXLC]+|\d+)\s*[.:\-–]\s*(.+)$/iu;

type Field = "explanation" | "source" | "topic" | "difficulty" | "type" | "tags" | "alt" | "key";
const FIELD_LABELS: Record<string, Field> = {
  "giai thich": "explanation",
  "giai thich dap an": "explanation",
  nguon: "source",
  "can cu": "source",
  "chu de": "topic",
  "muc do": "difficulty",
  "do kho": "difficulty",
  loai: "type",
  "loai cau hoi": "type",
  the: "tags",
  "tu khoa": "tags",
  "mo ta hinh": "alt",
  "mo ta anh": "alt",
  "dap an": "key",
  "dap an dung": "key",
  da: "key",
  answer: "key",
};

interface OptionDraft {
  letter: string;
  segments: Segment[];
  pictures: LinePicture[];
}

interface QuestionBlock {
  label: string;
  line: number;
  topic: string;
  stem: string[];
  stemPictures: LinePicture[];
  options: OptionDraft[];
  fields: Partial<Record<Field, string>>;
  lastField: Field | "stem" | null;
}

/** Segments cut at character offsets [from, to). */
function sliceSegments(segments: readonly Segment[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const s of segments) {
    const start = Math.max(from, at);
    const end = Math.min(to, at + s.text.length);
    if (end > start) out.push({ text: s.text.slice(start - at, end - at), marks: s.marks });
    at += s.text.length;
  }
  return out;
}

/** Splits a line starting with "A." into its options (several on one line when the letters follow). */
function splitOptions(line: Line, expected: number): OptionDraft[] | null {
  const text = lineText(line);
  const matches = [...text.matchAll(OPTION_MARKER)];
  const first = matches[0];
  if (!first || first.index !== 0 || first[1] !== "") return null;
  const upper = first[2] === first[2]!.toUpperCase();
  const cuts: { letterIndex: number; start: number; markerStart: number }[] = [];
  let want = OPTION_LETTERS.indexOf(first[2]!.toUpperCase() as (typeof OPTION_LETTERS)[number]);
  if (want !== expected) return null;
  for (const m of matches) {
    const letter = m[2]!;
    if ((letter === letter.toUpperCase()) !== upper) continue;
    if (OPTION_LETTERS.indexOf(letter.toUpperCase() as (typeof OPTION_LETTERS)[number]) !== want) continue;
    // A later "B." only starts an option after a tab or two spaces, or a plain space after a stop.
    if (m.index !== 0 && !/\t| {2,}/.test(m[1]!) && cuts.length > 0) {
      const before = text.slice(0, m.index).trimEnd();
      if (!/[.;,)]$/.test(before) && before.length - (cuts.at(-1)?.start ?? 0) > 40) continue;
    }
    cuts.push({ letterIndex: want, start: m.index! + m[0].length, markerStart: m.index! + m[1]!.length });
    want++;
  }
  return cuts.map((cut, i) => {
    const end = cuts[i + 1]?.markerStart ?? text.length;
    return {
      letter: OPTION_LETTERS[cut.letterIndex]!,
      segments: sliceSegments(line.segments, cut.markerStart, end),
      pictures: line.pictures.filter((p) => p.at >= cut.markerStart && (p.at < end || i === cuts.length - 1)),
    };
  });
}

/** The option's text without its "A." marker. */
const optionText = (o: OptionDraft) =>
  cleanText(
    o.segments
      .map((s) => s.text)
      .join("")
      .replace(/^\s*[A-Fa-f]\s*[.)]\s*/u, ""),
  );

/** Whether the option carries a mark on its letter or on most of its text (after the "A." marker). */
function optionHas(o: OptionDraft, mark: Mark): boolean {
  const chars = o.segments.flatMap((s) => [...s.text].map((ch) => ({ ch, on: s.marks.has(mark) })));
  const text = chars.map((c) => c.ch).join("");
  const marker = /^\s*[A-Fa-f]\s*[.)]/u.exec(text);
  const markerEnd = marker ? marker[0].length : 0;
  const letter = chars.find((c) => /[A-Fa-f]/.test(c.ch));
  const body = chars.slice(markerEnd).filter((c) => !/\s/u.test(c.ch));
  if (marker && letter?.on) return true;
  return body.length > 0 && body.filter((c) => c.on).length / body.length >= 0.6;
}

/** The key read from the options' marks, or null when no mark tells one option from the others. */
function markedKey(options: readonly OptionDraft[]): number[] | null {
  for (const mark of MARK_ORDER) {
    const marked = options.flatMap((o, i) => (optionHas(o, mark) ? [i] : []));
    if (marked.length > 0 && marked.length < options.length) return marked;
  }
  return null;
}

/** "B", "A, C", "B. Mã OTP…", "Đúng" → what parseCorrect reads. */
function keyLetters(value: string): string {
  const letters = /^\s*([A-Fa-f](?:\s*(?:,|;|và|&|\s)\s*[A-Fa-f])*)(?![\p{L}\p{N}])/u.exec(value);
  return letters ? letters[1]!.replace(/và|&/g, ",") : value;
}

function fieldOf(text: string): { field: Field; value: string } | null {
  const m = /^\s*([^:：]{1,30})[:：]\s*(.*)$/su.exec(text);
  if (!m) return null;
  const field = FIELD_LABELS[foldForDuplicate(m[1]!)];
  return field ? { field, value: m[2]!.trim() } : null;
}

const quote = (text: string) => {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > 60 ? `${t.slice(0, 57).trimEnd()}…` : t;
};

const toRaw = (p: LinePicture, alt: string): RawPicture => ({ name: p.name, alt, data: p.data });

function finishQuestion(q: QuestionBlock, options: ParseOptions): ParsedRow {
  const problems: Problem[] = [];
  let texts = q.options.map(optionText);
  const rawType = q.fields.type ?? "";
  let type: QuestionType | "" | undefined = rawType === "" ? "" : parseType(rawType);
  if (type === undefined)
    problems.push(problem("unknownType", { value: rawType, allowed: "Một đáp án, Nhiều đáp án, Đúng/Sai" }));

  const folded = texts.map((t) => foldForDuplicate(t));
  const looksTrueFalse = texts.length === 2 && folded[0] === "dung" && folded[1] === "sai";
  const keyWord = foldForDuplicate(q.fields.key ?? "");
  if (
    looksTrueFalse ||
    (texts.length === 0 && (keyWord === "dung" || keyWord === "sai" || type === "true_false"))
  ) {
    type = "true_false";
    texts = [...TRUE_FALSE_OPTIONS];
  }

  let correct: number[] = [];
  if (q.fields.key !== undefined && q.fields.key !== "") {
    const read = parseCorrect(keyLetters(q.fields.key), type || undefined, texts.length);
    correct = read.correct;
    problems.push(...read.problems);
  } else {
    const marked = q.options.length > 0 ? markedKey(q.options) : null;
    if (marked) correct = marked;
    else problems.push(problem("wordNoKey"));
  }
  if (type === "") type = correct.length > 1 ? "multiple" : "single";

  const rawDifficulty = q.fields.difficulty ?? "";
  const difficulty = rawDifficulty === "" ? "" : parseDifficulty(rawDifficulty);
  if (difficulty === undefined)
    problems.push(problem("unknownDifficulty", { value: rawDifficulty, allowed: "Dễ, Trung bình, Khó" }));

  const pictures: RowPictures = {};
  const [stemPicture, ...extra] = q.stemPictures;
  if (stemPicture) {
    const alt = cleanText(q.fields.alt ?? stemPicture.alt);
    pictures.question = toRaw(stemPicture, alt);
    if (alt === "") problems.push(problem("pictureNoAlt"));
  }
  if (extra.length > 0) problems.push(problem("tooManyPictures"));
  q.options.forEach((o, i) => {
    const picture = o.pictures[0];
    if (picture) (pictures.options ??= {})[i] = toRaw(picture, texts[i] || picture.alt);
  });

  const text = cleanText(q.stem.join("\n"));
  const row = finishRow(
    {
      line: q.line,
      topic: cleanText(q.fields.topic ?? q.topic),
      difficulty,
      type,
      text,
      options: texts,
      correct,
      explanation: cleanText(q.fields.explanation ?? ""),
      source: parseSource(q.fields.source ?? ""),
      tags: parseTags(q.fields.tags ?? ""),
      problems,
    },
    options,
  );
  const hasNoKey = row.problems.some((p) => p.code === "wordNoKey");
  const at = { at: q.label, quote: quote(text || q.stem.join(" ")) };
  return {
    ...row,
    problems: row.problems
      .filter((p) => !(hasNoKey && p.code === "missingCorrect"))
      .map((p) => ({ ...p, params: { ...p.params, ...at } })),
    label: at,
    ...(pictures.question || pictures.options ? { pictures } : {}),
  };
}

/** A table with the spreadsheet's header: one row a question, read like a row of the Excel template. */
function readQuestionTable(
  rows: Line[][][],
  topic: string,
  firstLine: number,
  options: ParseOptions,
): ParsedRow[] | null {
  const cellText = (cell: Line[] | undefined) => cleanText((cell ?? []).map(lineText).join("\n"));
  const header = rows[0]?.map(cellText) ?? [];
  const mapped = mapHeader(header);
  if (!("columns" in mapped)) return null;
  const { columns } = mapped;
  const out: ParsedRow[] = [];
  for (const cells of rows.slice(1)) {
    const cell = (id: ColumnId) => {
      const index = columns[id];
      if (index !== undefined) return cellText(cells[index]);
      return id === "topic" ? topic : "";
    };
    const letters = OPTION_LETTERS.filter((l) => columns[l] !== undefined);
    // The key may be marked on an option cell instead of written in its column.
    let keyCell = cell("correct");
    if (keyCell === "") {
      const optionDrafts: OptionDraft[] = letters.map((l) => ({
        letter: l,
        segments: (cells[columns[l]!] ?? []).flatMap((line) => line.segments),
        pictures: [],
      }));
      const filled = optionDrafts.filter((o) => optionText(o) !== "");
      const marked = markedKey(filled);
      if (marked) keyCell = marked.map((i) => filled[i]!.letter).join(", ");
    }
    const line = firstLine + out.length;
    const number = cell("number");
    // Without a type column, the number of letters in the key says it.
    const typeCell =
      cell("type") ||
      (keyCell === ""
        ? ""
        : keyCell.split(/[,;\s]+/).filter(Boolean).length > 1
          ? "Nhiều đáp án"
          : "Một đáp án");
    const row = readTableRow(
      line,
      (id) => (id === "correct" ? keyCell : id === "type" ? typeCell : cell(id)),
      options,
    );
    if (!row) continue;
    const textIndex = columns.text;
    const picture =
      textIndex === undefined ? undefined : (cells[textIndex] ?? []).flatMap((l) => l.pictures)[0];
    const problems = [...row.problems];
    const pictures: RowPictures = {};
    if (picture) {
      pictures.question = toRaw(picture, picture.alt);
      if (picture.alt === "") problems.push({ ...problem("pictureNoAlt"), line });
    }
    const at = {
      at: number !== "" ? `Câu ${number}` : `Câu ${line}`,
      quote: quote(row.draft?.text ?? cell("text")),
    };
    out.push({
      ...row,
      problems: problems.map((p) => ({ ...p, params: { ...p.params, ...at } })),
      label: at,
      ...(picture ? { pictures } : {}),
    });
  }
  return out;
}

/** Reads the blocks of a document into question rows. */
export function readQuestions(blocks: readonly Block[], options: ParseOptions = {}): ParsedRow[] {
  const rows: ParsedRow[] = [];
  let topic = "";
  let current: QuestionBlock | null = null;
  let autoNumber = 0;
  const flush = () => {
    if (current) rows.push(finishQuestion(current, options));
    current = null;
  };
  const start = (label: string, rest: Line | null, restText: string) => {
    flush();
    current = {
      label,
      line: rows.length + 1,
      topic,
      stem: restText.trim() === "" ? [] : [restText],
      stemPictures: rest ? [...rest.pictures] : [],
      options: [],
      fields: {},
      lastField: "stem",
    };
  };

  const lines: Line[] = [];
  for (const block of blocks) {
    if (block.kind === "line") {
      lines.push(block.line);
      continue;
    }
    // A question table stands alone; any other table (a layout grid) is read cell by cell, as lines.
    for (const line of lines.splice(0)) handle(line);
    flush();
    const table = readQuestionTable(block.rows, topic, rows.length + 1, options);
    if (table) rows.push(...table);
    else for (const line of block.rows.flat(2)) handle(line);
  }
  for (const line of lines.splice(0)) handle(line);
  flush();
  return rows.slice(0, MAX_QUESTIONS);

  function handle(line: Line) {
    const text = lineText(line);
    const trimmed = text.trim();
    if (trimmed === "" && line.pictures.length === 0) return;
    const q = current as QuestionBlock | null;

    const headingMatch = HEADING_TEXT.exec(trimmed);
    if (line.heading || (headingMatch && !q?.options.length && !QUESTION_START.test(trimmed))) {
      if (line.heading || headingMatch) {
        flush();
        topic = cleanText(headingMatch?.[1] ?? trimmed);
        return;
      }
    }

    const questionMatch = QUESTION_START.exec(text);
    if (questionMatch) {
      start(`Câu ${questionMatch[1]}`, line, text.slice(questionMatch[0].length));
      return;
    }
    if (line.numbering && line.numbering.kind === "number" && line.numbering.level === 0) {
      autoNumber++;
      start(`Câu ${autoNumber}`, line, text);
      return;
    }
    const numberMatch = NUMBER_START.exec(text);
    if (numberMatch && (!q || q.options.length > 0 || q.lastField !== "stem")) {
      start(`Câu ${numberMatch[1]}`, line, text.slice(numberMatch[0].length));
      return;
    }
    if (!q) return; // Text before the first question: a title, instructions.

    const field = fieldOf(trimmed);
    if (field) {
      q.fields[field.field] = field.value;
      q.lastField = field.field;
      return;
    }
    if (line.numbering && line.numbering.kind === "letter" && q.lastField !== "explanation") {
      const letter = OPTION_LETTERS[q.options.length];
      if (letter) {
        q.options.push({
          letter,
          segments: [{ text: `${letter}. `, marks: new Set() }, ...line.segments],
          pictures: line.pictures,
        });
        q.lastField = null;
        return;
      }
    }
    if (q.lastField === "stem" || q.options.length > 0) {
      const options = splitOptions(line, q.options.length);
      if (options && options.length > 0) {
        q.options.push(...options);
        q.lastField = null;
        return;
      }
    }
    if (q.lastField === "stem") {
      if (trimmed !== "") q.stem.push(text);
      q.stemPictures.push(...line.pictures);
    } else if (q.lastField === "explanation" || q.lastField === "source") {
      q.fields[q.lastField] = `${q.fields[q.lastField] ?? ""}\n${trimmed}`;
    } else if (q.options.length > 0 && q.lastField === null && trimmed !== "") {
      // A wrapped option continues on the next line.
      const last = q.options[q.options.length - 1]!;
      last.segments.push({ text: ` ${text}`, marks: new Set() }, ...[]);
      last.pictures.push(...line.pictures);
    } else if (trimmed === "" && q.options.length > 0) {
      q.options[q.options.length - 1]!.pictures.push(...line.pictures);
    }
  }
}

/** Reads a .docx. Macro-enabled documents, old binary .doc files and anything else are refused. */
export async function parseDocx(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
  const kind = sniff(bytes);
  if (kind === "ole") return { rows: [], fileProblems: [problem("wordOldFormat")] };
  if (kind !== "zip") return { rows: [], fileProblems: [problem("notAWordDocument")] };
  const guarded = await guardUpload(bytes);
  if (guarded) return { rows: [], fileProblems: [guarded] };
  const read = readZipEntries(
    bytes,
    (name) =>
      name === "[Content_Types].xml" ||
      name.startsWith("word/") ||
      name.toLowerCase().endsWith("vbaproject.bin"),
    WORD_MEDIA_LIMITS,
  );
  if ("error" in read)
    return {
      rows: [],
      fileProblems: [problem(read.error === "tooLarge" ? "workbookTooLarge" : "notAWordDocument")],
    };
  const { entries } = read;
  const contentTypes = entries.get("[Content_Types].xml")?.toString("utf8") ?? "";
  if (/macroEnabled/i.test(contentTypes) || [...entries.keys()].some((n) => /vbaproject\.bin$/i.test(n)))
    return { rows: [], fileProblems: [problem("wordMacros")] };
  const document = entries.get("word/document.xml")?.toString("utf8");
  if (!document) {
    const spreadsheet = [...entries.keys()].some((n) => n.startsWith("xl/"));
    return { rows: [], fileProblems: [problem(spreadsheet ? "wordIsWorkbook" : "notAWordDocument")] };
  }
  // Word never writes a DOCTYPE; one here could only be there to expand entities.
  if (/<!DOCTYPE/i.test(document)) return { rows: [], fileProblems: [problem("notAWordDocument")] };
  let blocks: Block[];
  try {
    blocks = readBlocks({
      document,
      relationships: entries.get("word/_rels/document.xml.rels")?.toString("utf8") ?? null,
      numbering: entries.get("word/numbering.xml")?.toString("utf8") ?? null,
      styles: entries.get("word/styles.xml")?.toString("utf8") ?? null,
      media: entries,
    });
  } catch {
    return { rows: [], fileProblems: [problem("notAWordDocument")] };
  }
  const rows = readQuestions(blocks, options);
  return { rows, fileProblems: rows.length === 0 ? [problem("noQuestions")] : [] };
}
