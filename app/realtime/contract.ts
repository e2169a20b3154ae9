/**
 * The realtime contract, shared by the server and the browser: every event, its payload (a Zod schema
 * the server parses with) and its acknowledgement. Documented in docs/realtime.md.
 */
import type { Server, Socket } from "socket.io";
import { z } from "zod";
import type { LiveClientToServerEvents, LiveServerToClientEvents } from "./live-contract";

/** Every acknowledgement is either data or an error with a code the page can translate. */
export type Ack<T> = { data: T } | { error: { code: string } };
export type AckFn<T> = (response: Ack<T>) => void;

const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

export const attemptRef = z.object({ attemptId: id }).strict();

export const answerPayload = z
  .object({
    attemptId: id,
    position: z.number().int().min(0).max(200),
    /** Indexes in the order the options were shown; empty clears the answer. */
    chosen: z.array(z.number().int().min(0).max(5)).max(6),
  })
  .strict();

export const markPayload = z
  .object({ attemptId: id, position: z.number().int().min(0).max(200), marked: z.boolean() })
  .strict();

export const predictPayload = z
  .object({ attemptId: id, prediction: z.number().int().min(0).max(1_000_000).nullable() })
  .strict();

export const submitPayload = z
  .object({ attemptId: id, prediction: z.number().int().min(0).max(1_000_000).nullable().optional() })
  .strict();

/** How many boards one socket may watch at once; more is a client probing rooms, and is refused. */
export const MAX_BOARD_ROOMS_PER_SOCKET = 4;

/** `screen: true` marks an audience screen, so the console can tell who is showing the board. */
export const boardJoinPayload = z.object({ roundId: id, screen: z.boolean().optional() }).strict();
export const boardLeavePayload = z.object({ roundId: id }).strict();
/** The organizers' live console asks for everything at once; the payload is an empty object. */
export const consoleWatchPayload = z.object({}).strict();

/** What an audience screen can be told to show from the console (issue 11). */
export const SCREEN_VIEWS = ["join", "live", "winners", "units"] as const;
export type ScreenView = (typeof SCREEN_VIEWS)[number];
const screenId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
/** A screen says who it is and what it shows; the answer is what the console last told it, if anything. */
export const screenHelloPayload = z
  .object({ screenId, roundId: id, view: z.enum(["auto", ...SCREEN_VIEWS]) })
  .strict();
/** Staff editors only: show this round and view on that screen, now. */
export const screenShowPayload = z.object({ screenId, roundId: id, view: z.enum(SCREEN_VIEWS) }).strict();
export const screenListPayload = z.object({}).strict();

export interface ScreenOrder {
  roundId: number;
  view: ScreenView;
}

/** A connected audience screen as the console's live page lists it. */
export interface ConnectedScreen {
  screenId: string;
  address: string;
  userAgent: string;
  roundId: number;
  view: string;
}

export type AnswerPayload = z.infer<typeof answerPayload>;
export type MarkPayload = z.infer<typeof markPayload>;
export type PredictPayload = z.infer<typeof predictPayload>;
export type SubmitPayload = z.infer<typeof submitPayload>;
export type BoardJoinPayload = z.infer<typeof boardJoinPayload>;
export type BoardLeavePayload = z.infer<typeof boardLeavePayload>;

export interface Saved {
  savedAt: string;
}

export interface SubmittedSummary {
  attemptId: number;
  score: number;
  correctCount: number;
  questionCount: number;
  durationMs: number;
  submittedAt: string;
  reason: "manual" | "deadline";
}

/** The state of one attempt as its own page sees it when it (re)connects. */
export interface AttemptSync {
  status: "in_progress" | "submitted";
  deadlineAt: string;
  serverNow: string;
  /** The shape of each question (no text, no key): enough for a client that does not render pages. */
  items: { position: number; options: number; multiple: boolean }[];
}

export interface ClientToServerEvents extends LiveClientToServerEvents {
  "attempt:watch": (payload: z.input<typeof attemptRef>, ack: AckFn<AttemptSync>) => void;
  "attempt:answer": (payload: AnswerPayload, ack: AckFn<Saved>) => void;
  "attempt:mark": (payload: MarkPayload, ack: AckFn<Saved>) => void;
  "attempt:predict": (payload: PredictPayload, ack: AckFn<Saved>) => void;
  "attempt:submit": (payload: SubmitPayload, ack: AckFn<SubmittedSummary>) => void;
  "board:join": (payload: BoardJoinPayload, ack: AckFn<BoardSnapshot>) => void;
  "board:leave": (payload: BoardLeavePayload, ack: AckFn<null>) => void;
  /** A contestant's own provisional rank in the round of one of their attempts (never broadcast). */
  "me:rank": (payload: z.input<typeof attemptRef>, ack: AckFn<MyRank>) => void;
  /** Staff only: live numbers of every round of the current contest, and who shows the screens. */
  "console:watch": (payload: z.input<typeof consoleWatchPayload>, ack: AckFn<ConsoleLive>) => void;
  "screen:hello": (payload: z.input<typeof screenHelloPayload>, ack: AckFn<ScreenOrder | null>) => void;
  "screen:list": (payload: z.input<typeof screenListPayload>, ack: AckFn<ConnectedScreen[]>) => void;
  "screen:show": (payload: z.input<typeof screenShowPayload>, ack: AckFn<ScreenOrder>) => void;
}

