/**
 * The results workbook (ExcelJS) the organizers hand to the jury: Vietnamese headers, a title row that
 * says whether the ranking is official, the header row frozen with a filter, real dates and numbers
 * with their formats. Every text is written as a text cell — a name that starts with =, +, - or @ is
 * never a formula — and text columns carry the "@" (Text) format so that editing a cell keeps it text.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { translate, type MessageKey, type Params } from "~/i18n";
import { auditActionLabel, auditEntityLabel, auditSummary } from "~/i18n/audit-words";
import { PRIZE_KINDS } from "~/rules/prizes";
import { formatVnDateTime } from "~/rules/vn-time";
import { VN_UTC_OFFSET_MS } from "~/rules/vn-time";
import type {
  ContestResults,
  OverallResultRow,
  QuestionRow,
  RankedRow,
  RoundResults,
  UnitRow,
  AnswerRow,
} from "./model";

/** Rows 1–3: title, subtitle, note; row 4: the column headers; data from row 5. */
export const HEADER_ROW = 4;
export const FIRST_DATA_ROW = HEADER_ROW + 1;

const t = (key: MessageKey, params?: Params) => translate("vi", key, params);

type Kind = "text" | "int" | "number" | "decimal" | "seconds" | "percent" | "date" | "datetime";
type CellValue = string | number | Date | null;

export interface Column<R> {
  header: string;
  width: number;
  kind: Kind;
  value: (row: R) => CellValue;
}

const FORMATS: Record<Kind, string | undefined> = {
  text: "@",
  int: "#,##0",
  number: "0.##",
  decimal: "0.00",
  seconds: "#,##0.0",
  percent: "0.0%",
  date: "dd/mm/yyyy",
  datetime: "dd/mm/yyyy hh:mm:ss",
};

/** A calendar date ("1990-05-31") as the Excel date of that day. */
export function excelDate(isoDate: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/**
 * An instant as the Excel date-time a clock in Vietnam showed. Excel has no time zones and ExcelJS
 * writes a Date as its UTC wall clock, so the instant is shifted by +7 hours.
 */
export function excelVnDateTime(iso: string | null): Date | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + VN_UTC_OFFSET_MS);
}

