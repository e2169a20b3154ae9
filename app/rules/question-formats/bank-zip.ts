/**
 * A bank with pictures as one `.zip` (issue 15): the question sheet (.xlsx or .csv, the same columns as the
 * template) and a `pictures/` folder; the sheet's "Hình" and "Hình phương án" columns name the files.
 * Export writes the same zip, so a round trip keeps every picture.
 */
import { OPTION_LETTERS, type QuestionDraft } from "../question";
import { parseCsv, serializeCsv } from "./csv";
import type { ParseOptions, ParsedFile, ParsedRow } from "./draft-row";
import { baseName, isPictureName, type PictureRefs, type RawPicture, type RowPictures } from "./pictures";
import { problem } from "./problems";
import { parseXlsx, serializeXlsx, type WorkbookText } from "./xlsx";
import { guardUpload, readZipEntries, writeZip } from "./zip-entries";

const BANK_ZIP_LIMITS = {
  maxEntries: 5_000,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
};

/** Turns a row's picture names into the pictures themselves; `files` is null for a sheet without its zip. */
export function resolvePictureRefs(
  rows: readonly ParsedRow[],
  files: ReadonlyMap<string, Uint8Array> | null,
) {
  return rows.map((row): ParsedRow => {
    const refs = row.pictureRefs;
    if (!refs) return row;
    const problems = [...row.problems];
    const find = (name: string): RawPicture["data"] | null => {
      const wanted = baseName(name.trim()).toLowerCase();
      return files?.get(wanted) ?? null;
    };
    const pictures: RowPictures = {};
    if (refs.question) {
      const data = find(refs.question.name);
      if (!data)
        problems.push({ ...problem("pictureNotFound", { name: refs.question.name }), line: row.line });
      else {
        pictures.question = { name: refs.question.name, alt: refs.question.alt, data };
        if (refs.question.alt.trim() === "") problems.push({ ...problem("pictureNoAlt"), line: row.line });
      }
    }
    for (const [index, name] of Object.entries(refs.options ?? {})) {
      const data = find(name);
      const i = Number(index);
      if (!data) problems.push({ ...problem("pictureNotFound", { name }), line: row.line });
      else
        (pictures.options ??= {})[i] = { name, alt: row.draft?.options[i] ?? OPTION_LETTERS[i] ?? "", data };
    }
    return {
      ...row,
      problems,
      ...(pictures.question || pictures.options ? { pictures } : {}),
    };
  });
}

export async function parseBankZip(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
  const guarded = await guardUpload(bytes);
  if (guarded) return { rows: [], fileProblems: [guarded] };
  const read = readZipEntries(bytes, () => true, BANK_ZIP_LIMITS);
  if ("error" in read)
    return {
      rows: [],
      fileProblems: [problem(read.error === "tooLarge" ? "workbookTooLarge" : "zipNoWorkbook")],
    };
  const sheets = [...read.entries.keys()].filter(
    (n) => !n.startsWith("__MACOSX/") && /\.(xlsx|csv)$/i.test(n) && !baseName(n).startsWith("~$"),
  );
  const sheetName = sheets.sort((a, b) => a.split("/").length - b.split("/").length)[0];
  if (!sheetName) return { rows: [], fileProblems: [problem("zipNoWorkbook")] };
  const sheet = read.entries.get(sheetName)!;
  const parsed = sheetName.toLowerCase().endsWith(".csv")
    ? await parseCsv(sheet, options)
    : await parseXlsx(sheet, options);
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of read.entries)
    if (isPictureName(name) && !name.startsWith("__MACOSX/")) files.set(baseName(name).toLowerCase(), data);
  return { ...parsed, rows: resolvePictureRefs(parsed.rows, files) };
}

/** A stored picture as an export writes it. */
export interface ExportPicture {
  fileName: string;
  alt: string;
  bytes: Uint8Array;
}
export interface DraftPictures {
  question?: ExportPicture;
  options?: Record<number, ExportPicture>;
}

/** Names in the zip that say which question they belong to: cau-12.webp, cau-12-B.webp. */
function exportName(number: number, letter: string | null, fileName: string): string {
  const ext = /\.[a-z0-9]+$/i.exec(fileName)?.[0] ?? ".webp";
  return `cau-${number}${letter ? `-${letter}` : ""}${ext}`;
}

export async function serializeBankZip(
  format: "xlsx" | "csv",
  drafts: readonly QuestionDraft[],
  pictures: readonly (DraftPictures | undefined)[],
  text?: WorkbookText,
): Promise<Buffer> {
  const files: { name: string; data: Uint8Array }[] = [];
  const refs = drafts.map((_, i): PictureRefs | undefined => {
    const p = pictures[i];
    if (!p) return undefined;
    const r: PictureRefs = {};
    if (p.question) {
      const name = exportName(i + 1, null, p.question.fileName);
      files.push({ name: `pictures/${name}`, data: p.question.bytes });
      r.question = { name, alt: p.question.alt };
    }
    for (const [index, picture] of Object.entries(p.options ?? {})) {
      const name = exportName(i + 1, OPTION_LETTERS[Number(index)] ?? index, picture.fileName);
      files.push({ name: `pictures/${name}`, data: picture.bytes });
      (r.options ??= {})[Number(index)] = name;
    }
    return r.question || r.options ? r : undefined;
  });
  const sheet = format === "xlsx" ? await serializeXlsx(drafts, text, refs) : serializeCsv(drafts, refs);
  return writeZip([{ name: `cau-hoi.${format}`, data: sheet }, ...files]);
}
