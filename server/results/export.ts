/**
 * Reading a round's or the contest's results from the database (one read transaction, so every sheet
 * sees the same moment) and turning them into the files organizers download. The web route and
 * `npm run results:export` both call these, and each export is written to the audit log in the same
 * transaction as the read: who took which results, when, in which format.
 */
import type { Db } from "#db/connection";
import { recordAudit } from "#db/repos/audit";
import { findContest, listCategories, listUnits } from "#db/repos/contests";
import {
  listContestAttemptDetails,
  listRoundAnswers,
  listRoundAttemptDetails,
  listStoredRanking,
  queryAuditLog,
  registrationCounts,
} from "#db/repos/results";
import { findRound, listRounds } from "#db/repos/rounds";
import { picturesOfVersions } from "#db/repos/question-pictures";
import { rehearsalRoundIds } from "#db/repos/rehearsals";
import type { Round } from "#db/schema";
import type { Services } from "../services";
import { overallCsv, rankingCsv } from "./csv";
import {
  buildContestResults,
  buildRoundResults,
  type ContestInfo,
  type ContestResults,
  type RoundInfo,
  type RoundResults,
} from "./model";
import { computeStatistics, scoreDistribution, type Statistics } from "./statistics";
import { contestWorkbook, roundWorkbook, type AuditSheetRow } from "./workbook";

export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
};

function roundInfo(round: Round): RoundInfo {
  return {
    id: round.id,
    title: round.title,
    opensAt: round.opens_at,
    closesAt: round.closes_at,
    rankedAt: round.ranked_at,
    publishedAt: round.published_at,
    perfectCount: round.perfect_count,
  };
}

async function contestInfo(db: Db, contestId: number): Promise<ContestInfo | undefined> {
  const contest = await findContest(db, contestId);
  return contest && { id: contest.id, title: contest.title, organizerName: contest.organizer_name };
}

async function readRound(db: Db, round: Round, contest: ContestInfo, now: Date): Promise<RoundResults> {
  const [attempts, stored, answers, units, registrations] = await Promise.all([
    listRoundAttemptDetails(db, round.id),
    round.ranked_at ? listStoredRanking(db, round.id) : Promise.resolve(null),
    listRoundAnswers(db, round.id),
    listUnits(db, contest.id),
    registrationCounts(db, contest.id),
  ]);
  const results = buildRoundResults({
    contest,
    round: roundInfo(round),
    now,
    attempts,
    stored,
    answers,
    units,
    registeredByUnit: registrations.byUnit,
  });
  // The question sheet names each question's picture, so the jury can find what contestants saw.
  const pictures = await picturesOfVersions(
    db,
    results.questions.map((q) => q.questionVersionId),
  );
  for (const q of results.questions) {
    const p = pictures.get(q.questionVersionId);
    const name = p?.fileNames.question;
    if (p?.question && name) q.picture = `${name} — ${p.question.alt}`;
  }
  return results;
}

/** A round's results as of `now`; undefined when the round does not exist. */
export async function loadRoundResults(
  db: Db,
  roundId: number,
  now: Date,
): Promise<RoundResults | undefined> {
  const round = await findRound(db, roundId);
  if (!round) return undefined;
  const contest = await contestInfo(db, round.contest_id);
  if (!contest) return undefined;
  return readRound(db, round, contest, now);
}

export async function loadContestResults(
  db: Db,
  contestId: number,
  now: Date,
): Promise<ContestResults | undefined> {
  const contest = await contestInfo(db, contestId);
  if (!contest) return undefined;
  const rounds = [];
  for (const round of await listRounds(db, contestId)) {
    // The contest's results never hold the organizers' rehearsals (issue 11).
    if (round.is_rehearsal === 1) continue;
    rounds.push(await readRound(db, round, contest, now));
  }
  const [units, registrations] = await Promise.all([
    listUnits(db, contestId),
    registrationCounts(db, contestId),
  ]);
  return buildContestResults(contest, rounds, units, registrations.byUnit, now);
}

/** The dashboard's numbers for a round. */
export async function roundStatistics(db: Db, results: RoundResults): Promise<Statistics> {
  const [attempts, categories, registrations] = await Promise.all([
    listRoundAttemptDetails(db, results.round.id),
    listCategories(db, results.contest.id),
    registrationCounts(db, results.contest.id),
  ]);
  return computeStatistics({
    attempts,
    ranking: results.ranking,
    units: results.units,
    categories,
    registeredByCategory: registrations.byCategory,
  });
}

