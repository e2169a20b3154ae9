/**
 * The realtime board of each round: what audience screens, the public leaderboard and the console show.
 *
 * State per round is computed from the database (never patched by hand), so a screen that joins, or
 * comes back after a cut, gets exactly what the database says. Contest events only mark a round dirty;
 * a timer flushes it at most every FLUSH_INTERVAL_MS, so a burst of submissions at closing time becomes
 * a couple of broadcasts a second, not one message per submission to every screen.
 *
 * Broadcasts go through `io.to(room)` only, so the Redis adapter carries them to every process; across
 * several processes, the holder of a round's lease is the one that broadcasts it (see recompute).
 * See docs/realtime.md.
 */
import crypto from "node:crypto";
import type { RemoteSocket } from "socket.io";
import {
  attemptRef,
  boardJoinPayload,
  boardLeavePayload,
  consoleWatchPayload,
  MAX_BOARD_ROOMS_PER_SOCKET,
  type Ack,
  type BoardPrize,
  type BoardRow,
  type BoardSnapshot,
  type BoardView,
  type ConsoleLive,
  type ConsoleRound,
  type MyRank,
  type ScreenInfo,
  type ServerToClientEvents,
  type SocketData,
  type UnitBar,
} from "~/realtime/contract";
import { boardVisibility, roundPhase } from "~/rules/deadline";
import { maskName } from "~/rules/masking";
import { liveRanking, overallRanking } from "~/rules/ranking";
import { rankUnits } from "~/rules/prizes";
import { findAttempt, listInProgressForRound, listSubmittedEntries } from "#db/repos/attempts";
import { findContestantByUserId } from "#db/repos/contestants";
import { findContest, findCurrentContest, listUnits } from "#db/repos/contests";
import { listOfficialRanking } from "#db/repos/rankings";
import { findRoundSettings, listRounds, type RoundSettings } from "#db/repos/rounds";
import type { Db } from "#db/connection";
import { bestEntries } from "../contest/ranking";
import { leasesOf, type Services } from "../services";
import { attemptRoom } from "./attempts";
import { handle, type ContestSocket } from "./handle";
import type { RealtimeServer } from "./register";

/** At most two broadcasts a second per round: fast enough to feel live, slow enough to absorb a burst. */
export const FLUSH_INTERVAL_MS = 500;
/** A screen shows a dozen rows, the public page thirty: one snapshot serves both. */
export const BOARD_TOP = 30;
/** Units in the snapshot's bar chart; the console gets them all. */
export const BOARD_UNITS = 12;
export { MAX_BOARD_ROOMS_PER_SOCKET };

export const boardRoom = (roundId: number) => `board:${roundId}`;
/** The lease whose holder broadcasts a round's board across the cluster (see server/cluster/leases.ts). */
export const boardLease = (roundId: number) => `board:${roundId}`;
const BOARD_LEASE_MIN_MS = 2_000;
/** Screens join this too, so the console can list them (`fetchSockets` works across processes). */
export const screenRoom = (roundId: number) => `screens:${roundId}`;
export const CONSOLE_ROOM = "console:live";

const STAFF = new Set(["admin", "organizer", "judge"]);

// ---------------------------------------------------------------------------------------------------
// Computing a board from the database (also used by the leaderboard pages' loaders).

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

/** Versions grow across restarts too: a screen that reconnects to a new process must not drop its data. */
function nextVersion(previous: number): number {
  return Math.max(previous + 1, Date.now());
}

// ---------------------------------------------------------------------------------------------------
// The live hub: per-round state, coalesced flushes, rooms.

interface RoundState {
  roundId: number;
  version: number;
  computed: ComputedBoard | null;
  /** A change happened since the last computation began. */
  dirty: boolean;
  /** A computation is running: at most one per round at a time, so versions follow the data. */
  running: Promise<void> | null;
  timer: NodeJS.Timeout | null;
  lastFlushAt: number;
  /** Attempts whose page asked for its rank: attemptId → contestantId. */
  watchers: Map<number, number>;
  sentRanks: Map<number, string>;
  consoleTimer: NodeJS.Timeout | null;
}