export interface ServerToClientEvents extends LiveServerToClientEvents {
  /** To the attempt's own room: the server submitted it (deadline, or the round closed). */
  "attempt:submitted": (summary: SubmittedSummary) => void;
  /** To a round's board room: the new state of the board (see BoardSnapshot). */
  "board:update": (snapshot: BoardSnapshot) => void;
  /** To the attempt's own room (`attempt:<id>`), only when that contestant's rank changed. */
  "me:rank": (rank: MyRank) => void;
  /** To the staff console room: one round's numbers changed, or a screen came or went. */
  "console:update": (round: ConsoleRound) => void;
  /** To one screen's own room: show this now (issue 11). */
  "screen:show": (order: ScreenOrder) => void;
  /** To the staff console room: the connected screens changed. */
  "console:screens": (screens: ConnectedScreen[]) => void;
}

export interface SocketData {
  userId: number | null;
  role: "admin" | "organizer" | "judge" | "contestant" | null;
  /** The session the handshake carried, and when it expires (ms): an expired one is refused its next event. */
  sessionId: string | null;
  sessionExpiresAt: number | null;
  /** Set by `screen:hello` on an audience screen's control socket. */
  screen?: { id: string; roundId: number; view: string; since: string };
  /** Set by `live:join` with a seat code: the contestant whose seat this socket holds (issue 14). */
  liveSeat?: { roundId: number; contestantId: number };
}

/**
 * The server's side of the contract, for the socket handlers (types only: the browser never loads
 * socket.io's server). One socket of the contest and the server that registers every handler.
 */
export type ContestSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export type BoardPhase = "upcoming" | "open" | "closed";
/**
 * What the rows are: the live order ("live"), nothing while the round runs ("hidden"), the standing at
 * the freeze moment ("frozen"), or the published official ranking with its prizes ("official").
 */
export type BoardView = "live" | "hidden" | "frozen" | "official";
export type BoardPrize = "first" | "second" | "third" | "consolation";

/** One row of a public board: a masked name and a unit, never a phone, ID number or birth date. */
export interface BoardRow {
  /** Stable and opaque per entry (not a database id), so screens can animate a row that moves. */
  key: string;
  rank: number;
  /** maskName(full name): "Nguyễn Văn A." */
  name: string;
  unit: string;
  score: number;
  durationMs: number;
  /** Only in the official view. */
  prize: BoardPrize | null;
  /**
   * Official view only, and only where it decided the rank (a tie on score broken by the prediction):
   * how far the prediction was from the real count, so the hall sees why (issue 11).
   */
  predictionDistance?: number | null;
}

/** Participation of one top-level unit: distinct contestants who submitted in this round. */
export interface UnitBar {
  unitId: number;
  name: string;
  participants: number;
  expected: number | null;
}

/** A round's board as screens show it. Built by the board's read model (server/contest/board.ts). */
export interface BoardSnapshot {
  roundId: number;
  /** Increases with every change, also across server restarts, so a screen can drop an older update. */
  version: number;
  contestTitle: string;
  roundTitle: string;
  opensAt: string;
  closesAt: string;
  /** The server's clock when this was sent: pages count down against it, not their own clock. */
  serverNow: string;
  phase: BoardPhase;
  view: BoardView;
  /** The freeze moment, when the view is "frozen". */
  frozenAt: string | null;
  /** Distinct contestants with a submitted ranked attempt. */
  submitted: number;
  /** Ranked attempts in progress now. */
  takingNow: number;
  /** How many entries the ranking has (the rows are its top). */
  ranked: number;
  rows: BoardRow[];
  /** The units with most participants (at most a dozen), and how many units there are in all. */
  units: UnitBar[];
  unitCount: number;
  /** The answer to the prediction question, once the official ranking is published. */
  perfectCount: number | null;
}

/** A contestant's own standing, sent only to their attempt's room. `rank` is null while the board is hidden or frozen. */
export interface MyRank {
  attemptId: number;
  roundId: number;
  rank: number | null;
  of: number;
  view: BoardView;
  prize: BoardPrize | null;
}

/** An audience screen connected to a round's board, as the console lists it. */
export interface ScreenInfo {
  id: string;
  address: string;
  userAgent: string;
  since: string;
}

export interface ConsoleRound {
  roundId: number;
  title: string;
  phase: BoardPhase;
  view: BoardView;
  version: number;
  submitted: number;
  takingNow: number;
  units: UnitBar[];
  screens: ScreenInfo[];
}

export interface ConsoleLive {
  rounds: ConsoleRound[];
}
