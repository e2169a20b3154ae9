/**
 * Excel (.xlsx), the organizers' main path: first sheet, header in row 1 (see table.ts).
 * Reading takes each cell's text (rich text joined, a formula's cached result, dates as dd/mm/yyyy);
 * writing puts every cell as a string in a text-formatted column, so "=1+1" stays text.
 */
import ExcelJS from "exceljs";
import type { CellValue, DataValidation } from "exceljs";
import type { Problem, QuestionDraft } from "../question";
import { guardUpload, UPLOAD_LIMITS, type UploadProblem } from "../upload-guard";
import { MAX_QUESTION_ROWS, sniff } from "./bytes";
import type { ParseOptions, ParsedFile, ParsedRow } from "./draft-row";
import type { PictureRefs } from "./pictures";
import { problem } from "./problems";
import { COLUMNS, HEADERS, draftCells, mapHeader, readTableRow, type ColumnId } from "./table";

const GUARD_PROBLEMS: Record<UploadProblem, Problem> = {
  tooLarge: problem("fileTooLarge", { maxMb: UPLOAD_LIMITS.questionFile.maxBytes / 1024 / 1024 }),
  tooManyEntries: problem("workbookTooLarge"),
  inflatesTooMuch: problem("workbookTooLarge"),
  ratioTooHigh: problem("workbookTooLarge"),
  unreadable: problem("workbookUnreadable"),
};

const pad = (n: number) => String(n).padStart(2, "0");

/** The text a reader sees in the cell; `noResult` for a formula Excel never calculated. */
export function cellText(value: CellValue): { text: string; noResult?: true } {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: value };
  if (typeof value === "number") return { text: String(value) };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date)
    return { text: `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}` };
  if ("richText" in value) return { text: value.richText.map((run) => run.text).join("") };
  if ("hyperlink" in value) return cellText(value.text as CellValue);
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (
      result === undefined ||
      (typeof result === "object" && !(result instanceof Date) && "error" in result)
    )
      return { text: "", noResult: true };
    return cellText(result);
  }
  if ("error" in value) return { text: "", noResult: true };
  return { text: "" };
}

async function loadWorkbook(
  bytes: Uint8Array,
): Promise<{ workbook: ExcelJS.Workbook } | { problem: Problem }> {
  const kind = sniff(bytes);
  if (kind === "ole") return { problem: problem("oldExcelFormat") };
  if (kind !== "zip") return { problem: problem("notAWorkbook") };
  // The real inflated size is measured before ExcelJS (which trusts the zip's directory) expands it.
  const guarded = await guardUpload(bytes, UPLOAD_LIMITS.questionFile);
  if (!guarded.ok) return { problem: GUARD_PROBLEMS[guarded.problem] };
  // A zip without the workbook part (the name ExcelJS reads it under) holds no sheet: say so here,
  // rather than leave it to ExcelJS, which sometimes throws on such a zip and sometimes gives an empty
  // workbook, depending on how its streams happen to interleave.
  if (!guarded.entries.some((entry) => entry.name === "xl/workbook.xml"))
    return { problem: problem("noSheet") };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer); // ExcelJS types its input as an ArrayBuffer
  } catch {
    return { problem: problem("workbookUnreadable") };
  }
  return { workbook };
}

export async function parseXlsx(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
  const loaded = await loadWorkbook(bytes);
  if ("problem" in loaded) return { rows: [], fileProblems: [loaded.problem] };
  const sheet = loaded.workbook.worksheets[0];
  if (!sheet) return { rows: [], fileProblems: [problem("noSheet")] };

  const width = Math.min(Math.max(sheet.columnCount, COLUMNS.length), 100);
  const header = sheet.getRow(1);
  const headerCells = Array.from({ length: width }, (_, i) => cellText(header.getCell(i + 1).value).text);
  if (headerCells.every((c) => c.trim() === "") && sheet.rowCount <= 1)
    return { rows: [], fileProblems: [problem("fileEmpty")] };
  const mapped = mapHeader(headerCells);
  if ("problem" in mapped) return { rows: [], fileProblems: [{ ...mapped.problem, line: 1 }] };
  const { columns } = mapped;
  const headerOf = (id: ColumnId) => headerCells[columns[id] ?? 0]?.trim() || id;

  // Over the limit the file is refused as a whole: a cut file would import part of a bank silently.
  if (sheet.actualRowCount - 1 > MAX_QUESTION_ROWS)
    return { rows: [], fileProblems: [problem("tooManyRows", { max: MAX_QUESTION_ROWS })] };
  const rows: ParsedRow[] = [];
  const last = sheet.rowCount;
  for (let r = 2; r <= last; r++) {
    const row = sheet.getRow(r);
    const extra: Problem[] = [];
    const merged: string[] = [];
    const texts = new Map<ColumnId, string>();
    for (const c of COLUMNS) {
      const index = columns[c.id];
      if (index === undefined) continue;
      const cell = row.getCell(index + 1);
      const read = cellText(cell.value);
      if (read.noResult) extra.push(problem("formulaWithoutResult", { column: headerOf(c.id) }));
      if (cell.isMerged) merged.push(headerOf(c.id));
      texts.set(c.id, read.text);
    }
    if (merged.length > 0) extra.push(problem("mergedCells", { columns: merged.join(", ") }));
    const parsed = readTableRow(r, (id) => texts.get(id) ?? "", options, extra);
    if (parsed) rows.push(parsed);
  }
  return { rows, fileProblems: rows.length === 0 ? [problem("noQuestions")] : [] };
}

