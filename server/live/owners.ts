/**
 * The live final on several processes (docs/operations.md, "scale-out"). Each final has one owning
 * process, the holder of the lease `live-final:<roundId>` (server/cluster/leases.ts), renewed while it
 * runs; only the owner keeps the final in memory (players, answers, phase, the deadline timer), so only
 * one process decides its time, accepts its answers and scores it. Another process hands the calls it
 * gets (join, answer, watch, the host's commands, each with its input) to the owner through the
 * cluster's request channel and returns the owner's outcome as the acknowledgement. The socket's rooms
 * stay on the socket's own process: the owner's broadcasts cross the Redis adapter.
 *
 * When the owner dies its lease expires, and the next process that gets a call for the final takes the
 * lease and loads the final from the database, as a restart does (`LiveHub.load`): the same question
 * with the same deadline, and every answer acknowledged before (each is written before its
 * acknowledgement). A call waits for that takeover instead of failing.
 *
 * On one process alone (no Redis) the hub is used directly: nothing here is on that path.
 */
import { findLiveFinalIdByCode, findLiveSeat } from "#db/repos/live-finals";
import { ClusterRequestError, type Cluster } from "../cluster/cluster";
import type { Services } from "../services";
import type { LiveHub } from "./hub";

/** What the socket handlers call: the hub itself on one process, the owners' router on several. */
export type LiveService = Pick<LiveHub, "join" | "answer" | "watch" | "command">;

export const liveLease = (roundId: number) => `live-final:${roundId}`;

export interface LiveOwnersOptions {
  /** The lease's time to live: how long a dead owner's finals wait before another process takes them. */
  leaseTtlMs?: number;
  /** How long a handed-over call waits for the owner's answer. */
  forwardTimeoutMs?: number;
}

type Call =
  | { op: "join"; input: Parameters<LiveHub["join"]>[0] }
  | { op: "answer"; input: Parameters<LiveHub["answer"]>[0] }
  | { op: "watch"; input: number }
  | { op: "command"; input: Parameters<LiveHub["command"]>[0] };

interface Forwarded {
  roundId: number;
  call: Call;
}

type Reply = { owner: false } | { owner: true; outcome: unknown };

