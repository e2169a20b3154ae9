/**
 * The ranking as CSV: UTF-8 with a byte-order mark (without it Excel reads the file as the PC's
 * legacy code page and Vietnamese turns to mojibake), CRLF line ends, the same columns as the
 * workbook's "Xếp hạng" sheet. A text that a spreadsheet would run as a formula (starting with =, +,
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

function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return BOM + stringify([header, ...rows], { record_delimiter: "\r\n" });
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
      safeText(r.phone),
      safeText(r.unitName),
      safeText(r.categoryName),
      r.score,
      r.correctCount,
      (r.durationMs / 1000).toFixed(3),
      r.prediction,
      r.predictionDistance,
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
      safeText(o.phone),
      safeText(o.unitName),
      safeText(o.categoryName),
      o.rounds,
      o.totalScore,
      (o.totalDurationMs / 1000).toFixed(3),
      ...rounds.map((r) => o.scores[r.id] ?? null),
    ]),
  );
}