interface SheetSpec<R> {
  name: string;
  title: string;
  subtitle: string;
  note?: string;
  columns: Column<R>[];
  rows: readonly R[];
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE7F0" } };
const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FF9AA9B8" } };

type Book = ExcelJS.stream.xlsx.WorkbookWriter;

/**
 * Writes one sheet row by row and commits it (ExcelJS's streaming writer): 60,000 answer rows would
 * take a gigabyte and a quarter of a minute in ExcelJS's in-memory workbook (bench/results-export.ts).
 */
function addSheet<R>(workbook: Book, spec: SheetSpec<R>): void {
  const sheet = workbook.addWorksheet(spec.name, {
    views: [
      {
        state: "frozen",
        ySplit: HEADER_ROW,
        xSplit: 0,
        topLeftCell: `A${FIRST_DATA_ROW}`,
        activeCell: `A${FIRST_DATA_ROW}`,
      },
    ],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const count = Math.max(1, spec.columns.length);
  sheet.columns = spec.columns.map((c) => ({ width: c.width, style: { numFmt: FORMATS[c.kind] } }));

  const banner = (value: string | undefined, font: Partial<ExcelJS.Font>, height?: number) => {
    const row = sheet.addRow([value ?? null]);
    const cell = row.getCell(1);
    cell.numFmt = "@";
    cell.font = font;
    if (height) {
      cell.alignment = { wrapText: true, vertical: "top" };
      row.height = height;
    }
    if (value && count > 1) sheet.mergeCells(row.number, 1, row.number, count);
    row.commit();
  };
  banner(spec.title, { bold: true, size: 14 });
  banner(spec.subtitle, { italic: true, color: { argb: "FF4A5663" } });
  banner(spec.note, { bold: true, color: { argb: "FF8A4B00" } }, spec.note ? 30 : undefined);

  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.height = 36;
  header.eachCell((cell) => {
    cell.numFmt = "@";
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  });
  header.commit();

  for (const row of spec.rows) {
    const values = spec.columns.map((c) => {
      const v = c.value(row);
      // Text columns get strings and only strings (or an empty cell): never a value ExcelJS could read
      // as anything else.
      return c.kind === "text" ? (v === null || v === "" ? null : String(v)) : v;
    });
    sheet.addRow(values).commit();
  }
  if (spec.columns.length > 0) {
    sheet.autoFilter = {
      from: { row: HEADER_ROW, column: 1 },
      to: { row: HEADER_ROW, column: spec.columns.length },
    };
  }
  sheet.commit();
}

// ---------------------------------------------------------------------------------------------------
// Columns

const prizeName = (prize: RankedRow["prize"]) => (prize ? t(`round.prize.${prize}`) : "");
const genderName = (gender: RankedRow["gender"]) => t(`results.gender.${gender}`);

/** Rank and who: the first columns of every ranking sheet (a round's and the overall one). */
interface PersonRow {
  rank: number;
  fullName: string;
  birthDate: string;
  gender: RankedRow["gender"];
  phone: string;
  unitName: string;
  categoryName: string;
}

function personColumns<R extends PersonRow>(): Column<R>[] {
  return [
    { header: t("results.col.rank"), width: 7, kind: "int", value: (r) => r.rank },
    { header: t("results.col.fullName"), width: 26, kind: "text", value: (r) => r.fullName },
    { header: t("results.col.birthDate"), width: 12, kind: "date", value: (r) => excelDate(r.birthDate) },
    { header: t("results.col.gender"), width: 9, kind: "text", value: (r) => genderName(r.gender) },
    { header: t("results.col.phone"), width: 13, kind: "text", value: (r) => r.phone },
    { header: t("results.col.unit"), width: 32, kind: "text", value: (r) => r.unitName },
    { header: t("results.col.category"), width: 18, kind: "text", value: (r) => r.categoryName },
  ];
}

function rankingColumns(roundTitles?: ReadonlyMap<number, string>): Column<RankedRow>[] {
  const columns: Column<RankedRow>[] = [
    ...personColumns<RankedRow>(),
    { header: t("results.col.score"), width: 8, kind: "number", value: (r) => r.score },
    { header: t("results.col.correctCount"), width: 9, kind: "int", value: (r) => r.correctCount },
    { header: t("results.col.duration"), width: 12, kind: "seconds", value: (r) => r.durationMs / 1000 },
    { header: t("results.col.prediction"), width: 10, kind: "int", value: (r) => r.prediction },
    {
      header: t("results.col.predictionDistance"),
      width: 11,
      kind: "int",
      value: (r) => r.predictionDistance,
    },
    {
      header: t("results.col.submittedAt"),
      width: 20,
      kind: "datetime",
      value: (r) => excelVnDateTime(r.submittedAt),
    },
    { header: t("results.col.prize"), width: 18, kind: "text", value: (r) => prizeName(r.prize) },
  ];
  if (roundTitles) {
    columns.push({
      header: t("results.col.round"),
      width: 30,
      kind: "text",
      value: (r) => roundTitles.get(r.roundId) ?? "",
    });
  }
  return columns;
}

function answerColumns(roundTitles?: ReadonlyMap<number, string>): Column<AnswerRow>[] {
  const columns: Column<AnswerRow>[] = [
    { header: t("results.col.rank"), width: 7, kind: "int", value: (r) => r.rank },
    { header: t("results.col.fullName"), width: 24, kind: "text", value: (r) => r.fullName },
    { header: t("results.col.unit"), width: 26, kind: "text", value: (r) => r.unitName },
    { header: t("results.col.questionNo"), width: 7, kind: "int", value: (r) => r.questionNo },
    {
      header: t("results.col.questionKey"),
      width: 12,
      kind: "text",
      value: (r) => r.questionKey ?? `#${r.questionId}`,
    },
    { header: t("results.col.questionText"), width: 60, kind: "text", value: (r) => r.text },
    { header: t("results.col.chosen"), width: 36, kind: "text", value: (r) => r.chosen },
    { header: t("results.col.correctOptions"), width: 36, kind: "text", value: (r) => r.correct },
    {
      header: t("results.col.result"),
      width: 10,
      kind: "text",
      value: (r) => t(`results.result.${r.result}`),
    },
    {
      header: t("results.col.answeredAt"),
      width: 20,
      kind: "datetime",
      value: (r) => excelVnDateTime(r.answeredAt),
    },
  ];
  if (roundTitles) {
    columns.push({
      header: t("results.col.round"),
      width: 30,
      kind: "text",
      value: (r) => roundTitles.get(r.roundId) ?? "",
    });
  }
  return columns;
}

function unitColumns(): Column<UnitRow>[] {
  return [
    { header: t("results.col.collectiveRank"), width: 9, kind: "int", value: (u) => u.collectiveRank },
    { header: t("results.col.unit"), width: 40, kind: "text", value: (u) => u.name },
    { header: t("results.col.registered"), width: 11, kind: "int", value: (u) => u.registered },
    { header: t("results.col.participants"), width: 11, kind: "int", value: (u) => u.participants },
    { header: t("results.col.headcount"), width: 11, kind: "int", value: (u) => u.headcount },
    {
      header: t("results.col.participationRate"),
      width: 11,
      kind: "percent",
      value: (u) => u.participationRate,
    },
    { header: t("results.col.averageScore"), width: 10, kind: "decimal", value: (u) => u.averageScore },
    { header: t("results.col.best"), width: 26, kind: "text", value: (u) => u.best?.fullName ?? "" },
    { header: t("results.col.bestScore"), width: 9, kind: "number", value: (u) => u.best?.score ?? null },
  ];
}

const LETTERS = ["A", "B", "C", "D", "E", "F"];

function questionColumns(
  rows: readonly QuestionRow[],
  roundTitles?: ReadonlyMap<number, string>,
): Column<QuestionRow & { roundId?: number }>[] {
  const optionCount = Math.max(4, ...rows.map((q) => q.options.length));
  const columns: Column<QuestionRow & { roundId?: number }>[] = [
    {
      header: t("results.col.questionKey"),
      width: 12,
      kind: "text",
      value: (q) => q.questionKey ?? `#${q.questionId}`,
    },
    { header: t("results.col.version"), width: 8, kind: "int", value: (q) => q.version },
    { header: t("results.col.questionText"), width: 60, kind: "text", value: (q) => q.text },
    { header: t("media.resultsPictureColumn"), width: 30, kind: "text", value: (q) => q.picture ?? "" },
    {
      header: t("results.col.correctOptions"),
      width: 30,
      kind: "text",
      value: (q) => q.correct.map((i) => `${LETTERS[i]}. ${q.options[i] ?? ""}`).join("; "),
    },
    { header: t("results.col.drawn"), width: 9, kind: "int", value: (q) => q.drawn },
    { header: t("results.col.correctShare"), width: 10, kind: "percent", value: (q) => q.correctShare },
    ...Array.from({ length: optionCount }, (_, i): Column<QuestionRow> => ({
      header: t("results.col.optionShare", { letter: LETTERS[i] }),
      width: 9,
      kind: "percent",
      value: (q) => (i < q.options.length ? q.optionShares[i] : null),
    })),
    { header: t("results.col.blankShare"), width: 9, kind: "percent", value: (q) => q.blankShare },
    { header: t("results.col.discrimination"), width: 13, kind: "decimal", value: (q) => q.discrimination },
    {
      header: t("results.col.flags"),
      width: 50,
      kind: "text",
      value: (q) => q.flags.map((f) => t(`results.flag.${f}`)).join("; "),
    },
  ];
  if (roundTitles) {
    columns.push({
      header: t("results.col.round"),
      width: 30,
      kind: "text",
      value: (q) => roundTitles.get(q.roundId ?? 0) ?? "",
    });
  }
  return columns;
}

function prizeColumns(roundTitles?: ReadonlyMap<number, string>): Column<RankedRow>[] {
  const columns: Column<RankedRow>[] = [
    { header: t("results.col.prize"), width: 18, kind: "text", value: (r) => prizeName(r.prize) },
    { header: t("results.col.rank"), width: 7, kind: "int", value: (r) => r.rank },
    { header: t("results.col.fullName"), width: 26, kind: "text", value: (r) => r.fullName },
    { header: t("results.col.birthDate"), width: 12, kind: "date", value: (r) => excelDate(r.birthDate) },
    { header: t("results.col.gender"), width: 9, kind: "text", value: (r) => genderName(r.gender) },
    { header: t("results.col.phone"), width: 13, kind: "text", value: (r) => r.phone },
    { header: t("results.col.unit"), width: 32, kind: "text", value: (r) => r.unitName },
    { header: t("results.col.category"), width: 18, kind: "text", value: (r) => r.categoryName },
    { header: t("results.col.score"), width: 8, kind: "number", value: (r) => r.score },
    { header: t("results.col.duration"), width: 12, kind: "seconds", value: (r) => r.durationMs / 1000 },
    {
      header: t("results.col.predictionDistance"),
      width: 11,
      kind: "int",
      value: (r) => r.predictionDistance,
    },
  ];
  if (roundTitles) {
    columns.push({
      header: t("results.col.round"),
      width: 30,
      kind: "text",
      value: (r) => roundTitles.get(r.roundId) ?? "",
    });
  }
  return columns;
}

function prizeCounts(winners: readonly RankedRow[]): Params {
  return Object.fromEntries(PRIZE_KINDS.map((k) => [k, winners.filter((w) => w.prize === k).length]));
}

function rankingTitle(r: RoundResults): string {
  if (r.official) return t("results.title.official");
  return Date.parse(r.generatedAt) < Date.parse(r.round.closesAt)
    ? t("results.title.liveOpen")
    : t("results.title.liveClosed");
}

// ---------------------------------------------------------------------------------------------------
// Workbooks

interface Writing {
  workbook: Book;
  done: () => Promise<Buffer>;
}

function newWorkbook(title: string, generatedAt: string): Writing {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  // Shared strings: every text is a plain string cell (t="s"), never a formula or its cached result.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = t("app.name");
  workbook.title = title;
  workbook.created = new Date(generatedAt);
  workbook.modified = new Date(generatedAt);
  return {
    workbook,
    done: async () => {
      await workbook.commit();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

export function roundWorkbook(r: RoundResults): Promise<Buffer> {
  const { workbook, done } = newWorkbook(`${r.contest.title} — ${r.round.title}`, r.generatedAt);
  const subtitle = t("results.subtitle.round", {
    contest: r.contest.title,
    round: r.round.title,
    time: formatVnDateTime(new Date(r.generatedAt)),
  });
  const empty = r.ranking.length === 0 ? t("results.note.empty") : undefined;
  addSheet(workbook, {
    name: t("results.sheet.ranking"),
    title: `${rankingTitle(r)} — ${r.round.title}`,
    subtitle,
    note: empty,
    columns: rankingColumns(),
    rows: r.ranking,
  });
  addSheet(workbook, {
    name: t("results.sheet.answers"),
    title: `${t("results.title.answers")} — ${r.round.title}`,
    subtitle,
    note: empty,
    columns: answerColumns(),
    rows: r.answers,
  });
  addSheet(workbook, {
    name: t("results.sheet.units"),
    title: `${t("results.title.units")} — ${r.round.title}`,
    subtitle,
    note: empty,
    columns: unitColumns(),
    rows: r.units,
  });
  addSheet(workbook, {
    name: t("results.sheet.questions"),
    title: `${t("results.title.questions")} — ${r.round.title}`,
    subtitle,
    note: empty ?? t("results.note.questions"),
    columns: questionColumns(r.questions),
    rows: r.questions,
  });
  addSheet(workbook, {
    name: t("results.sheet.prizes"),
    title: `${r.official ? t("results.title.prizes") : t("results.title.prizesNone")} — ${r.round.title}`,
    subtitle,
    note: r.official ? t("results.note.prizeCounts", prizeCounts(r.winners)) : empty,
    columns: prizeColumns(),
    rows: r.winners,
  });
  return done();
}

export interface AuditSheetRow {
  at: string;
  actor: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: string;
}

/** `audit` null: the workbook has no audit log sheet (the reader may not see the audit log). */
export function contestWorkbook(c: ContestResults, audit: readonly AuditSheetRow[] | null): Promise<Buffer> {
  const { workbook, done } = newWorkbook(c.contest.title, c.generatedAt);
  const subtitle = t("results.subtitle", {
    contest: c.contest.title,
    time: formatVnDateTime(new Date(c.generatedAt)),
  });
  const titles = new Map(c.rounds.map((r) => [r.round.id, r.round.title]));
  const anyAttempt = c.rounds.some((r) => r.ranking.length > 0);
  const empty = anyAttempt ? undefined : t("results.note.emptyContest");

  const overallColumns: Column<OverallResultRow>[] = [
    ...personColumns<OverallResultRow>(),
    { header: t("results.col.rounds"), width: 9, kind: "int", value: (o) => o.rounds },
    { header: t("results.col.totalScore"), width: 9, kind: "number", value: (o) => o.totalScore },
    {
      header: t("results.col.totalDuration"),
      width: 12,
      kind: "seconds",
      value: (o) => o.totalDurationMs / 1000,
    },
    ...c.rounds.map((r): Column<OverallResultRow> => ({
      header: t("results.col.scoreIn", { round: r.round.title }),
      width: 14,
      kind: "number",
      value: (o) => o.scores[r.round.id] ?? null,
    })),
  ];
  addSheet(workbook, {
    name: t("results.sheet.overall"),
    title: c.official ? t("results.title.overall") : t("results.title.overallLive"),
    subtitle,
    note: empty,
    columns: overallColumns,
    rows: c.overall,
  });

  const roundColumns: Column<RoundResults & { stats: { started: number; submitted: number } }>[] = [
    { header: t("results.col.round"), width: 40, kind: "text", value: (r) => r.round.title },
    {
      header: t("results.col.opensAt"),
      width: 18,
      kind: "datetime",
      value: (r) => excelVnDateTime(r.round.opensAt),
    },
    {
      header: t("results.col.closesAt"),
      width: 18,
      kind: "datetime",
      value: (r) => excelVnDateTime(r.round.closesAt),
    },
    { header: t("results.col.started"), width: 10, kind: "int", value: (r) => r.stats.started },
    { header: t("results.col.submitted"), width: 10, kind: "int", value: (r) => r.stats.submitted },
    { header: t("results.col.participants"), width: 10, kind: "int", value: (r) => r.ranking.length },
    { header: t("results.col.perfectCount"), width: 10, kind: "int", value: (r) => r.round.perfectCount },
    {
      header: t("results.col.status"),
      width: 14,
      kind: "text",
      value: (r) =>
        r.round.publishedAt
          ? t("results.status.published")
          : r.official
            ? t("results.status.official")
            : t("results.status.live"),
    },
  ];
  addSheet(workbook, {
    name: t("results.sheet.rounds"),
    title: t("results.title.rounds"),
    subtitle,
    columns: roundColumns,
    rows: c.rounds.map((r) => ({ ...r, stats: r.attemptCounts })),
  });

  const ranking = c.rounds.flatMap((r) => r.ranking);
  addSheet(workbook, {
    name: t("results.sheet.ranking"),
    title: t("results.title.official"),
    subtitle,
    note: c.official ? empty : t("results.title.overallLive"),
    columns: rankingColumns(titles),
    rows: ranking,
  });
  addSheet(workbook, {
    name: t("results.sheet.answers"),
    title: t("results.title.answers"),
    subtitle,
    note: empty,
    columns: answerColumns(titles),
    rows: c.rounds.flatMap((r) => r.answers),
  });
  addSheet(workbook, {
    name: t("results.sheet.units"),
    title: t("results.title.units"),
    subtitle,
    note: empty,
    columns: unitColumns(),
    rows: c.units,
  });
  const questions = c.rounds.flatMap((r) => r.questions.map((q) => ({ ...q, roundId: r.round.id })));
  addSheet(workbook, {
    name: t("results.sheet.questions"),
    title: t("results.title.questions"),
    subtitle,
    note: empty ?? t("results.note.questions"),
    columns: questionColumns(questions, titles),
    rows: questions,
  });
  const winners = c.rounds.flatMap((r) => r.winners);
  addSheet(workbook, {
    name: t("results.sheet.prizes"),
    title: t("results.title.prizes"),
    subtitle,
    note: t("results.note.prizeCounts", prizeCounts(winners)),
    columns: prizeColumns(titles),
    rows: winners,
  });
  if (audit !== null)
    addSheet(workbook, {
      name: t("results.sheet.audit"),
      title: t("results.title.audit"),
      subtitle,
      columns: [
        {
          header: t("results.col.auditAt"),
          width: 20,
          kind: "datetime",
          value: (a: AuditSheetRow) => excelVnDateTime(a.at),
        },
        {
          header: t("results.col.actor"),
          width: 24,
          kind: "text",
          value: (a) => a.actor ?? t("results.system"),
        },
        // In words, as the console's audit page reads (issue 11); the codes and the stored details stay
        // in their own columns for whoever filters or audits by machine.
        {
          header: t("results.col.action"),
          width: 28,
          kind: "text",
          value: (a) => auditActionLabel("vi", a.action),
        },
        {
          header: t("results.col.entity"),
          width: 16,
          kind: "text",
          value: (a) => auditEntityLabel("vi", a.entity),
        },
        { header: t("results.col.entityId"), width: 8, kind: "text", value: (a) => a.entityId ?? "" },
        {
          header: t("results.col.details"),
          width: 60,
          kind: "text",
          value: (a) => auditSummary("vi", a.details),
        },
        { header: t("results.col.actionCode"), width: 18, kind: "text", value: (a) => a.action },
        { header: t("results.col.detailsStored"), width: 60, kind: "text", value: (a) => a.details },
      ],
      rows: audit,
    });
  return done();
}
