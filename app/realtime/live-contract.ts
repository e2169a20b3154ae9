/**
 * The live final's part of the realtime contract (issue 14): events, Zod payloads, acknowledgements.
 * Merged into the shared contract (app/realtime/contract.ts). Documented in docs/realtime.md.
 *
 * Rooms: `live:<roundId>` (phones, screens and the host: one broadcast per transition, the answer
 * counts at most every 300 ms) and `live:<roundId>:p:<contestantId>` (one player's own result).
 */
import { z } from "zod";
import type { LiveCommand, LivePhase } from "~/rules/live/state";

type Ack<T> = { data: T } | { error: { code: string } };
type AckFn<T> = (response: Ack<T>) => void;

const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

export const liveJoinPayload = z
  .object({
    /** The code shown in the hall, or the round id from the QR code's link. */
    code: z
      .string()
      .trim()
      .regex(/^[2-9A-Za-z]{6}$/)
      .optional(),
    roundId: id.optional(),
    /** A seat code handed to an invited contestant: joins without an account. */
    seat: z
      .string()
      .trim()
      .regex(/^[2-9A-Za-z]{8}$/)
      .optional(),
    prediction: z.number().int().min(0).max(1_000_000).nullable().optional(),
  })
  .strict()
  .refine((p) => p.code !== undefined || p.roundId !== undefined || p.seat !== undefined);

export const liveAnswerPayload = z
  .object({ roundId: id, position: z.number().int().min(0).max(200), choice: z.number().int().min(0).max(5) })
  .strict();

export const liveWatchPayload = z.object({ roundId: id }).strict();

export const LIVE_HOST_COMMANDS = [
  "start",
  "next",
  "pause",
  "resume",
  "close",
  "reveal",
  "board",
  "skip",
  "end",
] as const satisfies readonly LiveCommand[];

export const liveHostPayload = z.object({ roundId: id, command: z.enum(LIVE_HOST_COMMANDS) }).strict();

export type LiveJoinPayload = z.input<typeof liveJoinPayload>;
export type LiveAnswerPayload = z.infer<typeof liveAnswerPayload>;
export type LiveWatchPayload = z.infer<typeof liveWatchPayload>;
export type LiveHostPayload = z.infer<typeof liveHostPayload>;

export interface LivePicture {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** A question as phones and screens see it while it is open: never its key. */
export interface LiveQuestionPublic {
  position: number;
  text: string;
  options: string[];
  /** The question's picture from the bank, when it has one (its address, size and description). */
  picture: LivePicture | null;
}

/** After the reveal: the key, how the hall answered, the explanation. */
export interface LiveReveal {
  position: number;
  correct: number[];
  /** Answers per option, in the options' order. */
  counts: number[];
  answered: number;
  explanation: string;
  source: string;
}

export interface LiveBoardRow {
  /** Opaque and stable per player, so screens can animate movement. */
  key: string;
  rank: number;
  /** maskName(full name). */
  name: string;
  unit: string;
  score: number;
  /** Places gained since the previous board (negative: lost); null for the first board. */
  movement: number | null;
}

export interface LiveUnitCount {
  unit: string;
  joined: number;
}

export interface LiveView {
  roundId: number;
  /** Increases with every transition, so a page can drop an older view. */
  version: number;
  title: string;
  phase: LivePhase;
  position: number;
  questionCount: number;
  /** The server's clock when this was sent: countdowns run against it. */
  serverNow: string;
  deadlineAt: string | null;
  pausedRemainingMs: number | null;
  secondsPerQuestion: number;
  /** Phones ask the prediction question in the lobby (the last tie-breaker). */
  predictionEnabled: boolean;
  scoring: { basePoints: number; speedBonus: boolean; speedBonusPoints: number };
  joinCode: string;
  joined: number;
  /**
   * Who joined per unit: in the lobby, and in what a screen or the host asks for; the broadcasts
   * during the questions leave it out (phones do not show it), the counts bring it to the screens.
   */
  joinedByUnit?: LiveUnitCount[];
  question: LiveQuestionPublic | null;
  answered: number;
  skipped: number[];
  reveal: LiveReveal | null;
  /** The top 10 (board, reveal) or the podium's rows (podium). */
  board: LiveBoardRow[] | null;
}

/**
 * At most every 300 ms to the screens and the host's console, only when something changed: never one
 * message per answer, and never to the phones.
 */
export interface LiveCounts {
  roundId: number;
  version: number;
  position: number;
  answered: number;
  joined: number;
  joinedByUnit: LiveUnitCount[];
}

/** One player's own standing, to their own room only. */
export interface LiveResult {
  roundId: number;
  position: number;
  choice: number | null;
  correct: boolean;
  skipped: boolean;
  points: number;
  score: number;
  rank: number;
  of: number;
}

export interface LiveSeat {
  view: LiveView;
  name: string;
  /** The player's prediction (how many will answer every question right), when given. */
  prediction: number | null;
  /** The answer to the current question, when given: a reload keeps it. */
  answer: { position: number; choice: number } | null;
  result: LiveResult | null;
}

export interface LiveSaved {
  position: number;
  choice: number;
  savedAt: string;
}

export interface LiveClientToServerEvents {
  /** A contestant takes (or takes back) their seat. */
  "live:join": (payload: LiveJoinPayload, ack: AckFn<LiveSeat>) => void;
  "live:answer": (payload: LiveAnswerPayload, ack: AckFn<LiveSaved>) => void;
  /** The big screen, and the host's console. */
  "live:watch": (payload: LiveWatchPayload, ack: AckFn<LiveView>) => void;
  /** Organizers and admins only. */
  "live:host": (payload: LiveHostPayload, ack: AckFn<LiveView>) => void;
}

export interface LiveServerToClientEvents {
  "live:state": (view: LiveView) => void;
  "live:counts": (counts: LiveCounts) => void;
  "live:result": (result: LiveResult) => void;
}
