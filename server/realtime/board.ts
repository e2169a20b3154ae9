/**
 * The realtime board of each round: sends what audience screens, the public leaderboard and the console
 * show. What a board shows is the read model's (`computeBoard`, server/contest/board.ts); this module
 * keeps per round the last computed board and its version, and decides when to send it.
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
import type { RemoteSocket } from "socket.io";
import {
  attemptRef,
  boardJoinPayload,
  boardLeavePayload,
  consoleWatchPayload,
  MAX_BOARD_ROOMS_PER_SOCKET,
  type Ack,
  type BoardSnapshot,
  type ConsoleLive,
  type ConsoleRound,
  type ContestSocket,
  type MyRank,
  type RealtimeServer,
  type ScreenInfo,
  type ServerToClientEvents,
  type SocketData,
} from "~/realtime/contract";
import { findAttempt } from "#db/repos/attempts";
import { findContestantByUserId } from "#db/repos/contestants";
import { findCurrentContest } from "#db/repos/contests";
import { findRoundSettings, listRounds } from "#db/repos/rounds";
import { computeBoard, movedByClock, rankOn, settingsChanged, type ComputedBoard } from "../contest/board";
import { leasesOf, type Services } from "../services";
import { handle } from "./handle";
import { attemptRoom, boardRoom, CONSOLE_ROOM, screenRoom } from "./rooms";

/** At most two broadcasts a second per round: fast enough to feel live, slow enough to absorb a burst. */
export const FLUSH_INTERVAL_MS = 500;
export { MAX_BOARD_ROOMS_PER_SOCKET };

/** The lease whose holder broadcasts a round's board across the cluster (see server/cluster/leases.ts). */
export const boardLease = (roundId: number) => `board:${roundId}`;
const BOARD_LEASE_MIN_MS = 2_000;

const STAFF = new Set(["admin", "organizer", "judge"]);

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
    return rankOn(state.computed!, attemptId, contestantId);
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
      if (movedByClock(state.computed!, now)) markDirty(state.roundId);
      else if (ticks % 10 === 0) {
        findRoundSettings(services.db, state.roundId)
          .then((fresh) => {
            if (!fresh || settingsChanged(round, fresh)) markDirty(state.roundId);
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