export interface BoardHubOptions {
  flushIntervalMs?: number;
  /** How often the clock and the round's settings are checked for changes no event announces. */
  tickMs?: number;
}

export interface BoardHub {
  stop(): void;
  /** For tests and the benchmark: how many broadcasts each round has had. */
  broadcasts(roundId: number): number;
}

export function registerBoard(
  io: RealtimeServer,
  services: Services,
  options: BoardHubOptions = {},
): BoardHub {
  const interval = options.flushIntervalMs ?? FLUSH_INTERVAL_MS;
  const leases = leasesOf(services);
  // At least one interval, so a new holder never flushes sooner than the old one would have.
  const leaseMs = Math.max(interval * 4, BOARD_LEASE_MIN_MS);
  const states = new Map<number, RoundState>();
  const broadcastCount = new Map<number, number>();
  let stopped = false;

  const newState = (roundId: number): RoundState => ({
    roundId,
    version: 0,
    computed: null,
    dirty: false,
    running: null,
    timer: null,
    lastFlushAt: -Infinity,
    watchers: new Map(),
    sentRanks: new Map(),
    consoleTimer: null,
  });

  /** Computes the round now (waiting for a computation already running) and returns whether it exists. */
  async function recompute(state: RoundState, broadcast: boolean): Promise<void> {
    while (state.running) await state.running;
    const run = (async () => {
      state.dirty = false;
      const computed = await computeBoard(services, state.roundId);
      if (!computed) {
        state.computed = null;
        return;
      }
      state.computed = computed;
      state.version = nextVersion(state.version);
      if (!broadcast) return;
      // Every process keeps its own state fresh (joins are answered from it) and tells its own watching
      // contestants their rank; only the holder of the round's lease broadcasts to the rooms, which the
      // adapter carries to every process: one broadcast per round per interval across the cluster.
      pushRanks(state);
      if (!(await leases.acquire(boardLease(state.roundId), leaseMs))) return;
      broadcastCount.set(state.roundId, (broadcastCount.get(state.roundId) ?? 0) + 1);
      io.to(boardRoom(state.roundId)).emit("board:update", { ...computed.snapshot, version: state.version });
      queueConsole(state);
    })();
    state.running = run;
    try {
      await run;
    } finally {
      state.running = null;
    }
  }

  function schedule(state: RoundState): void {
    if (stopped || state.timer || !state.dirty) return;
    const delay = Math.max(0, state.lastFlushAt + interval - performance.now());
    state.timer = setTimeout(() => void flush(state), delay);
  }

  async function flush(state: RoundState): Promise<void> {
    state.timer = null;
    if (stopped || !state.dirty) return;
    try {
      await recompute(state, true);
    } catch (error) {
      services.logger.error({ err: error, roundId: state.roundId }, "board flush failed");
    }
    // The interval counts from when this broadcast went out, not from when its computation began: a
    // slow computation followed by a quick one would otherwise put two broadcasts well inside one
    // interval, and the bound is on what the rooms receive.
    state.lastFlushAt = performance.now();
    schedule(state);
  }

  function markDirty(roundId: number): void {
    const state = states.get(roundId);
    if (!state) return; // nobody watches this round: the first join computes it fresh
    state.dirty = true;
    // While a computation runs, the flush that started it schedules the next one when it ends.
    if (!state.running) schedule(state);
  }

  /** The round's state, computed once on first use. Undefined when the round does not exist. */
  async function stateFor(roundId: number): Promise<RoundState | undefined> {
    let state = states.get(roundId);
    if (!state) {
      state = newState(roundId);
      states.set(roundId, state);
      try {
        await recompute(state, false);
      } catch (error) {
        states.delete(roundId);
        throw error;
      }
      if (!state.computed) {
        states.delete(roundId);
        return undefined;
      }
      schedule(state);
    }
    while (state.running && !state.computed) await state.running;
    return state.computed ? state : undefined;
  }

  function snapshotOf(state: RoundState): BoardSnapshot {
    return {
      ...state.computed!.snapshot,
      version: state.version,
      serverNow: services.clock.now().toISOString(),
    };
  }

  function myRank(state: RoundState, attemptId: number, contestantId: number): MyRank {
    const computed = state.computed!;
    const info = computed.ranks.get(contestantId);
    return {
      attemptId,
      roundId: state.roundId,
      rank: info?.rank ?? null,
      of:
        computed.snapshot.view === "hidden" || computed.snapshot.view === "frozen"
          ? 0
          : computed.snapshot.ranked,
      view: computed.snapshot.view,
      prize: info?.prize ?? null,
    };
  }

  /** Each watching contestant gets their own rank, in their attempt's room, only when it changed. */
  function pushRanks(state: RoundState): void {
    for (const [attemptId, contestantId] of state.watchers) {
      const rank = myRank(state, attemptId, contestantId);
      const key = JSON.stringify(rank);
      if (state.sentRanks.get(attemptId) === key) continue;
      state.sentRanks.set(attemptId, key);
      io.to(attemptRoom(attemptId)).emit("me:rank", rank);
    }
  }

  async function screensOf(roundId: number): Promise<ScreenInfo[]> {
    const sockets: RemoteSocket<ServerToClientEvents, SocketData>[] = await io
      .in(screenRoom(roundId))
      .fetchSockets();
    return sockets.map((s) => ({
      id: s.id.slice(0, 8),
      address: s.handshake.address,
      userAgent: String(s.handshake.headers["user-agent"] ?? "").slice(0, 160),
      since: new Date(s.handshake.issued).toISOString(),
    }));
  }

  async function consoleRound(state: RoundState): Promise<ConsoleRound> {
    const { snapshot, allUnits } = state.computed!;
    return {
      roundId: state.roundId,
      title: snapshot.roundTitle,
      phase: snapshot.phase,
      view: snapshot.view,
      version: state.version,
      submitted: snapshot.submitted,
      takingNow: snapshot.takingNow,
      units: allUnits,
      screens: await screensOf(state.roundId),
    };
  }

  /** The console hears about a round at the same bounded rate as the screens. */
  function queueConsole(state: RoundState): void {
    if (stopped || state.consoleTimer) return;
    state.consoleTimer = setTimeout(() => {
      state.consoleTimer = null;
      if (stopped || !state.computed) return;
      consoleRound(state)
        .then((round) => io.to(CONSOLE_ROOM).emit("console:update", round))
        .catch((error) => services.logger.error({ err: error }, "console update failed"));
    }, interval);
  }

  // The clock and the round settings: the freeze, the close and an organizer's edit announce nothing.
  let ticks = 0;
  const ticker = setInterval(() => {
    ticks++;
    const now = services.clock.now();
    for (const state of states.values()) {
      const round = state.computed?.round;
      if (!round) continue;
      const shown = `${state.computed!.snapshot.phase}|${state.computed!.snapshot.view === "official" ? "live" : state.computed!.snapshot.view}`;
      if (timeKey(round, now) !== shown) markDirty(state.roundId);
      else if (ticks % 10 === 0) {
        findRoundSettings(services.db, state.roundId)
          .then((fresh) => {
            if (!fresh || settingsKey(fresh) !== settingsKey(round)) markDirty(state.roundId);
          })
          .catch(() => undefined);
      }
    }
  }, options.tickMs ?? 1000);
  ticker.unref();

  // Events from every process: each keeps its own copy of the boards it serves.
  const unsubscribe = [
    services.events.on("attemptStarted", (e) => markDirty(e.roundId), "cluster"),
    services.events.on(
      "attemptSubmitted",
      (e) => {
        if (!e.isPractice && e.roundId !== null) markDirty(e.roundId);
      },
      "cluster",
    ),
    services.events.on("roundRanked", (e) => markDirty(e.roundId), "cluster"),
    services.events.on("roundPublished", (e) => markDirty(e.roundId), "cluster"),
  ];

  const boardRoomsOf = (socket: ContestSocket) =>
    [...socket.rooms].filter((r) => r.startsWith("board:")).length;

  io.on("connection", (socket: ContestSocket) => {
    handle(
      services,
      socket,
      "board:join",
      boardJoinPayload,
      async ({ roundId, screen }): Promise<Ack<BoardSnapshot>> => {
        const room = boardRoom(roundId);
        if (!socket.rooms.has(room) && boardRoomsOf(socket) >= MAX_BOARD_ROOMS_PER_SOCKET)
          return { error: { code: "tooManyRooms" } };
        const state = await stateFor(roundId);
        if (!state) return { error: { code: "notFound" } };
        // Join first, then answer: a flush in between reaches this socket, and its version is higher.
        await socket.join(room);
        if (screen) {
          await socket.join(screenRoom(roundId));
          queueConsole(state);
        }
        return { data: snapshotOf(state) };
      },
    );

    handle(services, socket, "board:leave", boardLeavePayload, async ({ roundId }): Promise<Ack<null>> => {
      if (!socket.rooms.has(boardRoom(roundId))) return { error: { code: "notJoined" } };
      await socket.leave(boardRoom(roundId));
      if (socket.rooms.has(screenRoom(roundId))) {
        await socket.leave(screenRoom(roundId));
        const state = states.get(roundId);
        if (state) queueConsole(state);
      }
      return { data: null };
    });

    handle(services, socket, "me:rank", attemptRef, async ({ attemptId }): Promise<Ack<MyRank>> => {
      const userId = socket.data.userId;
      if (userId === null || socket.data.role !== "contestant") return { error: { code: "notSignedIn" } };
      const attempt = await findAttempt(services.db, attemptId);
      const contestant = await findContestantByUserId(services.db, userId);
      if (!attempt || !contestant || attempt.contestant_id !== contestant.id)
        return { error: { code: "notYours" } };
      if (attempt.round_id === null || attempt.is_practice === 1) return { error: { code: "practice" } };
      const state = await stateFor(attempt.round_id);
      if (!state) return { error: { code: "notFound" } };
      await socket.join(attemptRoom(attemptId));
      state.watchers.set(attemptId, contestant.id);
      const rank = myRank(state, attemptId, contestant.id);
      state.sentRanks.set(attemptId, JSON.stringify(rank));
      return { data: rank };
    });

    handle(services, socket, "console:watch", consoleWatchPayload, async (): Promise<Ack<ConsoleLive>> => {
      if (!socket.data.role || !STAFF.has(socket.data.role)) return { error: { code: "forbidden" } };
      const contest = await findCurrentContest(services.db);
      const rounds = contest ? await listRounds(services.db, contest.id) : [];
      await socket.join(CONSOLE_ROOM);
      const live: ConsoleRound[] = [];
      for (const round of rounds) {
        const state = await stateFor(round.id);
        if (state) live.push(await consoleRound(state));
      }
      return { data: { rounds: live } };
    });

    socket.on("disconnecting", () => {
      for (const room of socket.rooms) {
        const match = /^screens:(\d+)$/.exec(room);
        const state = match ? states.get(Number(match[1])) : undefined;
        if (state) queueConsole(state);
      }
    });
  });

  return {
    stop() {
      stopped = true;
      clearInterval(ticker);
      for (const off of unsubscribe) off();
      for (const state of states.values()) {
        if (state.timer) clearTimeout(state.timer);
        if (state.consoleTimer) clearTimeout(state.consoleTimer);
      }
    },
    broadcasts: (roundId) => broadcastCount.get(roundId) ?? 0,
  };
}
