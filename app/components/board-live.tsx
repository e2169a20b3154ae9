/**
 * The browser's side of a round's board: connects with Socket.IO (WebSocket first, long-polling when a
 * proxy or network blocks it), joins the board, and re-joins after every reconnect. The snapshot that
 * answers a join replaces what is shown; an update older than what is shown is dropped (see
 * docs/realtime.md). Every listener is removed when the component goes away.
 */
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import type { BoardSnapshot, ClientToServerEvents, ServerToClientEvents } from "~/realtime/contract";
import { useT } from "~/i18n/use-t";
import "./board-styles.css";

export type ContestClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionState = "connecting" | "live" | "lost";

/** One socket for the page, same origin (the session cookie goes with it), reconnecting forever. */
export function openSocket(): ContestClientSocket {
  return io({
    transports: ["websocket", "polling"],
    tryAllTransports: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
  });
}

/**
 * Keeps a socket connected: after the server itself ended the connection (a restart, `io server
 * disconnect`) Socket.IO does not retry on its own, so the page asks again after a pause.
 */
export function keepConnected(
  socket: ContestClientSocket,
  onState: (state: ConnectionState) => void,
): () => void {
  let retry: ReturnType<typeof setTimeout> | null = null;
  const onDisconnect = (reason: Socket.DisconnectReason) => {
    onState("lost");
    if (reason === "io server disconnect")
      retry = setTimeout(() => socket.connect(), 1_000 + Math.random() * 2_000);
  };
  const onError = () => onState("lost");
  socket.on("disconnect", onDisconnect);
  socket.on("connect_error", onError);
  return () => {
    if (retry) clearTimeout(retry);
    socket.off("disconnect", onDisconnect);
    socket.off("connect_error", onError);
  };
}

export interface LiveBoard {
  snapshot: BoardSnapshot;
  connection: ConnectionState;
  /** serverNow − the browser's clock, so countdowns follow the server. */
  clockOffsetMs: number;
}

export function useLiveBoard(initial: BoardSnapshot, options: { screen?: boolean } = {}): LiveBoard {
  const [snapshot, setSnapshot] = useState(initial);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [clockOffsetMs, setOffset] = useState(() => Date.parse(initial.serverNow) - Date.now());
  const shown = useRef(initial.version);
  const roundId = initial.roundId;
  const screen = options.screen === true;

  useEffect(() => {
    shown.current = 0; // whatever the server says first replaces the server-rendered rows
    const socket = openSocket();
    const show = (next: BoardSnapshot) => {
      if (next.roundId !== roundId || next.version < shown.current) return;
      shown.current = next.version;
      setSnapshot(next);
      setOffset(Date.parse(next.serverNow) - Date.now());
    };
    const join = () => {
      socket.emit("board:join", { roundId, screen }, (ack) => {
        if ("data" in ack) {
          show(ack.data);
          setConnection("live");
        } else {
          setConnection("lost");
        }
      });
    };
    const stopKeeping = keepConnected(socket, setConnection);
    socket.on("connect", join);
    socket.on("board:update", show);
    return () => {
      stopKeeping();
      socket.off("connect", join);
      socket.off("board:update", show);
      socket.disconnect();
    };
  }, [roundId, screen]);

  return { snapshot, connection, clockOffsetMs };
}

/** The current time on the server's clock, ticking every second. */
export function useServerNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    const timer = setInterval(() => setNow(Date.now() + offsetMs), 1_000);
    return () => clearInterval(timer);
  }, [offsetMs]);
  return now;
}

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const t = useT();
  const label =
    state === "live" ? t("board.live") : state === "lost" ? t("board.lost") : t("board.connecting");
  return (
    <span className={`board-connection ${state}`} role="status" data-connection={state}>
      <span className="dot" aria-hidden="true" />
      {label}
    </span>
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "4:05" or "1:02:05": how long an entry took. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** "02:13:45", with the days apart when there are any. */
export function countdownParts(ms: number): { days: number; clock: string } {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const rest = total % 86_400;
  return {
    days,
    clock: `${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}`,
  };
}
