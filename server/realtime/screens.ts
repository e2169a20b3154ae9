/**
 * Screen control (issue 11): each audience screen keeps a random id in its own storage and says hello on a
 * control socket; the console's live page lists the connected screens and tells each one which round and
 * which view to show. The order is stored per screen id, so a screen reopened later shows it again.
 */
import {
  screenHelloPayload,
  screenListPayload,
  screenShowPayload,
  type Ack,
  type ConnectedScreen,
  type ContestSocket,
  type RealtimeServer,
  type ScreenOrder,
} from "~/realtime/contract";
import { recordAudit } from "#db/repos/audit";
import { findRound } from "#db/repos/rounds";
import { findScreenState, saveScreenState } from "#db/repos/screens";
import type { Services } from "../services";
import { handle } from "./handle";
import { ALL_SCREENS_ROOM, CONSOLE_ROOM, screenControlRoom } from "./rooms";

const STAFF = new Set(["admin", "organizer", "judge"]);
const EDITORS = new Set(["admin", "organizer"]);

export function registerScreens(io: RealtimeServer, services: Services): void {
  async function listScreens(): Promise<ConnectedScreen[]> {
    const sockets = await io.in(ALL_SCREENS_ROOM).fetchSockets();
    const seen = new Map<string, ConnectedScreen>();
    for (const s of sockets) {
      const screen = s.data.screen;
      if (!screen) continue;
      seen.set(screen.id, {
        screenId: screen.id,
        address: s.handshake.address,
        userAgent: String(s.handshake.headers["user-agent"] ?? "").slice(0, 160),
        roundId: screen.roundId,
        view: screen.view,
      });
    }
    return [...seen.values()].sort((a, b) => a.screenId.localeCompare(b.screenId));
  }
  const pushScreens = () =>
    listScreens()
      .then((list) => io.to(CONSOLE_ROOM).emit("console:screens", list))
      .catch((error) => services.logger.error({ err: error }, "screen list failed"));

  io.on("connection", (socket: ContestSocket) => {
    handle(
      services,
      socket,
      "screen:hello",
      screenHelloPayload,
      async ({ screenId, roundId, view }): Promise<Ack<ScreenOrder | null>> => {
        socket.data.screen = { id: screenId, roundId, view, since: services.clock.now().toISOString() };
        await socket.join(screenControlRoom(screenId));
        await socket.join(ALL_SCREENS_ROOM);
        void pushScreens();
        const stored = await findScreenState(services.db, screenId);
        if (!stored || stored.round_id === null || stored.view === "auto") return { data: null };
        return { data: { roundId: stored.round_id, view: stored.view } };
      },
    );

    handle(services, socket, "screen:list", screenListPayload, async (): Promise<Ack<ConnectedScreen[]>> => {
      if (!socket.data.role || !STAFF.has(socket.data.role)) return { error: { code: "forbidden" } };
      return { data: await listScreens() };
    });

    handle(
      services,
      socket,
      "screen:show",
      screenShowPayload,
      async ({ screenId, roundId, view }): Promise<Ack<ScreenOrder>> => {
        if (!socket.data.role || !EDITORS.has(socket.data.role)) return { error: { code: "forbidden" } };
        const round = await findRound(services.db, roundId);
        if (!round) return { error: { code: "notFound" } };
        const now = services.clock.now();
        await services.db.transaction().execute(async (trx) => {
          await saveScreenState(trx, { screenId, roundId, view, userId: socket.data.userId, now });
          await recordAudit(trx, {
            actorUserId: socket.data.userId,
            action: "screen.show",
            entity: "round",
            entityId: roundId,
            details: {
              screen: screenId.slice(0, 8),
              view,
              ...(round.is_rehearsal === 1 ? { rehearsal: true } : {}),
            },
            now,
          });
        });
        const order: ScreenOrder = { roundId, view };
        io.to(screenControlRoom(screenId)).emit("screen:show", order);
        return { data: order };
      },
    );

    socket.on("disconnect", () => {
      if (socket.data.screen) void pushScreens();
    });
  });
}