const WIDTHS: Record<ColumnId, number> = {
  number: 6,
  topic: 22,
  difficulty: 12,
  type: 15,
  text: 60,
  A: 28,
  B: 28,
  C: 28,
  D: 28,
  E: 20,
  F: 20,
  correct: 12,
  explanation: 50,
  source: 50,
  tags: 18,
  validFrom: 14,
  validUntil: 14,
  basis: 24,
  exclusionGroups: 20,
  picture: 20,
  pictureAlt: 30,
  optionPictures: 24,
};
const LONG_TEXT: ReadonlySet<ColumnId> = new Set([
  "text",
  "A",
  "B",
  "C",
  "D",
  "E",
  "F",
  "explanation",
  "source",
]);
/** Rows given drop-down lists below the data, so an organizer adding rows still gets them. */
const VALIDATED_ROWS = 500;

/**
 * One validation over a whole range. ExcelJS has `worksheet.dataValidations.add(range, …)` but leaves it out
 * of its types; per-cell validations would be merged by ExcelJS into overlapping ranges (it sorts "C10" before "C2").
 */
function addValidation(sheet: ExcelJS.Worksheet, range: string, validation: DataValidation): void {
  const holder: unknown = Reflect.get(sheet, "dataValidations");
  if (typeof holder === "object" && holder !== null && "add" in holder && typeof holder.add === "function")
    holder.add.call(holder, range, validation);
}

/**
 * The words a written workbook carries beside the questions: its author and the guide sheet. The caller
 * gives them in the reader's language (`workbookText` in app/i18n/workbook.ts); without them the workbook
 * has the question sheet only.
 */
export interface WorkbookText {
  creator: string;
  guideSheet: string;
  guideTitle: string;
  guideLines: readonly string[];
}

function buildWorkbook(
  drafts: readonly QuestionDraft[],
  text: WorkbookText | undefined,
  refs: readonly (PictureRefs | undefined)[] = [],
): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  if (text) workbook.creator = text.creator;
  const sheet = workbook.addWorksheet("Câu hỏi", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({
    key: c.id,
    width: WIDTHS[c.id],
    // "@" = Text: what an organizer types later ("=…", "03/6/2020") also stays text.
    style: { numFmt: "@", alignment: { vertical: "top", wrapText: LONG_TEXT.has(c.id) } },
  }));
  const header = sheet.addRow(HEADERS);
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
    cell.border = { bottom: { style: "thin", color: { argb: "FF000000" } } };
  });
  header.height = 22;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };

  drafts.forEach((draft, i) => {
    const row = sheet.addRow([]);
    draftCells(draft, i + 1, refs[i]).forEach((value, c) => {
      // Strings, never formulas: ExcelJS writes a string value as a shared string whatever it starts with.
      row.getCell(c + 1).value = value;
    });
  });

  const lists: [ColumnId, string[]][] = [
    ["difficulty", ["Dễ", "Trung bình", "Khó"]],
    ["type", ["Một đáp án", "Nhiều đáp án", "Đúng/Sai"]],
  ];
  const lastValidated = Math.max(drafts.length + 1, VALIDATED_ROWS);
  for (const [id, values] of lists) {
    const letter = String.fromCharCode(65 + COLUMNS.findIndex((c) => c.id === id));
    addValidation(sheet, `${letter}2:${letter}${lastValidated}`, {
      type: "list",
      allowBlank: true,
      formulae: [`"${values.join(",")}"`],
      showErrorMessage: true,
      errorTitle: HEADERS[letter.charCodeAt(0) - 65],
      error: values.join(", "),
    });
  }

  if (!text) return workbook;
  const guide = workbook.addWorksheet(text.guideSheet);
  guide.getColumn(1).width = 120;
  guide.getColumn(1).alignment = { wrapText: true, vertical: "top" };
  const title = guide.addRow([text.guideTitle]);
  title.font = { bold: true, size: 14 };
  for (const line of text.guideLines) guide.addRow([line]);
  return workbook;
}

export async function serializeXlsx(
  drafts: readonly QuestionDraft[],
  text?: WorkbookText,
  refs?: readonly (PictureRefs | undefined)[],
): Promise<Buffer> {
  const data = await buildWorkbook(drafts, text, refs).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** The example row of the template: a real question, from the bundled bank's README. */
export const TEMPLATE_EXAMPLE: QuestionDraft = {
  topic: "Chính quyền số",
  type: "single",
  difficulty: "easy",
  text: "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 được phê duyệt tại văn bản nào?",
  options: [
    "Quyết định 749/QĐ-TTg",
    "Quyết định 942/QĐ-TTg",
    "Quyết định 411/QĐ-TTg",
    "Quyết định 06/QĐ-TTg",
  ],
  correct: [0],
  explanation:
    "Ngày 03/6/2020, Thủ tướng Chính phủ ban hành Quyết định 749/QĐ-TTg phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030.",
  source: {
    document: "Quyết định 749/QĐ-TTg ngày 03/6/2020",
    title: "Phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
    article: "Điều 1",
  },
  tags: ["749"],
};

/** The workbook organizers download from the console: styled header, lists, one example row, a guide sheet. */
export function xlsxTemplate(text: WorkbookText): Promise<Buffer> {
  return serializeXlsx([TEMPLATE_EXAMPLE], text);
}
