/**
 * The rooms the realtime layer sends to. Broadcasts go through `io.to(room)` only, so the adapter carries
 * them to every process. Sessions' and users' rooms (for revocation) are in server/security/sessions.ts.
 */

/** A contestant's open pages of one attempt: `attempt:submitted`, `me:rank`. */
export const attemptRoom = (attemptId: number) => `attempt:${attemptId}`;
/** Everyone watching a round's board: `board:update`. */
export const boardRoom = (roundId: number) => `board:${roundId}`;
/** Screens join this too, so the console can list them (`fetchSockets` works across processes). */
export const screenRoom = (roundId: number) => `screens:${roundId}`;
/** Staff on the console's live page: `console:update`, `console:screens`. */
export const CONSOLE_ROOM = "console:live";
/** Every audience screen's control socket (issue 11). */
export const ALL_SCREENS_ROOM = "screens:control";
/** One audience screen's control socket: `screen:show`. */
export const screenControlRoom = (screenId: string) => `screen:${screenId}`;
