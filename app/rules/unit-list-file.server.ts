/**
 * Reading an uploaded unit list (unit-list.ts describes the table): the first sheet of an .xlsx, or a
 * UTF-8 CSV with comma, semicolon or tab. Node only (zip checks use node:zlib), hence `.server`.
 */
import ExcelJS from "exceljs";
import { parse as parseCsvText } from "csv-parse/sync";
import { cellText } from "./question-formats/xlsx";
import { guardUpload, UPLOAD_LIMITS } from "./upload-guard";
import { sniff } from "./question-formats/bytes";
import { detectDelimiter } from "./question-formats/csv";
import { UNIT_FILE_MAX_BYTES, UNIT_FILE_MAX_ROWS, type UnitProblem } from "./unit-list";

/** The cells of the first sheet of an .xlsx, or of a UTF-8 CSV (comma, semicolon or tab). */
export async function readUnitFile(
  bytes: Uint8Array,
): Promise<{ table: string[][] } | { problem: UnitProblem }> {
  if (bytes.byteLength > UNIT_FILE_MAX_BYTES)
    return {
      problem: {
        line: null,
        key: "registration.units.import.tooLarge",
        params: { mb: UNIT_FILE_MAX_BYTES / 1024 / 1024 },
      },
    };
  const unreadable = { problem: { line: null, key: "registration.units.import.unreadable" } as UnitProblem };
  const kind = sniff(bytes);
  if (kind === "ole") return { problem: { line: null, key: "registration.units.import.oldExcel" } };
  if (kind === "zip") {
    // The one upload guard: real inflated bytes are counted before ExcelJS expands anything.
    const guarded = await guardUpload(bytes, UPLOAD_LIMITS.unitList);
    if (!guarded.ok)
      return guarded.problem === "unreadable"
        ? unreadable
        : {
            problem: {
              line: null,
              key: "registration.units.import.tooLarge",
              params: { mb: UNIT_FILE_MAX_BYTES / 1024 / 1024 },
            },
          };
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes.slice().buffer);
    } catch {
      return unreadable;
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) return unreadable;
    const width = Math.min(sheet.columnCount, 20);
    const table: string[][] = [];
    // One row over the limit is enough for parseUnitTable to refuse the file as a whole.
    const last = Math.min(sheet.rowCount, UNIT_FILE_MAX_ROWS + 2);
    for (let r = 1; r <= last; r++) {
      const row = sheet.getRow(r);
      table.push(Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1).value).text));
    }
    return { table };
  }
  if (kind !== "text") return unreadable;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return unreadable;
  }
  try {
    const table = parseCsvText(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      to_line: UNIT_FILE_MAX_ROWS + 2,
    }) as string[][];
    return { table };
  } catch {
    return unreadable;
  }
}
