/**
 * CSV with the spreadsheet's columns (table.ts). Read: UTF-8 with or without BOM, comma, semicolon
 * (Excel in a Vietnamese locale) or tab, detected from the header line; quoted fields may hold line breaks.
 * Rows are numbered as Excel shows them (header = 1), so "Dòng 14" is the row the organizer sees.
 * Write: BOM, comma, CRLF. A field starting with = + - @ gets a leading apostrophe so Excel opening the file
 * shows text instead of running a formula; reading removes exactly that apostrophe again.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { QuestionDraft } from "../question";
import { decodeText } from "./bytes";
import type { ParseOptions, ParsedFile, ParsedRow } from "./draft-row";
import { problem } from "./problems";
import type { PictureRefs } from "./pictures";
import { HEADERS, draftCells, mapHeader, readTableRow } from "./table";

const FORMULA_START = /^'*[=+\-@]/;

/** Reversible: only texts matching /^'*[=+\-@]/ gain an apostrophe, and only /^'+[=+\-@]/ lose one. */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
export function unguardFormula(value: string): string {
  return /^'+[=+\-@]/.test(value) ? value.slice(1) : value;
}

/** The separator that occurs most in the first line, outside quotes. */
export function detectDelimiter(text: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","]) return "\t";
  return ",";
}

export async function parseCsv(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
  if (bytes.length === 0) return { rows: [], fileProblems: [problem("fileEmpty")] };
  const decoded = decodeText(bytes, "CSV");
  if ("problem" in decoded) return { rows: [], fileProblems: [decoded.problem] };
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { rows: [], fileProblems: [problem("fileEmpty")] };

  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    const line = typeof error === "object" && error !== null && "lines" in error ? Number(error.lines) : 0;
    return { rows: [], fileProblems: [problem("csvMalformed", { line })] };
  }
  const [header = [], ...data] = records;
  const mapped = mapHeader(header);
  if ("problem" in mapped) return { rows: [], fileProblems: [{ ...mapped.problem, line: 1 }] };
  const { columns } = mapped;

  const rows: ParsedRow[] = [];
  data.forEach((record, i) => {
    const row = readTableRow(
      i + 2,
      (id) => unguardFormula((columns[id] !== undefined ? record[columns[id]] : "") ?? ""),
      options,
    );
    if (row) rows.push(row);
  });
  return { rows, fileProblems: rows.length === 0 ? [problem("noQuestions")] : [] };
}

export function serializeCsv(
  drafts: readonly QuestionDraft[],
  refs: readonly (PictureRefs | undefined)[] = [],
): Buffer {
  const records = [
    [...HEADERS],
    ...drafts.map((d, i) => draftCells(d, i + 1, refs[i]).map((v) => guardFormula(v))),
  ];
  // `;` as the list separator of Windows' Vietnamese regional settings: Excel opens the file in columns there;
  // the importer detects the separator, so files written with `,` still read.
  const text = stringify(records, { bom: true, delimiter: ";", record_delimiter: "windows" });
  return Buffer.from(text, "utf8");
}