const REQUEST = "live";
const RETRY_MS = 150;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class LiveOwners implements LiveService {
  /** The finals this process owns, and until when it may trust that without asking Redis again. */
  private readonly owned = new Map<number, { validUntil: number; timer: NodeJS.Timeout }>();
  /** The last known owner of the finals owned elsewhere that this process has had calls for. */
  private readonly holders = new Map<number, string>();
  /** One claim at a time per final: a burst of answers waiting for a takeover asks Redis once. */
  private readonly claiming = new Map<number, Promise<string>>();
  /** Processes found gone: calls wait for their leases to expire instead of asking them again. */
  private readonly gone = new Set<string>();
  private watchdog: NodeJS.Timeout | null = null;
  private readonly ttlMs: number;
  private readonly forwardTimeoutMs: number;
  private stopServing: () => void = () => undefined;
  private stopped = false;

  constructor(
    private readonly services: Services,
    private readonly cluster: Cluster,
    private readonly hub: LiveHub,
    options: LiveOwnersOptions = {},
  ) {
    this.ttlMs = options.leaseTtlMs ?? 4_000;
    this.forwardTimeoutMs = options.forwardTimeoutMs ?? 3_000;
  }

  /** Answers the calls other processes hand over, and resumes the unfinished finals nobody owns. */
  async start(): Promise<void> {
    this.stopServing = this.cluster.serve(REQUEST, (payload) => this.serve(payload as Forwarded));
    // A final owned elsewhere whose owner dies is taken over within a lease's time to live even when no
    // call comes for it (phones waiting for the deadline): its deadline still closes the question.
    this.watchdog = setInterval(() => void this.takeOver(), this.ttlMs / 2);
    this.watchdog.unref();
    await this.hub.start((roundId) =>
      this.claim(roundId).then(
        (holder) => holder === this.cluster.id,
        // Redis did not answer: the final is taken at its next call.
        () => false,
      ),
    );
  }

  /** Stops the hub and gives the leases back, so another process takes the finals at its next call. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.watchdog) clearInterval(this.watchdog);
    this.stopServing();
    await this.hub.stop();
    const owned = [...this.owned.keys()];
    for (const o of this.owned.values()) clearInterval(o.timer);
    this.owned.clear();
    await Promise.all(
      owned.map((roundId) => this.cluster.leases.release(liveLease(roundId)).catch(() => undefined)),
    );
  }

  async join(input: Parameters<LiveHub["join"]>[0]): ReturnType<LiveHub["join"]> {
    const { db } = this.services;
    const roundId = input.seat
      ? (await findLiveSeat(db, input.seat))?.roundId
      : (input.roundId ?? (input.code ? await findLiveFinalIdByCode(db, input.code) : undefined));
    if (roundId === undefined) return { ok: false, code: "notFound" };
    return (await this.route(roundId, { op: "join", input }, true)) as Awaited<ReturnType<LiveHub["join"]>>;
  }

  async answer(input: Parameters<LiveHub["answer"]>[0]): ReturnType<LiveHub["answer"]> {
    return (await this.route(input.roundId, { op: "answer", input }, true)) as Awaited<
      ReturnType<LiveHub["answer"]>
    >;
  }

  async watch(roundId: number): ReturnType<LiveHub["watch"]> {
    return (await this.route(roundId, { op: "watch", input: roundId }, true)) as Awaited<
      ReturnType<LiveHub["watch"]>
    >;
  }

  /** A command is not repeated when its owner took it but did not answer: the host sees and decides. */
  async command(input: Parameters<LiveHub["command"]>[0]): ReturnType<LiveHub["command"]> {
    return (await this.route(input.roundId, { op: "command", input }, false)) as Awaited<
      ReturnType<LiveHub["command"]>
    >;
  }

  private run(call: Call): Promise<unknown> {
    switch (call.op) {
      case "join":
        return this.hub.join(call.input);
      case "answer":
        return this.hub.answer(call.input);
      case "watch":
        return this.hub.watch(call.input);
      case "command":
        return this.hub.command(call.input);
    }
  }

  /**
   * Runs the call here when this process owns the final (taking the lease when it is free), or hands it
   * to the owner. A call the owner could not have run (it is gone, or no longer owns the final) is asked
   * again of the lease until a live owner answers, within a lease's time to live and a little more.
   */
  private async route(roundId: number, call: Call, repeatable: boolean): Promise<unknown> {
    const giveUpAt = performance.now() + this.ttlMs + this.forwardTimeoutMs + 2_000;
    for (;;) {
      if (this.owns(roundId)) return this.run(call);
      let holder = this.holders.get(roundId);
      if (holder === undefined) {
        holder = await this.claim(roundId);
        if (holder === this.cluster.id) return this.run(call);
        this.holders.set(roundId, holder);
      }
      if (this.gone.has(holder)) {
        // Its lease has not expired yet: ask the lease again shortly.
        this.holders.delete(roundId);
        if (performance.now() > giveUpAt) throw new Error(`live final ${roundId}: no process owns it`);
        await sleep(RETRY_MS);
        continue;
      }
      try {
        const forwarded: Forwarded = { roundId, call };
        const reply = (await this.cluster.request(
          holder,
          REQUEST,
          forwarded,
          this.forwardTimeoutMs,
        )) as Reply;
        if (reply.owner) return reply.outcome;
      } catch (error) {
        if (!(error instanceof ClusterRequestError) || error.reason === "failed") throw error;
        if (error.reason === "unreachable") this.gone.add(holder);
        // Delivered but not answered: it may have run there. Only what is safe to repeat is repeated.
        if (error.reason === "timeout" && !repeatable) throw error;
      }
      this.holders.delete(roundId);
      if (performance.now() > giveUpAt) throw new Error(`live final ${roundId}: no process owns it`);
      await sleep(RETRY_MS);
    }
  }

  /** A call handed over by another process: run it when this process owns the final, else say so. */
  private async serve({ roundId, call }: Forwarded): Promise<Reply> {
    if (this.stopped) return { owner: false };
    if (!this.owns(roundId) && (await this.claim(roundId)) !== this.cluster.id) return { owner: false };
    return { owner: true, outcome: await this.run(call) };
  }

  private owns(roundId: number): boolean {
    const o = this.owned.get(roundId);
    return o !== undefined && o.validUntil > performance.now();
  }

  /** Takes or renews the final's lease; returns who holds it now. */
  private claim(roundId: number): Promise<string> {
    let pending = this.claiming.get(roundId);
    if (!pending) {
      const asked = performance.now();
      pending = this.cluster.leases.claim(liveLease(roundId), this.ttlMs).then((holder) => {
        if (holder === this.cluster.id && !this.stopped) this.keep(roundId, asked);
        else this.lose(roundId);
        return holder;
      });
      this.claiming.set(roundId, pending);
      void pending.finally(() => this.claiming.delete(roundId)).catch(() => undefined);
    }
    return pending;
  }

  /** The watchdog: takes over the finals this process has had calls for whose owner is gone. */
  private async takeOver() {
    for (const roundId of [...this.holders.keys()]) {
      if (this.stopped) return;
      try {
        const holder = await this.claim(roundId);
        if (holder !== this.cluster.id) this.holders.set(roundId, holder);
      } catch (error) {
        this.services.logger.warn({ err: error, roundId }, "could not ask for a live final's lease");
      }
    }
  }

  private keep(roundId: number, asked: number) {
    // Trusted a little less than the lease lives in Redis, counted from before it was asked for.
    const validUntil = asked + this.ttlMs - Math.min(1_000, this.ttlMs / 4);
    const o = this.owned.get(roundId);
    if (o && asked <= o.validUntil) {
      o.validUntil = Math.max(o.validUntil, validUntil);
      return;
    }
    if (o) {
      // The lease may have lapsed in between and another process may have run the final: start over
      // from the database.
      clearInterval(o.timer);
      this.hub.drop(roundId);
    }
    const timer = setInterval(() => void this.renew(roundId), this.ttlMs / 4);
    timer.unref();
    this.owned.set(roundId, { validUntil, timer });
    this.holders.delete(roundId);
    // New to this process (nobody ran it, or its owner died or let it go): loaded from the database, and
    // its rooms told where it stands.
    this.hub.adopt(roundId).then(
      // No such final (a round id made up by a client): its lease is not kept.
      (exists) => {
        if (!exists) this.abandon(roundId);
      },
      (error: unknown) => this.services.logger.error({ err: error, roundId }, "live final not taken up"),
    );
  }

  /** Another process owns the final now: this one forgets it. */
  private lose(roundId: number) {
    const o = this.owned.get(roundId);
    if (!o) return;
    clearInterval(o.timer);
    this.owned.delete(roundId);
    this.hub.drop(roundId);
  }

  private abandon(roundId: number) {
    if (!this.owned.has(roundId)) return;
    this.lose(roundId);
    this.cluster.leases.release(liveLease(roundId)).catch(() => undefined);
  }

  private async renew(roundId: number) {
    try {
      await this.claim(roundId);
    } catch (error) {
      // Redis did not answer: the final is run here until its lease may have run out in Redis, then let
      // go (another process may take it); the next call asks for it again and reloads it.
      this.services.logger.warn({ err: error, roundId }, "could not renew a live final's lease");
      if (!this.owns(roundId)) this.lose(roundId);
    }
  }
}
