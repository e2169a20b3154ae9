/**
 * The live final's service (issue 14): the one place that decides its time, accepts answers, scores
 * and ranks. Each final's state is kept in memory for speed and written to the database on every
 * transition (answers before their acknowledgement), so a restart resumes the same question with the
 * same deadline (`start` reloads every unfinished final).
 *
 * Fan-out: a transition is one broadcast to `live:<roundId>`; the answer counts go to the screens and
 * the host's console (`live:<roundId>:watch`) at most every COUNTS_INTERVAL_MS and only when they
 * changed (phones show no counts, so two thousand phones are not written to three times a second while
 * they answer); each player's own result goes to their own room. Never one message per answer. Everything goes through `io.to(room)`, so it travels
 * through whichever Socket.IO adapter is installed.
 */
import { maskName } from "~/rules/masking";
import { liveEligibility, mayPlay, type LiveEligibility } from "~/rules/live/eligibility";
import {
  answerPoints,
  liveStandings,
  movement,
  type LiveScoring,
  type LiveTotal,
} from "~/rules/live/scoring";
import {
  acceptAnswer,
  applyCommand,
  expire,
  type LiveCommand,
  type LivePhase,
  type LiveState,
} from "~/rules/live/state";
import { allocatePrizes, type PrizeCounts } from "~/rules/prizes";
import type {
  LiveBoardRow,
  LiveCounts,
  LiveResult,
  LiveSaved,
  LiveSeat,
  LiveServerToClientEvents,
  LiveUnitCount,
  LiveView,
} from "~/realtime/live-contract";
import { recordAudit } from "#db/repos/audit";
import { findContestant, findContestantByUserId } from "#db/repos/contestants";
import {
  addLivePlayer,
  findLiveFinal,
  findLiveFinalIdByCode,
  findLiveSeat,
  insertLiveAnswers,
  type InsertAnswerResult,
  listLiveAnswers,
  listLivePlayers,
  listLiveQuestions,
  listUnfinishedLiveFinalIds,
  markLiveQuestion,
  officialRanksOf,
  saveLiveState,
  setLivePrediction,
  unitAncestry,
  writeLiveAttempts,
  type LiveQuestionFull,
} from "#db/repos/live-finals";
import { storeOfficialRanking } from "#db/repos/rankings";
import type { Services } from "../services";

export const COUNTS_INTERVAL_MS = 300;
const BOARD_SIZE = 10;
const PODIUM_SIZE = 10;

/** How the hub reaches the rooms: `io.to(room).emit(...)`, nothing else. */
export type LiveEmit = <E extends keyof LiveServerToClientEvents>(
  room: string,
  event: E,
  ...args: Parameters<LiveServerToClientEvents[E]>
) => void;

export const liveRoom = (roundId: number) => `live:${roundId}`;
/** The screens and the host's console: the ones that show how many joined and answered. */
export const liveWatchRoom = (roundId: number) => `live:${roundId}:watch`;
export const livePlayerRoom = (roundId: number, contestantId: number) => `live:${roundId}:p:${contestantId}`;

interface Player {
  contestantId: number;
  key: string;
  name: string;
  unitId: number;
  unit: string;
  prediction: number | null;
}

interface Runtime {
  roundId: number;
  title: string;
  joinCode: string;
  scoring: LiveScoring;
  eligibility: LiveEligibility;
  prizes: PrizeCounts;
  /** Whether phones are asked the prediction question (the last tie-breaker). */
  predictionEnabled: boolean;
  contestId: number;
  state: LiveState;
  version: number;
  questions: LiveQuestionFull[];
  players: Map<number, Player>;
  /** position → contestant → answer */
  answers: Map<number, Map<number, { choice: number; elapsedMs: number; answeredAt: string }>>;
  standings: LiveTotal[];
  standingOf: Map<number, LiveTotal>;
  unitCounts: Map<string, number>;
  ranksBefore: Map<number, number>;
  ranksNow: Map<number, number>;
  countsDirty: boolean;
  deadlineTimer: NodeJS.Timeout | null;
  /** This process gave the final up (another process owns it now): it sets no more timers. */
  dropped: boolean;
  /** Commands and the deadline run one at a time per final. */
  queue: Promise<unknown>;
}

