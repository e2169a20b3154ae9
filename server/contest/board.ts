/**
 * The board's read model: what a round's board shows at a given moment (the snapshot, its view, the
 * freeze, the switch to the official ranking), and the board over all rounds of a contest. A query
 * about the contest, computed from one consistent read of the database: the leaderboard pages' loaders
 * call it, and the realtime layer (server/realtime/board.ts) only broadcasts what it returns.
 * See docs/realtime.md.
 */
import crypto from "node:crypto";
import type { BoardPrize, BoardRow, BoardSnapshot, BoardView, MyRank, UnitBar } from "~/realtime/contract";
import { boardVisibility, roundPhase } from "~/rules/deadline";
import { maskName } from "~/rules/masking";
import { liveRanking, overallRanking } from "~/rules/ranking";
import { rankUnits } from "~/rules/prizes";
import { listInProgressForRound, listSubmittedEntries } from "#db/repos/attempts";
import { findContest, listUnits } from "#db/repos/contests";
import { listOfficialRanking } from "#db/repos/rankings";
import { findRoundSettings, listRounds, type RoundSettings } from "#db/repos/rounds";
import type { Db } from "#db/connection";
import type { Services } from "../services";
import { bestEntries } from "./ranking";

/** A screen shows a dozen rows, the public page thirty: one snapshot serves both. */
export const BOARD_TOP = 30;
/** Units in the snapshot's bar chart; the console gets them all. */
export const BOARD_UNITS = 12;

interface RankInfo {
  rank: number;
  prize: BoardPrize | null;
}

export interface ComputedBoard {
  snapshot: Omit<BoardSnapshot, "version">;
  /** contestantId → their rank in the current view (empty while hidden or frozen). */
  ranks: Map<number, RankInfo>;
  /** Every top-level unit, for the console. */
  allUnits: UnitBar[];
  round: RoundSettings;
}

/** An opaque, stable key for a row: screens animate by it; it reveals no database id. */
function rowKey(secret: string, roundId: number, contestantId: number): string {
  return crypto
    .createHmac("sha256", secret)
    .update(`${roundId}:${contestantId}`)
    .digest("base64url")
    .slice(0, 12);
}

/** Participation per top-level unit: a sub-unit (thôn) counts for its parent (xã). */
async function unitBars(db: Db, contestId: number, perUnit: Map<number, number>): Promise<UnitBar[]> {
  const units = await listUnits(db, contestId);
  const topOf = new Map(units.map((u) => [u.id, u.parent_id ?? u.id]));
  const bars = new Map<
    number,
    { unitId: number; name: string; participants: number; headcount: number | null; childHeadcount: number }
  >();
  for (const u of units) {
    if (u.parent_id !== null) continue;
    bars.set(u.id, {
      unitId: u.id,
      name: u.name,
      participants: 0,
      headcount: u.expected_headcount,
      childHeadcount: 0,
    });
  }
  for (const u of units) {
    if (u.parent_id === null) continue;
    const bar = bars.get(u.parent_id);
    if (bar) bar.childHeadcount += u.expected_headcount ?? 0;
  }
  for (const [unitId, count] of perUnit) {
    const bar = bars.get(topOf.get(unitId) ?? unitId);
    if (bar) bar.participants += count;
  }
  const withHeadcount = [...bars.values()].map((b) => ({
    unitId: b.unitId,
    name: b.name,
    participants: b.participants,
    headcount: b.headcount ?? (b.childHeadcount > 0 ? b.childHeadcount : null),
  }));
  return rankUnits(withHeadcount).map((u) => ({
    unitId: u.unitId,
    name: u.name,
    participants: u.participants,
    expected: u.headcount,
  }));
}

/**
 * The board of a round at `now`, from one consistent read of the database. Null when the round does not
 * exist. Only masked names and unit names leave this function.
 */
