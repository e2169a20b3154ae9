/**
 * The live final in the browser (issue 14): one socket per page, the latest view by version, the
 * answer counts, the clock offset to the server. Listeners are removed when the page goes away.
 */
import { useEffect, useRef, useState } from "react";
import type { LiveCounts, LiveResult, LiveSeat, LiveView } from "~/realtime/live-contract";
import {
  keepConnected,
  openSocket,
  type ConnectionState,
  type ContestClientSocket,
} from "~/components/board-live";

export interface LiveConnection {
  view: LiveView | null;
  seat: LiveSeat | null;
  result: LiveResult | null;
  connection: ConnectionState;
  clockOffsetMs: number;
  error: string | null;
  socket: React.MutableRefObject<ContestClientSocket | null>;
  /** Replace the view from an acknowledgement (the host's command). */
  show(view: LiveView): void;
  /** Take a seat from a later `live:join` acknowledgement (the prediction sent). */
  take(seat: LiveSeat): void;
}

export function useLive(
  mode: { kind: "watch"; roundId: number } | { kind: "join"; roundId: number; seat?: string },
): LiveConnection {
  const [view, setView] = useState<LiveView | null>(null);
  const [seat, setSeat] = useState<LiveSeat | null>(null);
  const [result, setResult] = useState<LiveResult | null>(null);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  const [clockOffsetMs, setOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const socket = useRef<ContestClientSocket | null>(null);
  const shown = useRef(-1);
  const showRef = useRef<(v: LiveView) => void>(() => undefined);
  const { kind, roundId } = mode;
  const seatCode = mode.kind === "join" ? mode.seat : undefined;

  useEffect(() => {
    const s = openSocket();
    socket.current = s;
    shown.current = -1;
    const show = (next: LiveView) => {
      if (next.roundId !== roundId || next.version < shown.current) return;
      shown.current = next.version;
      // A broadcast during the questions leaves out who joined per unit: the last one known stays.
      setView((v) => (next.joinedByUnit || !v ? next : { ...next, joinedByUnit: v.joinedByUnit }));
      setOffset(Date.parse(next.serverNow) - Date.now());
    };
    showRef.current = show;
    const onCounts = (c: LiveCounts) => {
      if (c.roundId !== roundId) return;
      setView((v) =>
        v && c.version >= v.version
          ? { ...v, answered: c.answered, joined: c.joined, joinedByUnit: c.joinedByUnit }
          : v,
      );
    };
    const onResult = (r: LiveResult) => r.roundId === roundId && setResult(r);
    const enter = () => {
      if (kind === "watch") {
        s.emit("live:watch", { roundId }, (ack) => {
          if ("data" in ack) {
            show(ack.data);
            setConnection("live");
          } else setError(ack.error.code);
        });
      } else {
        s.emit("live:join", seatCode ? { roundId, seat: seatCode } : { roundId }, (ack) => {
          if ("data" in ack) {
            shown.current = -1;
            show(ack.data.view);
            setSeat(ack.data);
            setResult(ack.data.result);
            setConnection("live");
          } else setError(ack.error.code);
        });
      }
    };
    const stop = keepConnected(s, setConnection);
    s.on("connect", enter);
    s.on("live:state", show);
    s.on("live:counts", onCounts);
    s.on("live:result", onResult);
    return () => {
      stop();
      s.off("connect", enter);
      s.off("live:state", show);
      s.off("live:counts", onCounts);
      s.off("live:result", onResult);
      s.disconnect();
      socket.current = null;
    };
  }, [kind, roundId, seatCode]);

  return {
    view,
    seat,
    result,
    connection,
    clockOffsetMs,
    error,
    socket,
    show: (v) => showRef.current(v),
    take: (next) => {
      showRef.current(next.view);
      setSeat(next);
    },
  };
}

/** Seconds left on the server's clock, ticking 4 times a second. */
export function useSecondsLeft(view: LiveView | null, offsetMs: number): number | null {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offsetMs), 250);
    return () => clearInterval(timer);
  }, [offsetMs]);
  if (!view) return null;
  if (view.phase === "paused") return Math.ceil((view.pausedRemainingMs ?? 0) / 1000);
  if (view.phase !== "open" || !view.deadlineAt) return null;
  return Math.max(0, Math.ceil((Date.parse(view.deadlineAt) - now) / 1000));
}

export const LETTERS = ["A", "B", "C", "D", "E", "F"];