export type LiveFailure =
  | "notFound"
  | "notContestant"
  | "notEligible"
  | "disqualified"
  | "staffMember"
  | "notJoined"
  | "notOpen"
  | "tooLate"
  | "badChoice"
  | "alreadyAnswered"
  | "notAllowed"
  | "noQuestions"
  | "ended";

export type LiveOutcome<T> = { ok: true; data: T } | { ok: false; code: LiveFailure };

const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));

export class LiveHub {
  private readonly finals = new Map<number, Promise<Runtime | undefined>>();
  private countsTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly services: Services,
    private readonly emit: LiveEmit,
  ) {}

  /**
   * Resumes every unfinished final (after a restart) and starts the counts flusher. With several
   * processes, `resume` says which finals this one owns (server/live/owners.ts); alone, all of them.
   */
  async start(resume?: (roundId: number) => Promise<boolean>): Promise<void> {
    for (const roundId of await listUnfinishedLiveFinalIds(this.services.db))
      if (!resume || (await resume(roundId))) await this.runtime(roundId);
    this.countsTimer = setInterval(() => this.flushCounts(), COUNTS_INTERVAL_MS);
    this.countsTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.countsTimer) clearInterval(this.countsTimer);
    for (const pending of this.finals.values()) {
      const rt = await pending;
      if (rt?.deadlineTimer) clearTimeout(rt.deadlineTimer);
      await rt?.queue;
    }
  }

  /**
   * Forgets a final this process no longer owns: its deadline timer stops here, and the next call about
   * it loads it again from the database (where the owner wrote every transition and answer).
   */
  drop(roundId: number): void {
    const pending = this.finals.get(roundId);
    if (!pending) return;
    this.finals.delete(roundId);
    void pending
      .then((rt) => {
        if (!rt) return;
        rt.dropped = true;
        if (rt.deadlineTimer) clearTimeout(rt.deadlineTimer);
        rt.deadlineTimer = null;
      })
      .catch(() => undefined);
  }

  /**
   * Takes up a final this process has just come to own (another process died): loads it from the
   * database if it is not in memory yet and tells its rooms where it stands, since the question may have
   * closed at its deadline while nobody ran it. False when there is no such final.
   */
  async adopt(roundId: number): Promise<boolean> {
    const rt = await this.runtime(roundId);
    if (rt) this.emit(liveRoom(rt.roundId), "live:state", this.view(rt));
    return rt !== undefined;
  }

  private runtime(roundId: number): Promise<Runtime | undefined> {
    let pending = this.finals.get(roundId);
    if (!pending) {
      pending = this.load(roundId);
      this.finals.set(roundId, pending);
      pending.then((rt) => rt ?? this.finals.delete(roundId)).catch(() => this.finals.delete(roundId));
    }
    return pending;
  }

  private async load(roundId: number): Promise<Runtime | undefined> {
    const { db } = this.services;
    const row = await findLiveFinal(db, roundId);
    if (!row) return undefined;
    const questions = await listLiveQuestions(db, roundId);
    const players = await listLivePlayers(db, roundId);
    const answers = await listLiveAnswers(db, roundId);
    const prizes = JSON.parse(row.prizes) as PrizeCounts;
    const state: LiveState = {
      phase: row.phase as LivePhase,
      position: row.position,
      questionCount: questions.length,
      secondsPerQuestion: row.seconds_per_question,
      startedAt: row.question_started_at ? Date.parse(row.question_started_at) : null,
      deadlineAt: row.deadline_at ? Date.parse(row.deadline_at) : null,
      pausedRemainingMs: row.paused_remaining_ms,
      skipped: questions.filter((q) => q.skipped).map((q) => q.position),
    };
    const rt: Runtime = {
      roundId,
      title: row.title,
      joinCode: row.join_code,
      contestId: row.contest_id,
      scoring: {
        basePoints: row.base_points,
        speedBonus: row.speed_bonus === 1,
        speedBonusPoints: row.speed_bonus_points,
        secondsPerQuestion: row.seconds_per_question,
      },
      eligibility: liveEligibility.parse(JSON.parse(row.eligibility)),
      prizes,
      predictionEnabled: row.prediction_enabled === 1,
      state,
      version: row.version,
      questions,
      players: new Map(),
      answers: new Map(),
      standings: [],
      standingOf: new Map(),
      unitCounts: new Map(),
      ranksBefore: new Map(),
      ranksNow: new Map(),
      countsDirty: false,
      deadlineTimer: null,
      dropped: false,
      queue: Promise.resolve(),
    };
    players.forEach((p, i) => {
      rt.players.set(p.contestantId, toPlayer(p, i));
      rt.unitCounts.set(p.unitName, (rt.unitCounts.get(p.unitName) ?? 0) + 1);
    });
    for (const a of answers) this.remember(rt, a.position, a.contestantId, a);
    this.restand(rt);
    // The server was down past the deadline: the question closes now, with the same deadline kept.
    const expired = expire(rt.state, this.services.clock.now().getTime());
    if (expired !== rt.state) {
      rt.state = expired;
      rt.version++;
      await this.persist(rt, null);
    }
    this.schedule(rt);
    return rt;
  }

  private remember(
    rt: Runtime,
    position: number,
    contestantId: number,
    a: { choice: number; elapsedMs: number; answeredAt: string },
  ) {
    let map = rt.answers.get(position);
    if (!map) rt.answers.set(position, (map = new Map()));
    map.set(contestantId, { choice: a.choice, elapsedMs: a.elapsedMs, answeredAt: a.answeredAt });
  }

  /** Recomputes the standings over the questions already revealed (or skipped: they count for nobody). */
  private restand(rt: Runtime) {
    const { phase, position } = rt.state;
    const upTo = phase === "revealed" || phase === "board" || phase === "podium" ? position : position - 1;
    const answers = [];
    for (const [pos, map] of rt.answers) {
      if (pos > upTo) continue;
      const q = rt.questions[pos];
      for (const [contestantId, a] of map)
        answers.push({
          contestantId,
          position: pos,
          correct: isCorrect(q, a.choice),
          elapsedMs: a.elapsedMs,
        });
    }
    const { rows } = liveStandings(
      rt.scoring,
      [...rt.players.values()].map((p) => ({ contestantId: p.contestantId, prediction: p.prediction })),
      answers,
      { questionCount: Math.max(0, upTo + 1), skipped: new Set(rt.state.skipped) },
    );
    rt.ranksBefore = rt.ranksNow;
    rt.ranksNow = new Map(rows.map((r) => [r.contestantId, r.rank]));
    rt.standings = rows;
    rt.standingOf = new Map(rows.map((r) => [r.contestantId, r]));
  }

  private schedule(rt: Runtime) {
    if (rt.deadlineTimer) clearTimeout(rt.deadlineTimer);
    rt.deadlineTimer = null;
    if (rt.dropped || rt.state.phase !== "open" || rt.state.deadlineAt === null) return;
    const wait = Math.max(0, rt.state.deadlineAt - this.services.clock.now().getTime());
    rt.deadlineTimer = setTimeout(() => {
      rt.deadlineTimer = null;
      void this.serial(rt, async () => {
        const next = expire(
          rt.state,
          Math.max(this.services.clock.now().getTime(), rt.state.deadlineAt ?? 0),
        );
        if (next === rt.state) return;
        rt.state = next;
        rt.version++;
        await this.persist(rt, null);
        this.flushCountsOf(rt);
        this.emit(liveRoom(rt.roundId), "live:state", this.view(rt));
      }).catch((error) =>
        this.services.logger.error({ err: error, roundId: rt.roundId }, "live deadline failed"),
      );
    }, wait);
    rt.deadlineTimer.unref?.();
  }

  private serial<T>(rt: Runtime, work: () => Promise<T>): Promise<T> {
    const next = rt.queue.then(work, work);
    rt.queue = next.catch(() => undefined);
    return next;
  }

  private async persist(rt: Runtime, audit: { actorUserId: number | null; command: LiveCommand } | null) {
    const now = this.services.clock.now();
    await this.services.db.transaction().execute(async (trx) => {
      await saveLiveState(
        trx,
        rt.roundId,
        {
          phase: rt.state.phase,
          position: rt.state.position,
          questionStartedAt: toDate(rt.state.startedAt),
          deadlineAt: toDate(rt.state.deadlineAt),
          pausedRemainingMs: rt.state.pausedRemainingMs,
          version: rt.version,
        },
        now,
      );
      if (audit)
        await recordAudit(trx, {
          actorUserId: audit.actorUserId,
          action: `live.${audit.command}`,
          entity: "round",
          entityId: rt.roundId,
          details: { position: rt.state.position, phase: rt.state.phase },
          now,
        });
    });
  }

  // -------------------------------------------------------------------------------------------------
  // What the host does.

  async command(input: {
    roundId: number;
    command: LiveCommand;
    actorUserId: number | null;
  }): Promise<LiveOutcome<LiveView>> {
    const rt = await this.runtime(input.roundId);
    if (!rt) return { ok: false, code: "notFound" };
    return this.serial(rt, async (): Promise<LiveOutcome<LiveView>> => {
      const now = this.services.clock.now();
      const current = expire(rt.state, now.getTime());
      const t = applyCommand(current, input.command, now.getTime());
      if (!t.ok) return { ok: false, code: t.code };
      const before = rt.state;
      rt.state = t.state;
      rt.version++;
      const { db } = this.services;
      try {
        if (t.skippedPosition !== undefined)
          await markLiveQuestion(db, rt.roundId, t.skippedPosition, { skipped: true });
        if (input.command === "start" || input.command === "next")
          await markLiveQuestion(db, rt.roundId, rt.state.position, { opened: now });
        if (input.command === "reveal")
          await markLiveQuestion(db, rt.roundId, rt.state.position, { revealed: now });
        if (input.command === "end") await this.writeResults(rt, input.actorUserId, now);
        await this.persist(rt, { actorUserId: input.actorUserId, command: input.command });
      } catch (error) {
        rt.state = before;
        rt.version--;
        throw error;
      }
      if (["reveal", "skip", "end"].includes(input.command)) this.restand(rt);
      this.schedule(rt);
      this.flushCountsOf(rt);
      const view = this.view(rt);
      this.emit(liveRoom(rt.roundId), "live:state", view);
      if (input.command === "reveal" || input.command === "skip") this.sendResults(rt);
      if (input.command === "end") this.services.events.emit("roundRanked", { roundId: rt.roundId });
      return { ok: true, data: view };
    });
  }

  /** Writes the final's result where every round's result lives: attempts, the ranking snapshot, the audit. */
  private async writeResults(rt: Runtime, actorUserId: number | null, now: Date) {
    const endState = rt.state;
    const answers = [];
    for (const [pos, map] of rt.answers)
      for (const [contestantId, a] of map)
        answers.push({
          contestantId,
          position: pos,
          correct: isCorrect(rt.questions[pos], a.choice),
          elapsedMs: a.elapsedMs,
        });
    const lastPlayed = endState.position;
    const { perfectCount, rows } = liveStandings(
      rt.scoring,
      [...rt.players.values()].map((p) => ({ contestantId: p.contestantId, prediction: p.prediction })),
      answers.filter((a) => a.position <= lastPlayed),
      { questionCount: lastPlayed + 1, skipped: new Set(endState.skipped) },
    );
    const skipped = new Set(endState.skipped);
    const firstOpened = rt.questions.length > 0 ? now : now;
    await this.services.db.transaction().execute(async (trx) => {
      const attemptIds = await writeLiveAttempts(trx, {
        roundId: rt.roundId,
        startedAt: firstOpened,
        endedAt: now,
        results: rows.map((r) => ({
          contestantId: r.contestantId,
          score: r.score,
          correctCount: r.correctCount,
          allCorrect: r.allCorrect,
          durationMs: r.correctTimeMs,
          prediction: r.prediction,
          items: rt.questions
            .filter((q) => q.position <= lastPlayed)
            .map((q) => {
              const a = rt.answers.get(q.position)?.get(r.contestantId);
              const correct = !skipped.has(q.position) && a !== undefined && isCorrect(q, a.choice);
              return {
                position: q.position,
                questionVersionId: q.questionVersionId,
                optionCount: q.options.length,
                chosen: a?.choice ?? null,
                answeredAt: a?.answeredAt ?? null,
                isCorrect: correct,
                points: correct && a ? answerPoints(rt.scoring, true, a.elapsedMs) : 0,
              };
            }),
        })),
      });
      const ranked = rows.map((r) => ({ ...r, attemptId: attemptIds.get(r.contestantId) ?? 0 }));
      const prizes = allocatePrizes(ranked, rt.prizes);
      await storeOfficialRanking(trx, {
        roundId: rt.roundId,
        perfectCount,
        at: now,
        rows: ranked.map((r) => ({
          attemptId: r.attemptId,
          rank: r.rank,
          score: r.score,
          predictionDistance: r.predictionDistance,
          durationMs: r.correctTimeMs,
          submittedAt: now.toISOString(),
          prize: prizes.get(r.attemptId) ?? null,
        })),
      });
      await trx
        .updateTable("rounds")
        .set({ closes_at: now.toISOString() })
        .where("id", "=", rt.roundId)
        .execute();
      await recordAudit(trx, {
        actorUserId,
        action: "round.rank",
        entity: "round",
        entityId: rt.roundId,
        details: { live: true, perfectCount, ranked: rows.length, skipped: endState.skipped },
        now,
      });
    });
  }

  private sendResults(rt: Runtime) {
    const position = rt.state.position;
    const q = rt.questions[position];
    const map = rt.answers.get(position);
    const skipped = rt.state.skipped.includes(position);
    const of = rt.standings.length;
    for (const row of rt.standings) {
      const a = map?.get(row.contestantId);
      const correct = !skipped && a !== undefined && isCorrect(q, a.choice);
      const result: LiveResult = {
        roundId: rt.roundId,
        position,
        choice: a?.choice ?? null,
        correct,
        skipped,
        points: correct && a ? answerPoints(rt.scoring, true, a.elapsedMs) : 0,
        score: row.score,
        rank: row.rank,
        of,
      };
      this.emit(livePlayerRoom(rt.roundId, row.contestantId), "live:result", result);
    }
  }

  // -------------------------------------------------------------------------------------------------
  // What the phones do.

  async join(input: {
    userId: number | null;
    code?: string;
    roundId?: number;
    /** A seat code (invited teams): takes that contestant's seat, without an account. */
    seat?: string;
    prediction?: number | null;
  }): Promise<LiveOutcome<{ seat: LiveSeat; contestantId: number; roundId: number }>> {
    const { db, clock } = this.services;
    const seat = input.seat ? await findLiveSeat(db, input.seat) : undefined;
    if (input.seat && (!seat || (input.roundId !== undefined && input.roundId !== seat.roundId)))
      return { ok: false, code: "notFound" };
    const roundId =
      seat?.roundId ??
      input.roundId ??
      (input.code ? await findLiveFinalIdByCode(db, input.code) : undefined);
    if (roundId === undefined) return { ok: false, code: "notFound" };
    const rt = await this.runtime(roundId);
    if (!rt) return { ok: false, code: "notFound" };
    if (input.code && input.code.toUpperCase() !== rt.joinCode) return { ok: false, code: "notFound" };
    if (!seat && input.userId === null) return { ok: false, code: "notContestant" };
    const contestant = seat
      ? await findContestant(db, seat.contestantId)
      : await findContestantByUserId(db, input.userId ?? 0);
    if (!contestant || contestant.contest_id !== rt.contestId) return { ok: false, code: "notContestant" };
    // A prediction counts only when the final asks for it, and only before the first question.
    const prediction = rt.predictionEnabled && rt.state.phase === "lobby" ? input.prediction : undefined;
    let player = rt.players.get(contestant.id);
    if (!player) {
      if (rt.state.phase === "podium") return { ok: false, code: "ended" };
      const rule = rt.eligibility;
      const allowed = mayPlay(rule, {
        contestantId: contestant.id,
        unitId: contestant.unit_id,
        unitAncestry: rule.kind === "units" ? await unitAncestry(db, contestant.unit_id) : [],
        ranks:
          rule.kind === "topOfRounds" ? await officialRanksOf(db, contestant.id, rule.roundIds) : new Map(),
        active: contestant.status === "active",
        staffMember: contestant.is_staff_member === 1,
      });
      if (!allowed.ok) return { ok: false, code: allowed.code };
      await addLivePlayer(db, {
        roundId,
        contestantId: contestant.id,
        prediction: prediction ?? null,
        now: clock.now(),
      });
      player =
        rt.players.get(contestant.id) ??
        toPlayer(
          {
            contestantId: contestant.id,
            fullName: contestant.full_name,
            unitId: contestant.unit_id,
            unitName: contestant.unit_name,
            prediction: prediction ?? null,
          },
          rt.players.size,
        );
      if (!rt.players.has(contestant.id)) {
        rt.players.set(contestant.id, player);
        rt.unitCounts.set(player.unit, (rt.unitCounts.get(player.unit) ?? 0) + 1);
      }
      rt.countsDirty = true;
    } else if (prediction !== undefined) {
      await setLivePrediction(db, roundId, contestant.id, prediction);
      player.prediction = prediction;
    }
    return { ok: true, data: { seat: this.seat(rt, player), contestantId: contestant.id, roundId } };
  }

  async answer(input: {
    userId: number | null;
    /** The contestant whose seat this socket took with a seat code, if it did. */
    seatContestantId?: number;
    roundId: number;
    position: number;
    choice: number;
  }): Promise<LiveOutcome<LiveSaved>> {
    const rt = await this.runtime(input.roundId);
    if (!rt) return { ok: false, code: "notFound" };
    if (input.seatContestantId === undefined && input.userId === null)
      return { ok: false, code: "notContestant" };
    const contestantId =
      input.seatContestantId ?? (input.userId === null ? null : await this.contestantOf(input.userId));
    if (contestantId === null || !rt.players.has(contestantId)) return { ok: false, code: "notJoined" };
    const given = rt.answers.get(input.position)?.get(contestantId);
    if (given) return this.answeredAgain(rt.roundId, input, contestantId, given);
    const now = this.services.clock.now();
    const q = rt.questions[input.position];
    const check = acceptAnswer(rt.state, input.position, input.choice, q?.options.length ?? 0, now.getTime());
    if (!check.ok) return { ok: false, code: check.code };
    // The seat is taken in memory first, so a second answer racing this one is refused (or, the same
    // choice, waits for this one's write); the answer is written (with those that arrived in the same
    // turn of the event loop) before the acknowledgement.
    const answer = { choice: input.choice, elapsedMs: check.elapsedMs, answeredAt: now.toISOString() };
    this.remember(rt, input.position, contestantId, answer);
    const key = writingKey(rt.roundId, input.position, contestantId);
    const write = this.writeAnswer({
      roundId: rt.roundId,
      position: input.position,
      contestantId,
      choice: input.choice,
      elapsedMs: check.elapsedMs,
      now,
    });
    this.writing.set(key, write);
    try {
      const saved = await write;
      if (saved === "alreadyAnswered") return { ok: false, code: "alreadyAnswered" };
    } catch (error) {
      rt.answers.get(input.position)?.delete(contestantId);
      throw error;
    } finally {
      this.writing.delete(key);
    }
    rt.countsDirty = true;
    return { ok: true, data: { position: input.position, choice: input.choice, savedAt: answer.answeredAt } };
  }

  /** Answers being written, by round, position and contestant: a repeat of one waits for its write. */
  private readonly writing = new Map<string, Promise<InsertAnswerResult>>();

  /**
   * The player answered this question already. Another choice is refused. The same choice again is a
   * repeat whose acknowledgement was lost (a dropped connection, or a process that died after writing
   * it and before answering): once that answer is written it is acknowledged as saved, whatever the
   * phase now, so the phone shows what the server holds.
   */
  private async answeredAgain(
    roundId: number,
    input: { position: number; choice: number },
    contestantId: number,
    given: { choice: number; answeredAt: string },
  ): Promise<LiveOutcome<LiveSaved>> {
    if (given.choice !== input.choice) return { ok: false, code: "alreadyAnswered" };
    const write = this.writing.get(writingKey(roundId, input.position, contestantId));
    if (write && (await write) !== "saved") return { ok: false, code: "alreadyAnswered" };
    return { ok: true, data: { position: input.position, choice: given.choice, savedAt: given.answeredAt } };
  }

  private pending: {
    row: Parameters<typeof insertLiveAnswers>[1][number];
    done: (result: InsertAnswerResult | Error) => void;
  }[] = [];
  private pendingFlush: NodeJS.Immediate | null = null;

  /**
   * Group commit without waiting: the answers that arrived in the same turn of the event loop are
   * written by one statement once that turn's I/O is read (setImmediate), then each is acknowledged.
   * A lone answer is written at once; under a burst the batch grows by itself.
   */
  private writeAnswer(row: Parameters<typeof insertLiveAnswers>[1][number]): Promise<InsertAnswerResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ row, done: (r) => (r instanceof Error ? reject(r) : resolve(r)) });
      this.pendingFlush ??= setImmediate(() => void this.flushAnswers());
    });
  }

  private async flushAnswers() {
    this.pendingFlush = null;
    const batch = this.pending;
    this.pending = [];
    try {
      const saved = await insertLiveAnswers(
        this.services.db,
        batch.map((b) => b.row),
      );
      batch.forEach((b, i) => b.done(saved[i]));
    } catch (error) {
      for (const b of batch) b.done(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** user id → contestant id, cached: the answer path must not query it for every answer. */
  private readonly contestants = new Map<number, number | null>();
  private async contestantOf(userId: number): Promise<number | null> {
    if (this.contestants.has(userId)) return this.contestants.get(userId) ?? null;
    const c = await findContestantByUserId(this.services.db, userId);
    const id = c?.id ?? null;
    this.contestants.set(userId, id);
    return id;
  }

  // -------------------------------------------------------------------------------------------------
  // What screens and the console read.

  async watch(roundId: number): Promise<LiveOutcome<LiveView>> {
    const rt = await this.runtime(roundId);
    if (!rt) return { ok: false, code: "notFound" };
    return { ok: true, data: this.view(rt, { byUnit: true }) };
  }

  private seat(rt: Runtime, player: Player): LiveSeat {
    const view = this.view(rt);
    const a = rt.answers.get(rt.state.position)?.get(player.contestantId);
    const row = rt.standingOf.get(player.contestantId);
    const shown = view.reveal !== null || rt.state.skipped.includes(rt.state.position);
    const q = rt.questions[rt.state.position];
    const correct =
      shown && a !== undefined && !rt.state.skipped.includes(rt.state.position) && isCorrect(q, a.choice);
    return {
      view,
      name: player.name,
      prediction: player.prediction,
      answer: a ? { position: rt.state.position, choice: a.choice } : null,
      result:
        row && (shown || rt.state.phase === "podium")
          ? {
              roundId: rt.roundId,
              position: rt.state.position,
              choice: a?.choice ?? null,
              correct,
              skipped: rt.state.skipped.includes(rt.state.position),
              points: correct && a ? answerPoints(rt.scoring, true, a.elapsedMs) : 0,
              score: row.score,
              rank: row.rank,
              of: rt.standings.length,
            }
          : null,
    };
  }

  /**
   * What everyone sees. Who joined per unit goes with it only in the lobby (or when a screen asks):
   * once questions run, the broadcast to every phone leaves it out, and the screens and the host get
   * it with the counts.
   */
  private view(rt: Runtime, options: { byUnit?: boolean } = {}): LiveView {
    const { state } = rt;
    const q = state.position >= 0 ? rt.questions[state.position] : undefined;
    const inQuestion = ["open", "paused", "closed", "revealed"].includes(state.phase) && q !== undefined;
    const answersNow = rt.answers.get(state.position);
    const showBoard = state.phase === "board" || state.phase === "podium";
    return {
      roundId: rt.roundId,
      version: rt.version,
      title: rt.title,
      phase: state.phase,
      position: state.position,
      questionCount: state.questionCount,
      serverNow: this.services.clock.now().toISOString(),
      deadlineAt: state.deadlineAt === null ? null : new Date(state.deadlineAt).toISOString(),
      pausedRemainingMs: state.pausedRemainingMs,
      secondsPerQuestion: state.secondsPerQuestion,
      predictionEnabled: rt.predictionEnabled,
      scoring: {
        basePoints: rt.scoring.basePoints,
        speedBonus: rt.scoring.speedBonus,
        speedBonusPoints: rt.scoring.speedBonusPoints,
      },
      joinCode: rt.joinCode,
      joined: rt.players.size,
      ...(options.byUnit || state.phase === "lobby" ? { joinedByUnit: joinedByUnit(rt) } : {}),
      question:
        inQuestion && q
          ? { position: q.position, text: q.text, options: q.options, picture: q.picture }
          : null,
      answered: answersNow?.size ?? 0,
      skipped: [...state.skipped],
      reveal:
        state.phase === "revealed" && q
          ? {
              position: q.position,
              correct: q.correct,
              counts: q.options.map(
                (_, i) => [...(answersNow?.values() ?? [])].filter((a) => a.choice === i).length,
              ),
              answered: answersNow?.size ?? 0,
              explanation: q.explanation,
              source: q.sourceDocument,
            }
          : null,
      board: showBoard ? this.board(rt, state.phase === "podium" ? PODIUM_SIZE : BOARD_SIZE) : null,
    };
  }

  private board(rt: Runtime, size: number): LiveBoardRow[] {
    return rt.standings.slice(0, size).map((r) => {
      const p = rt.players.get(r.contestantId);
      return {
        key: p?.key ?? String(r.rank),
        rank: r.rank,
        name: p?.name ?? "",
        unit: p?.unit ?? "",
        score: r.score,
        movement: rt.ranksBefore.size > 0 ? movement(rt.ranksBefore, r.contestantId, r.rank) : null,
      };
    });
  }

  private flushCounts() {
    for (const pending of this.finals.values()) void pending.then((rt) => rt && this.flushCountsOf(rt));
  }

  private flushCountsOf(rt: Runtime) {
    if (!rt.countsDirty) return;
    rt.countsDirty = false;
    const counts: LiveCounts = {
      roundId: rt.roundId,
      version: rt.version,
      position: rt.state.position,
      answered: rt.answers.get(rt.state.position)?.size ?? 0,
      joined: rt.players.size,
      joinedByUnit: joinedByUnit(rt),
    };
    this.emit(liveWatchRoom(rt.roundId), "live:counts", counts);
  }
}

function joinedByUnit(rt: Runtime): LiveUnitCount[] {
  return [...rt.unitCounts].map(([unit, joined]) => ({ unit, joined })).sort((a, b) => b.joined - a.joined);
}

const writingKey = (roundId: number, position: number, contestantId: number) =>
  `${roundId}:${position}:${contestantId}`;

function isCorrect(q: LiveQuestionFull | undefined, choice: number): boolean {
  return q !== undefined && q.correct.length === 1 && q.correct[0] === choice;
}

function toPlayer(
  p: { contestantId: number; fullName: string; unitId: number; unitName: string; prediction: number | null },
  index: number,
): Player {
  return {
    contestantId: p.contestantId,
    key: `s${index + 1}`,
    name: maskName(p.fullName),
    unitId: p.unitId,
    unit: p.unitName,
    prediction: p.prediction,
  };
}