export async function computeBoard(
  services: Services,
  roundId: number,
  top = BOARD_TOP,
): Promise<ComputedBoard | null> {
  const now = services.clock.now();
  const secret = services.config.sessionSecret;
  return services.db.transaction().execute(async (db) => {
    const round = await findRoundSettings(db, roundId);
    if (!round) return null;
    const contest = await findContest(db, round.contestId);
    const phase = roundPhase(now, round.opensAt, round.closesAt);
    const visibility = boardVisibility(now, round);
    const published = round.publishedAt !== null;
    const view: BoardView = published ? "official" : visibility;
    const freezesAt = new Date(round.closesAt.getTime() - round.freezeMinutes * 60_000);

    const entries = await listSubmittedEntries(db, roundId);
    const inProgress = await listInProgressForRound(db, roundId);
    const unitNames = new Map((await listUnits(db, round.contestId)).map((u) => [u.id, u.name] as const));

    const contestantsSubmitted = new Map<number, number>(); // contestantId → unitId
    for (const e of entries) contestantsSubmitted.set(e.contestantId, e.unitId);
    const perUnit = new Map<number, number>();
    for (const unitId of contestantsSubmitted.values()) perUnit.set(unitId, (perUnit.get(unitId) ?? 0) + 1);

    const ranks = new Map<number, RankInfo>();
    let rows: BoardRow[] = [];
    let ranked = 0;
    if (view === "official") {
      const official = await listOfficialRanking(db, roundId);
      ranked = official.length;
      for (const r of official) ranks.set(r.contestant_id, { rank: r.rank, prize: r.prize });
      // The distance decided a rank where another entry has the same score and a different distance.
      const distancesByScore = new Map<number, Set<number | null>>();
      for (const r of official)
        distancesByScore.set(
          r.score,
          (distancesByScore.get(r.score) ?? new Set()).add(r.prediction_distance),
        );
      rows = official
        .filter((r) => r.rank <= top || r.prize !== null)
        .map((r) => ({
          predictionDistance: (distancesByScore.get(r.score)?.size ?? 0) > 1 ? r.prediction_distance : null,
          key: rowKey(secret, roundId, r.contestant_id),
          rank: r.rank,
          name: maskName(r.full_name),
          unit: r.unit_name,
          score: r.score,
          durationMs: r.duration_ms,
          prize: r.prize,
        }));
    } else if (view !== "hidden") {
      // Frozen: the standing as it was at the freeze moment, worked out from the submission times, so it
      // is the same after a restart.
      const counted = entries.filter(
        (e) =>
          e.contestantStatus === "active" &&
          (view === "live" || Date.parse(e.submittedAt) < freezesAt.getTime()),
      );
      const ordered = liveRanking(bestEntries(counted));
      ranked = ordered.length;
      ordered.forEach((e) => ranks.set(e.contestantId, { rank: e.rank, prize: null }));
      rows = ordered.slice(0, top).map((e) => ({
        key: rowKey(secret, roundId, e.contestantId),
        rank: e.rank,
        name: maskName(e.fullName),
        unit: unitNames.get(e.unitId) ?? "",
        score: e.score,
        durationMs: e.durationMs,
        prize: null,
      }));
    }
    // While frozen, a contestant's own rank would leak what the freeze hides.
    if (view === "frozen") ranks.clear();

    const allUnits = await unitBars(db, round.contestId, perUnit);
    return {
      round,
      ranks,
      allUnits,
      snapshot: {
        roundId,
        contestTitle: contest?.title ?? "",
        roundTitle: round.title,
        opensAt: round.opensAt.toISOString(),
        closesAt: round.closesAt.toISOString(),
        serverNow: now.toISOString(),
        phase,
        view,
        frozenAt: view === "frozen" ? freezesAt.toISOString() : null,
        submitted: contestantsSubmitted.size,
        takingNow: phase === "open" ? inProgress.length : 0,
        ranked,
        rows,
        units: allUnits.slice(0, BOARD_UNITS),
        unitCount: allUnits.length,
        perfectCount: published ? round.perfectCount : null,
      },
    };
  });
}

export interface OverallBoardRow {
  key: string;
  rank: number;
  name: string;
  unit: string;
  totalScore: number;
  totalDurationMs: number;
  rounds: number;
}

export interface OverallBoard {
  rows: OverallBoardRow[];
  ranked: number;
  /** Distinct contestants who submitted in at least one round, per top-level unit. */
  units: UnitBar[];
}

/**
 * The board over all rounds of a contest: each round counts with what its public board shows (the
 * official ranking once published; the live order otherwise; nothing from a hidden round still running;
 * the freeze-moment standing of a frozen one), summed by `overallRanking`.
 */