/** The dashboard's numbers for the whole contest (each contestant counted once in units and categories). */
export async function contestStatistics(db: Db, results: ContestResults): Promise<Statistics> {
  const [attempts, categories, registrations] = await Promise.all([
    listContestAttemptDetails(db, results.contest.id),
    listCategories(db, results.contest.id),
    registrationCounts(db, results.contest.id),
  ]);
  const stats = computeStatistics({
    attempts,
    ranking: results.rounds.flatMap((r) => r.ranking),
    units: results.units,
    categories,
    registeredByCategory: registrations.byCategory,
  });
  // Over all rounds the score distribution is of each contestant's total, and participants are people.
  return {
    ...stats,
    participants: results.overall.length,
    scores: scoreDistribution(results.overall.map((o) => o.totalScore)),
  };
}

export interface ExportFile {
  body: Buffer;
  fileName: string;
  mediaType: string;
  rows: number;
}

const day = (now: Date) => new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export type ExportTarget = { roundId: number } | { contestId: number };

/**
 * Builds the file and records the export in the audit log. Null when the round or contest does not
 * exist. `actorUserId` is null for the command line (an operator at the server).
 */
export async function exportResults(
  services: Pick<Services, "db" | "clock">,
  input: {
    target: ExportTarget;
    format: ExportFormat;
    actorUserId: number | null;
    via: "web" | "cli";
    /**
     * Whether the contest workbook carries the audit log sheet: only for those who may read the audit
     * log (admins, the operator at the server: the default for `via: "cli"`). A judge's download has
     * no such sheet.
     */
    withAuditLog?: boolean;
  },
): Promise<ExportFile | null> {
  const { db, clock } = services;
  const now = clock.now();
  const read = await db.transaction().execute(async (trx) => {
    if ("roundId" in input.target) {
      const results = await loadRoundResults(trx, input.target.roundId, now);
      if (!results) return null;
      await recordAudit(trx, {
        actorUserId: input.actorUserId,
        action: "results.export",
        entity: "round",
        entityId: results.round.id,
        details: {
          format: input.format,
          via: input.via,
          official: results.official,
          rows: results.ranking.length,
        },
        now,
      });
      return { kind: "round" as const, results };
    }
    const results = await loadContestResults(trx, input.target.contestId, now);
    if (!results) return null;
    await recordAudit(trx, {
      actorUserId: input.actorUserId,
      action: "results.export",
      entity: "contest",
      entityId: results.contest.id,
      details: {
        format: input.format,
        via: input.via,
        official: results.official,
        rows: results.overall.length,
      },
      now,
    });
    // Read after the entry is written, so the exported log includes this very export.
    const audit =
      input.format === "xlsx" && (input.withAuditLog ?? input.via === "cli")
        ? await auditRows(trx, input.target.contestId)
        : null;
    return { kind: "contest" as const, results, audit };
  });
  if (!read) return null;

  if (read.kind === "round") {
    const base = `ket-qua-dot-${read.results.round.id}-${day(now)}`;
    if (input.format === "csv") {
      return {
        body: Buffer.from(rankingCsv(read.results), "utf8"),
        fileName: `${base}.csv`,
        mediaType: MEDIA_TYPES.csv,
        rows: read.results.ranking.length,
      };
    }
    return {
      body: await roundWorkbook(read.results),
      fileName: `${base}.xlsx`,
      mediaType: MEDIA_TYPES.xlsx,
      rows: read.results.ranking.length,
    };
  }
  const base = `ket-qua-cuoc-thi-${read.results.contest.id}-${day(now)}`;
  if (input.format === "csv") {
    return {
      body: Buffer.from(
        overallCsv(
          read.results.overall,
          read.results.rounds.map((r) => ({ id: r.round.id, title: r.round.title })),
        ),
        "utf8",
      ),
      fileName: `${base}.csv`,
      mediaType: MEDIA_TYPES.csv,
      rows: read.results.overall.length,
    };
  }
  return {
    body: await contestWorkbook(read.results, read.audit),
    fileName: `${base}.xlsx`,
    mediaType: MEDIA_TYPES.xlsx,
    rows: read.results.overall.length,
  };
}

/**
 * The whole audit log, oldest first, for the contest workbook, without the entries about the organizers'
 * rehearsals (issue 11: the workbook holds no trace of them).
 */
async function auditRows(db: Db, contestId: number): Promise<AuditSheetRow[]> {
  const rehearsals = await rehearsalRoundIds(db, contestId);
  const aboutRehearsal = (r: { entity: string; entity_id: string | null; details: string }) =>
    (r.entity === "round" && r.entity_id !== null && rehearsals.has(Number(r.entity_id))) ||
    r.details.includes('"rehearsal":true');
  const rows: AuditSheetRow[] = [];
  for (let page = 1; ; page++) {
    const found = await queryAuditLog(db, { page, pageSize: 5000 });
    rows.push(
      ...found.rows
        .filter((r) => !aboutRehearsal(r))
        .map((r) => ({
          at: r.at,
          actor: r.actor_name ? `${r.actor_name}${r.actor_username ? ` (${r.actor_username})` : ""}` : null,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          details: r.details,
        })),
    );
    if (found.rows.length < 5000) break;
  }
  return rows.reverse();
}
