/**
 * The audience screen's side of screen control (issue 11): a random id kept in the screen's own storage,
 * a hello on connect (answered with what the console last told this screen) and orders from the console,
 * each turned into a navigation to `/screen/:roundId?view=…`.
 */
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useNavigate } from "@remix-run/react";
import type { BoardRow, ScreenOrder } from "~/realtime/contract";
import { useT } from "~/i18n/use-t";
import { BoardTable } from "~/components/board-table";
import { openSocket } from "~/components/board-live";

function screenIdOf(): string {
  const key = "contest-screen-id";
  let id = window.localStorage.getItem(key);
  if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
    const bytes = crypto.getRandomValues(new Uint8Array(12));
    id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    window.localStorage.setItem(key, id);
  }
  return id;
}

export function useScreenControl(roundId: number, view: string) {
  const navigate = useNavigate();
  const [screenId, setScreenId] = useState<string | null>(null);
  useEffect(() => {
    const id = screenIdOf();
    setScreenId(id);
    const socket = openSocket();
    const go = (order: ScreenOrder) => {
      if (order.roundId !== roundId || order.view !== view)
        navigate(`/screen/${order.roundId}?view=${order.view}`, { replace: true });
    };
    const hello = () =>
      socket.emit(
        "screen:hello",
        { screenId: id, roundId, view: view as ScreenOrder["view"] | "auto" },
        (ack) => {
          if ("data" in ack && ack.data) go(ack.data);
        },
      );
    socket.on("connect", hello);
    socket.on("screen:show", go);
    return () => {
      socket.off("connect", hello);
      socket.off("screen:show", go);
      socket.disconnect();
    };
  }, [roundId, view, navigate]);
  return screenId;
}

const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;
/** Seconds each page of winners stays up: long enough to find one's name from the back of the hall. */
export const WINNERS_PAGE_SECONDS = 10;

/**
 * Every prize winner whole: as many rows as fit the height, the rest on further pages shown in turn
 * ("trang 1/2"), never a row or a badge cut off.
 */
export function PagedWinners({ rows, caption }: { rows: readonly BoardRow[]; caption: string }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [perPage, setPerPage] = useState(rows.length);
  const [page, setPage] = useState(0);
  useIsomorphicLayoutEffect(() => {
    const measure = () => {
      const el = box.current;
      if (!el) return;
      const head = el.querySelector("thead")?.getBoundingClientRect().height ?? 0;
      const rowEls = Array.from(el.querySelectorAll("tbody tr"));
      const tallest = Math.max(1, ...rowEls.map((r) => r.getBoundingClientRect().height));
      const pager = el.querySelector(".pager")?.getBoundingClientRect().height ?? 0;
      const fit = Math.max(1, Math.floor((el.clientHeight - head - pager - 4) / tallest));
      setPerPage(Math.min(rows.length, fit));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [rows.length]);
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), WINNERS_PAGE_SECONDS * 1000);
    return () => clearInterval(timer);
  }, [pages]);
  const current = Math.min(page, pages - 1);
  return (
    <div className="paged-winners" ref={box} data-testid="winners" data-pages={pages}>
      <BoardTable
        rows={rows.slice(current * perPage, current * perPage + perPage)}
        showPrize
        caption={caption}
      />
      <p className="pager" aria-live="polite">
        {pages > 1 ? t("organizer.screen.page", { page: current + 1, pages }) : "\u00a0"}
      </p>
    </div>
  );
}