export async function computeOverall(services: Services, contestId: number, top = 50): Promise<OverallBoard> {
  const now = services.clock.now();
  const secret = services.config.sessionSecret;
  return services.db.transaction().execute(async (db) => {
    const rounds = await listRounds(db, contestId);
    const unitNames = new Map((await listUnits(db, contestId)).map((u) => [u.id, u.name] as const));
    const people = new Map<number, { name: string; unit: string; unitId: number }>();
    const results: { contestantId: number; score: number; durationMs: number }[] = [];
    const participants = new Map<number, number>(); // contestantId → unitId
    for (const r of rounds) {
      // A rehearsal is never counted over the contest (issue 11).
      if (r.is_rehearsal === 1) continue;
      const round = await findRoundSettings(db, r.id);
      if (!round) continue;
      const entries = await listSubmittedEntries(db, round.id);
      for (const e of entries) {
        participants.set(e.contestantId, e.unitId);
        people.set(e.contestantId, {
          name: maskName(e.fullName),
          unit: unitNames.get(e.unitId) ?? "",
          unitId: e.unitId,
        });
      }
      if (round.publishedAt) {
        for (const row of await listOfficialRanking(db, round.id))
          results.push({ contestantId: row.contestant_id, score: row.score, durationMs: row.duration_ms });
        continue;
      }
      const visibility = boardVisibility(now, round);
      if (visibility === "hidden") continue;
      const freezesAt = round.closesAt.getTime() - round.freezeMinutes * 60_000;
      const counted = entries.filter(
        (e) =>
          e.contestantStatus === "active" && (visibility === "live" || Date.parse(e.submittedAt) < freezesAt),
      );
      for (const e of bestEntries(counted))
        results.push({ contestantId: e.contestantId, score: e.score, durationMs: e.durationMs });
    }
    const ranking = overallRanking(results);
    const perUnit = new Map<number, number>();
    for (const unitId of participants.values()) perUnit.set(unitId, (perUnit.get(unitId) ?? 0) + 1);
    return {
      ranked: ranking.length,
      rows: ranking.slice(0, top).map((row) => ({
        key: rowKey(secret, 0, row.contestantId),
        rank: row.rank,
        name: people.get(row.contestantId)?.name ?? "",
        unit: people.get(row.contestantId)?.unit ?? "",
        totalScore: row.totalScore,
        totalDurationMs: row.totalDurationMs,
        rounds: row.rounds,
      })),
      units: await unitBars(db, contestId, perUnit),
    };
  });
}

/** What changes the board without any event: the clock reaching the open, freeze or close moment. */
function timeKey(round: RoundSettings, now: Date): string {
  return `${roundPhase(now, round.opensAt, round.closesAt)}|${boardVisibility(now, round)}`;
}

/** Settings an organizer may edit while screens show the round. */
function settingsKey(round: RoundSettings): string {
  return [
    round.title,
    round.opensAt.toISOString(),
    round.closesAt.toISOString(),
    round.boardPolicy,
    round.freezeMinutes,
    round.publishedAt?.toISOString() ?? "",
    round.rankedAt?.toISOString() ?? "",
  ].join("|");
}

/**
 * Whether the clock has moved the round to another phase or view since the board was computed (the
 * open, the freeze, the close): no event announces those.
 */
export function movedByClock(computed: ComputedBoard, now: Date): boolean {
  const shown = `${computed.snapshot.phase}|${computed.snapshot.view === "official" ? "live" : computed.snapshot.view}`;
  return timeKey(computed.round, now) !== shown;
}

/** Whether an organizer changed what the board shows of the round (title, times, policy, publication). */
export function settingsChanged(before: RoundSettings, after: RoundSettings): boolean {
  return settingsKey(before) !== settingsKey(after);
}

/**
 * A contestant's own rank on the board (`me:rank`): none while the board is hidden, and no count of
 * ranked entries while it is frozen, which would leak what the freeze hides.
 */
export function rankOn(computed: ComputedBoard, attemptId: number, contestantId: number): MyRank {
  const info = computed.ranks.get(contestantId);
  return {
    attemptId,
    roundId: computed.snapshot.roundId,
    rank: info?.rank ?? null,
    of:
      computed.snapshot.view === "hidden" || computed.snapshot.view === "frozen"
        ? 0
        : computed.snapshot.ranked,
    view: computed.snapshot.view,
    prize: info?.prize ?? null,
  };
}
