/**
 * The list of units (đơn vị) an organizer imports from Excel or CSV: one row per unit, header in row 1.
 *
 *   Tên đơn vị | Thuộc (đơn vị cấp trên) | Loại | Số người dự kiến
 *   An Vĩnh    |                         | Xã   | 900
 *   Thôn Đông  | An Vĩnh                 | Thôn | 250
 *
 * Two levels at most (xã → thôn). A sub-unit names its parent by name, either a unit already in the
 * contest or one higher up in the same file. Headers and kinds are matched without diacritics or case,
 * so "ten don vi" and "TÊN ĐƠN VỊ" both work. Reading the bytes (unit-list-file.server.ts, Node only) is
 * separate from checking the rows, so the checks are tested without files and the console page can use them.
 */
import { foldForDuplicate, tidy } from "./text";

export const UNIT_KINDS = ["area", "village", "agency", "school", "enterprise", "other"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_NAME_MAX_LENGTH = 200;
export const UNIT_FILE_MAX_BYTES = 2 * 1024 * 1024;
export const UNIT_FILE_MAX_ROWS = 5_000;
export const HEADCOUNT_MAX = 10_000_000;

const HEADERS: Record<"name" | "parent" | "kind" | "expected", readonly string[]> = {
  name: ["ten don vi", "don vi", "ten", "name", "unit"],
  parent: ["thuoc", "don vi cap tren", "cap tren", "thuoc don vi", "parent"],
  kind: ["loai", "loai don vi", "kind", "type"],
  expected: ["so nguoi du kien", "du kien", "chi tieu", "so luong", "expected", "headcount"],
};

const KIND_WORDS: Record<UnitKind, readonly string[]> = {
  area: ["xa", "phuong", "thi tran", "khu dan cu", "dac khu", "area", "commune"],
  village: ["thon", "to dan pho", "xom", "ap", "ban", "village"],
  agency: ["co quan", "phong", "ban nganh", "don vi su nghiep", "agency"],
  school: ["truong", "truong hoc", "school"],
  enterprise: ["doanh nghiep", "ngan hang", "cong ty", "enterprise"],
  other: ["khac", "other"],
};

export function kindFromText(text: string): UnitKind | null {
  const folded = foldForDuplicate(text);
  for (const kind of UNIT_KINDS) if (KIND_WORDS[kind].includes(folded)) return kind;
  return null;
}

export interface UnitRow {
  /** The row number the organizer sees in Excel (header = 1). */
  line: number;
  name: string;
  parent: string | null;
  kind: UnitKind;
  expected: number | null;
}

export interface UnitProblem {
  line: number | null;
  key:
    | "registration.units.import.noNameColumn"
    | "registration.units.import.nameMissing"
    | "registration.units.import.nameTooLong"
    | "registration.units.import.nameCharacters"
    | "registration.units.import.kindUnknown"
    | "registration.units.import.expectedInvalid"
    | "registration.units.import.repeated"
    | "registration.units.import.parentIsChild"
    | "registration.units.import.empty"
    | "registration.units.import.tooManyRows"
    | "registration.units.import.unreadable"
    | "registration.units.import.oldExcel"
    | "registration.units.import.tooLarge";
  params?: Record<string, string | number>;
}

/** "1.200", "1 200", "1,200" → 1200; "" → null; anything else → NaN. */
export function parseHeadcount(text: string): number | null {
  const compact = text.replace(/[\s.,]/g, "");
  if (compact === "") return null;
  if (!/^\d{1,9}$/.test(compact)) return NaN;
  const n = Number(compact);
  return n > HEADCOUNT_MAX ? NaN : n;
}

/** A unit name as shown to contestants: tidy text without control characters or angle brackets. */
export function unitNameProblem(name: string): "nameMissing" | "nameTooLong" | "nameCharacters" | null {
  if (name === "") return "nameMissing";
  if ([...name].length > UNIT_NAME_MAX_LENGTH) return "nameTooLong";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f<>]/.test(name)) return "nameCharacters";
  return null;
}

/** Checks the table (header row first) and returns the rows, or every problem found. */
export function parseUnitTable(table: readonly (readonly string[])[]): {
  rows: UnitRow[];
  problems: UnitProblem[];
} {
  const problems: UnitProblem[] = [];
  if (table.length > UNIT_FILE_MAX_ROWS + 1)
    return {
      rows: [],
      problems: [
        { line: null, key: "registration.units.import.tooManyRows", params: { max: UNIT_FILE_MAX_ROWS } },
      ],
    };
  const header = (table[0] ?? []).map((cell) => foldForDuplicate(cell));
  const column = (id: keyof typeof HEADERS) => header.findIndex((h) => HEADERS[id].includes(h));
  const columns = {
    name: column("name"),
    parent: column("parent"),
    kind: column("kind"),
    expected: column("expected"),
  };
  if (columns.name < 0)
    return { rows: [], problems: [{ line: 1, key: "registration.units.import.noNameColumn" }] };

  const rows: UnitRow[] = [];
  const seen = new Map<string, number>();
  const cell = (row: readonly string[], index: number) => (index < 0 ? "" : tidy(row[index] ?? ""));
  table.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.every((c) => tidy(c) === "")) return;
    const name = cell(raw, columns.name);
    const parentText = cell(raw, columns.parent);
    const kindText = cell(raw, columns.kind);
    const expectedText = cell(raw, columns.expected);
    const nameProblem = unitNameProblem(name);
    if (nameProblem) {
      problems.push({
        line,
        key: `registration.units.import.${nameProblem}`,
        params: { max: UNIT_NAME_MAX_LENGTH },
      });
      return;
    }
    const parent = parentText === "" ? null : parentText;
    if (parent !== null && unitNameProblem(parent)) {
      problems.push({ line, key: "registration.units.import.nameCharacters" });
      return;
    }
    const kind = kindText === "" ? (parent ? "village" : "area") : kindFromText(kindText);
    if (kind === null) {
      problems.push({ line, key: "registration.units.import.kindUnknown", params: { kind: kindText } });
      return;
    }
    const expected = parseHeadcount(expectedText);
    if (Number.isNaN(expected)) {
      problems.push({
        line,
        key: "registration.units.import.expectedInvalid",
        params: { value: expectedText },
      });
      return;
    }
    const key = `${foldForDuplicate(parent ?? "")}|${foldForDuplicate(name)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({ line, key: "registration.units.import.repeated", params: { name, first: earlier } });
      return;
    }
    seen.set(key, line);
    rows.push({ line, name, parent, kind, expected });
  });

  // Two levels only: a parent named in the file must not itself be a sub-unit in the file.
  const childNames = new Set(rows.filter((r) => r.parent).map((r) => foldForDuplicate(r.name)));
  for (const row of rows) {
    if (row.parent && childNames.has(foldForDuplicate(row.parent)))
      problems.push({
        line: row.line,
        key: "registration.units.import.parentIsChild",
        params: { parent: row.parent },
      });
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({ line: null, key: "registration.units.import.empty" });
  return { rows, problems };
}
