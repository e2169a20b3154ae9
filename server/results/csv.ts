/**
 * The ranking as CSV, made for Excel on a Vietnamese Windows (issue 11), the same columns as the
 * workbook's "Xếp hạng" sheet:
 * - UTF-8 with a byte-order mark (without it Excel reads the file as the PC's legacy code page and
 *   Vietnamese turns to mojibake), CRLF line ends;
 * - `;` between fields and a decimal comma ("12,345"): Windows' Vietnamese regional settings use `,` as
 *   the decimal symbol and therefore `;` as the list separator, and Excel opens a double-clicked CSV
 *   with those. (A `sep=;` first line would also work, but Excel then ignores the byte-order mark.)
 * - digit strings that must keep their leading zero (phone numbers) are written `="0901234567"`: Excel
 *   evaluates that formula to the text itself, where a plain 0901234567 would become the number
 *   901234567. LibreOffice shows the formula unless "Evaluate formulas" is ticked on import; the .xlsx
 *   workbook, which the console recommends, needs none of this.
 * A text that a spreadsheet would run as a formula (starting with =, +,
 * -, @, a tab or a carriage return) gets a leading apostrophe, as OWASP recommends against CSV
 * injection: the name still reads the same, and Excel shows it as text.
 */
import { stringify } from "csv-stringify/sync";
import { translate, type MessageKey } from "~/i18n";
import { formatVnDate, formatVnTime } from "~/rules/vn-time";
import type { OverallResultRow, RankedRow, RoundResults } from "./model";

export const BOM = "\uFEFF";

const t = (key: MessageKey, params?: Record<string, string | number>) => translate("vi", key, params);

/** A text cell that cannot be run as a formula. */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const birth = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso.split("-").reverse().join("/") : iso);

function vnDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const seconds = String(new Date(date.getTime() + 7 * 3600_000).getUTCSeconds()).padStart(2, "0");
  return `${formatVnDate(date)} ${formatVnTime(date)}:${seconds}`;
}

export const CSV_DELIMITER = ";";

/** A digit string Excel must keep as written (leading zero, more than 15 digits). */
export function keepDigits(value: string): string {
  return /^\d+$/.test(value) ? `="${value}"` : safeText(value);
}

/** A number with the decimal comma Vietnamese Excel reads. */
export function decimal(value: number | string | null): string | null {
  return value === null ? null : String(value).replace(".", ",");
}

function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return BOM + stringify([header, ...rows], { delimiter: CSV_DELIMITER, record_delimiter: "\r\n" });
}

export function rankingCsv(results: RoundResults | { ranking: readonly RankedRow[] }): string {
  const header = [
    "results.col.rank",
    "results.col.fullName",
    "results.col.birthDate",
    "results.col.gender",
    "results.col.phone",
    "results.col.unit",
    "results.col.category",
    "results.col.score",
    "results.col.correctCount",
    "results.col.duration",
    "results.col.prediction",
    "results.col.predictionDistance",
    "results.col.submittedAt",
    "results.col.prize",
  ].map((k) => t(k as MessageKey));
  return toCsv(
    header,
    results.ranking.map((r) => [
      r.rank,
      safeText(r.fullName),
      birth(r.birthDate),
      t(`results.gender.${r.gender}`),
      keepDigits(r.phone),
      safeText(r.unitName),
      safeText(r.categoryName),
      decimal(r.score),
      r.correctCount,
      decimal((r.durationMs / 1000).toFixed(3)),
      decimal(r.prediction),
      decimal(r.predictionDistance),
      vnDateTime(r.submittedAt),
      r.prize ? t(`round.prize.${r.prize}`) : "",
    ]),
  );
}

export function overallCsv(
  rows: readonly OverallResultRow[],
  rounds: readonly { id: number; title: string }[],
): string {
  const header = [
    t("results.col.rank"),
    t("results.col.fullName"),
    t("results.col.birthDate"),
    t("results.col.gender"),
    t("results.col.phone"),
    t("results.col.unit"),
    t("results.col.category"),
    t("results.col.rounds"),
    t("results.col.totalScore"),
    t("results.col.totalDuration"),
    ...rounds.map((r) => t("results.col.scoreIn", { round: r.title })),
  ];
  return toCsv(
    header.map(safeText),
    rows.map((o) => [
      o.rank,
      safeText(o.fullName),
      birth(o.birthDate),
      t(`results.gender.${o.gender}`),
      keepDigits(o.phone),
      safeText(o.unitName),
      safeText(o.categoryName),
      o.rounds,
      decimal(o.totalScore),
      decimal((o.totalDurationMs / 1000).toFixed(3)),
      ...rounds.map((r) => decimal(o.scores[r.id] ?? null)),
    ]),
  );
}
