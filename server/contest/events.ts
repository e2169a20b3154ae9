/**
 * What happened in the contest, for whoever listens in this process (the realtime board, the sweeper).
 * Emitted after the change is committed. Across several processes, listeners react in the process
 * where the change happened and broadcast through the Socket.IO adapter, which carries it to the others.
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

export class ContestEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(50);
  }

  emit<K extends ContestEventName>(name: K, payload: ContestEventMap[K]): void {
    this.emitter.emit(name, payload);
  }

  on<K extends ContestEventName>(name: K, listener: (payload: ContestEventMap[K]) => void): () => void {
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
