/**
 * The live final's socket handlers (issue 14), registered from server/realtime/register.ts. Every
 * event goes through `handle()` (Zod, rate limit, error acknowledgements).
 */
import {
  liveAnswerPayload,
  liveHostPayload,
  liveJoinPayload,
  liveWatchPayload,
} from "~/realtime/live-contract";
import type { ContestSocket } from "~/realtime/contract";
import { handle } from "../realtime/handle";
import type { Services } from "../services";
import { livePlayerRoom, liveRoom, liveWatchRoom } from "./hub";
import type { LiveService } from "./owners";

const HOST_ROLES = new Set(["admin", "organizer"]);

export const LIVE_EVENTS = ["live:join", "live:answer", "live:watch", "live:host"] as const;

/**
 * `hub` is the LiveHub on one process, or the router to each final's owning process on several
 * (owners.ts); either way the rooms are joined here, on the socket's own process.
 */
export function registerLiveHandlers(services: Services, hub: LiveService, socket: ContestSocket): void {
  handle(services, socket, "live:join", liveJoinPayload, async (payload) => {
    const joined = await hub.join({ userId: socket.data.userId, ...payload });
    if (!joined.ok) return { error: { code: joined.code } };
    // A seat code stands for the account on this socket: its answers are that contestant's.
    if (payload.seat)
      socket.data.liveSeat = { roundId: joined.data.roundId, contestantId: joined.data.contestantId };
    await socket.join([
      liveRoom(joined.data.roundId),
      livePlayerRoom(joined.data.roundId, joined.data.contestantId),
    ]);
    return { data: joined.data.seat };
  });

  handle(services, socket, "live:answer", liveAnswerPayload, async (payload) => {
    const seat = socket.data.liveSeat;
    const saved = await hub.answer({
      userId: socket.data.userId,
      seatContestantId: seat && seat.roundId === payload.roundId ? seat.contestantId : undefined,
      ...payload,
    });
    return saved.ok ? { data: saved.data } : { error: { code: saved.code } };
  });

  handle(services, socket, "live:watch", liveWatchPayload, async ({ roundId }) => {
    const view = await hub.watch(roundId);
    if (!view.ok) return { error: { code: view.code } };
    await socket.join([liveRoom(roundId), liveWatchRoom(roundId)]);
    return { data: view.data };
  });

  handle(services, socket, "live:host", liveHostPayload, async ({ roundId, command }) => {
    if (!socket.data.role || !HOST_ROLES.has(socket.data.role)) return { error: { code: "forbidden" } };
    const done = await hub.command({ roundId, command, actorUserId: socket.data.userId });
    if (!done.ok) return { error: { code: done.code } };
    await socket.join([liveRoom(roundId), liveWatchRoom(roundId)]);
    return { data: done.data };
  });
}
