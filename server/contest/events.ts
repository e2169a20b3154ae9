/**
 * What happened in the contest, for whoever listens (the realtime board, the attempt pages, the sweeper).
 * Emitted after the change is committed.
 *
 * Across several processes (REDIS_URL set), every event is also published to the other processes
 * (server/cluster/). A listener chooses what it hears:
 * - "local" (the default): only events that happened in this process. Use it for work that must happen
 *   once, such as a broadcast through `io.to(room)` (the Socket.IO adapter already carries it to the
 *   sockets of every process).
 * - "cluster": events from every process. Use it for per-process state, such as the board's dirty marks.
 */
import { EventEmitter } from "node:events";
import type { SubmittedSummary as SubmissionSummary } from "~/realtime/contract";

export interface ContestEventMap {
  attemptStarted: { roundId: number; attemptId: number; contestantId: number };
  /** Practice attempts too (roundId null, isPractice true): boards ignore those, the attempt's page does not. */
  attemptSubmitted: {
    roundId: number | null;
    isPractice: boolean;
    attemptId: number;
    contestantId: number;
    summary: SubmissionSummary;
  };
  roundRanked: { roundId: number };
  roundPublished: { roundId: number };
  /** Sessions ended (log out, disabled account, new password): their sockets are disconnected. */
  sessionsRevoked: { rooms: string[] };
}

export type ContestEventName = keyof ContestEventMap;

export type ListenerScope = "local" | "cluster";

/** Carries events to the other processes; set by server/cluster when Redis is configured. */
export interface EventRelay {
  publish(name: string, payload: unknown): void;
}

export class ContestEvents {
  /** Local listeners hear this process's events; cluster listeners hear these and the others'. */
  private readonly local = new EventEmitter();
  private readonly cluster = new EventEmitter();
  private relay: EventRelay | null = null;

  constructor() {
    this.local.setMaxListeners(50);
    this.cluster.setMaxListeners(50);
  }

  emit<K extends ContestEventName>(name: K, payload: ContestEventMap[K]): void {
    this.local.emit(name, payload);
    this.cluster.emit(name, payload);
    this.relay?.publish(name, payload);
  }

  on<K extends ContestEventName>(
    name: K,
    listener: (payload: ContestEventMap[K]) => void,
    scope: ListenerScope = "local",
  ): () => void {
    const emitter = scope === "local" ? this.local : this.cluster;
    emitter.on(name, listener);
    return () => emitter.off(name, listener);
  }

  /** Connects this bus to the other processes. */
  setRelay(relay: EventRelay | null): void {
    this.relay = relay;
  }

  /** An event another process emitted: only cluster listeners hear it. */
  receiveRemote(name: string, payload: unknown): void {
    this.cluster.emit(name, payload);
  }
}
