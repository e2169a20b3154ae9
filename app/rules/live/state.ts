/**
 * The state machine of a live final (issue 14), pure: time is passed in, nothing is stored here.
 *
 *   lobby → open (question n) → closed → revealed → board → open (question n+1) → … → podium
 *
 * `open` may be paused and resumed (the deadline moves by the pause); any question that is open,
 * closed or revealed may be skipped (it then counts for nobody) and the final goes to the board.
 * The host can end the final from the board (or after the last question) to show the podium.
 */

export const LIVE_PHASES = ["lobby", "open", "paused", "closed", "revealed", "board", "podium"] as const;
export type LivePhase = (typeof LIVE_PHASES)[number];

export const LIVE_COMMANDS = [
  "start",
  "next",
  "pause",
  "resume",
  "close",
  "reveal",
  "board",
  "skip",
  "end",
] as const;
export type LiveCommand = (typeof LIVE_COMMANDS)[number];

export interface LiveState {
  phase: LivePhase;
  /** Current question, 0-based; -1 in the lobby. */
  position: number;
  questionCount: number;
  secondsPerQuestion: number;
  /** ms since the epoch; null outside a question. */
  startedAt: number | null;
  deadlineAt: number | null;
  /** What was left of the question's time when it was paused. */
  pausedRemainingMs: number | null;
  /** Positions skipped so far. */
  skipped: readonly number[];
}

export type Transition =
  | { ok: true; state: LiveState; skippedPosition?: number }
  | { ok: false; code: "notAllowed" | "noQuestions" };

export function initialState(questionCount: number, secondsPerQuestion: number): LiveState {
  return {
    phase: "lobby",
    position: -1,
    questionCount,
    secondsPerQuestion,
    startedAt: null,
    deadlineAt: null,
    pausedRemainingMs: null,
    skipped: [],
  };
}

function openQuestion(state: LiveState, position: number, now: number): LiveState {
  return {
    ...state,
    phase: "open",
    position,
    startedAt: now,
    deadlineAt: now + state.secondsPerQuestion * 1000,
    pausedRemainingMs: null,
  };
}

/** Which commands the host may give now: the console shows only these buttons. */
export function allowedCommands(state: LiveState): LiveCommand[] {
  const last = state.position >= state.questionCount - 1;
  switch (state.phase) {
    case "lobby":
      return state.questionCount > 0 ? ["start", "end"] : ["end"];
    case "open":
      return ["pause", "close", "skip"];
    case "paused":
      return ["resume", "skip"];
    case "closed":
      return ["reveal", "skip"];
    case "revealed":
      return last ? ["board", "end", "skip"] : ["board", "next", "skip"];
    case "board":
      return last ? ["end"] : ["next", "end"];
    case "podium":
      return [];
  }
}

/** Applies one host command at `now` (ms). Anything not in `allowedCommands` is refused unchanged. */
export function applyCommand(state: LiveState, command: LiveCommand, now: number): Transition {
  if (command === "start" && state.questionCount === 0) return { ok: false, code: "noQuestions" };
  if (!allowedCommands(state).includes(command)) return { ok: false, code: "notAllowed" };
  switch (command) {
    case "start":
      return { ok: true, state: openQuestion(state, 0, now) };
    case "next":
      return { ok: true, state: openQuestion(state, state.position + 1, now) };
    case "pause":
      return {
        ok: true,
        state: {
          ...state,
          phase: "paused",
          pausedRemainingMs: Math.max(0, (state.deadlineAt ?? now) - now),
        },
      };
    case "resume":
      return {
        ok: true,
        state: {
          ...state,
          phase: "open",
          deadlineAt: now + (state.pausedRemainingMs ?? 0),
          // Elapsed time is measured from the start with the pause left out.
          startedAt: now + (state.pausedRemainingMs ?? 0) - state.secondsPerQuestion * 1000,
          pausedRemainingMs: null,
        },
      };
    case "close":
      return {
        ok: true,
        state: { ...state, phase: "closed", deadlineAt: Math.min(state.deadlineAt ?? now, now) },
      };
    case "reveal":
      return { ok: true, state: { ...state, phase: "revealed" } };
    case "board":
      return { ok: true, state: { ...state, phase: "board" } };
    case "skip":
      return {
        ok: true,
        skippedPosition: state.position,
        state: {
          ...state,
          phase: "board",
          deadlineAt: state.phase === "open" ? now : state.deadlineAt,
          pausedRemainingMs: null,
          skipped: [...state.skipped, state.position],
        },
      };
    case "end":
      return { ok: true, state: { ...state, phase: "podium", startedAt: null, deadlineAt: null } };
  }
}

/** The deadline passed: an open question closes by itself (the server's timer, or at restart). */
export function expire(state: LiveState, now: number): LiveState {
  if (state.phase !== "open" || state.deadlineAt === null || now < state.deadlineAt) return state;
  return { ...state, phase: "closed" };
}

export type AcceptCheck =
  { ok: true; elapsedMs: number } | { ok: false; code: "notOpen" | "tooLate" | "badChoice" };

/** Whether an answer arriving at `now` is accepted, and how long it took (the server's clock). */
export function acceptAnswer(
  state: LiveState,
  position: number,
  choice: number,
  optionCount: number,
  now: number,
): AcceptCheck {
  if (state.phase !== "open" || position !== state.position || state.startedAt === null)
    return { ok: false, code: "notOpen" };
  if (state.deadlineAt !== null && now >= state.deadlineAt) return { ok: false, code: "tooLate" };
  if (!Number.isInteger(choice) || choice < 0 || choice >= optionCount)
    return { ok: false, code: "badChoice" };
  return { ok: true, elapsedMs: Math.max(0, now - state.startedAt) };
}

/** Answers and keys of a question may reach browsers only once it has been revealed. */
export function mayShowKey(phase: LivePhase, position: number, current: number): boolean {
  return (
    position < current ||
    (position === current && (phase === "revealed" || phase === "board" || phase === "podium"))
  );
}
