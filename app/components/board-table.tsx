/**
 * The top of a round's ranking. Rows are keyed by their opaque key, and when ranks change each row
 * slides from where it was to where it is (FLIP: measure, invert with a transform, then let it play),
 * so the hall sees who overtook whom. Reduced-motion users get the change without the slide.
 */
import { useLayoutEffect, useRef } from "react";
import type { BoardRow } from "~/realtime/contract";
import { useT } from "~/i18n/use-t";
import { formatDuration } from "./board-live";

const useIsomorphicLayoutEffect = typeof window === "undefined" ? () => undefined : useLayoutEffect;

function useFlip(keys: string) {
  const rows = useRef(new Map<string, HTMLElement>());
  const before = useRef(new Map<string, number>());
  useIsomorphicLayoutEffect(() => {
    const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    const after = new Map<string, number>();
    for (const [key, el] of rows.current) after.set(key, el.getBoundingClientRect().top);
    if (!reduce) {
      for (const [key, el] of rows.current) {
        const was = before.current.get(key);
        const now = after.get(key)!;
        if (was === undefined) {
          el.animate?.(
            [
              { opacity: 0, transform: "translateY(0.6em)" },
              { opacity: 1, transform: "none" },
            ],
            {
              duration: 500,
              easing: "ease-out",
            },
          );
        } else if (Math.abs(was - now) > 1) {
          el.animate?.([{ transform: `translateY(${was - now}px)` }, { transform: "none" }], {
            duration: 700,
            easing: "cubic-bezier(0.2, 0.8, 0.2, 1)",
          });
          if (was > now)
            el.animate?.([{ backgroundColor: "var(--board-rise)" }, { backgroundColor: "transparent" }], {
              duration: 2_000,
            });
        }
      }
    }
    before.current = after;
  }, [keys]);
  return (key: string) => (el: HTMLElement | null) => {
    if (el) rows.current.set(key, el);
    else rows.current.delete(key);
  };
}

export function BoardTable({
  rows,
  showPrize,
  caption,
}: {
  rows: readonly BoardRow[];
  showPrize: boolean;
  caption?: string;
}) {
  const t = useT();
  const ref = useFlip(rows.map((r) => r.key).join(","));
  return (
    <table className="board-table">
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <colgroup>
        <col className="c-rank" />
        <col className="c-name" />
        <col className="c-unit" />
        {showPrize ? <col className="c-prize" /> : null}
        <col className="c-score" />
        <col className="c-time" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="num">
            {t("board.col.rank")}
          </th>
          <th scope="col">{t("board.col.name")}</th>
          <th scope="col" className="unit">
            {t("board.col.unit")}
          </th>
          {showPrize ? (
            <th scope="col" className="prize">
              {t("board.col.prize")}
            </th>
          ) : null}
          <th scope="col" className="num">
            {t("board.col.score")}
            <span className="time-inline">{t("board.col.time")}</span>
          </th>
          <th scope="col" className="num time">
            {t("board.col.time")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.key}
            ref={ref(row.key)}
            data-rank={row.rank}
            className={row.rank <= 3 ? `top top-${row.rank}` : undefined}
          >
            <td className="num rank">{row.rank}</td>
            <td className="name">
              {row.name}
              {/* On a phone the unit, the prize and the time move into the name and score cells (issue 11). */}
              <span className="unit-inline">{row.unit}</span>
              {showPrize && row.prize ? (
                <span className={`prize-inline ${row.prize}`}>{t(`round.prize.${row.prize}`)}</span>
              ) : null}
            </td>
            <td className="unit">{row.unit}</td>
            {showPrize ? (
              <td className="prize">
                {row.prize ? (
                  <span className={`prize-badge ${row.prize}`}>{t(`round.prize.${row.prize}`)}</span>
                ) : null}
              </td>
            ) : null}
            <td className="num score">
              {row.score.toLocaleString("vi-VN")}
              {showPrize && row.predictionDistance != null ? (
                <span className="distance" data-testid="prediction-distance">
                  {t("organizer.distance", { n: row.predictionDistance.toLocaleString("vi-VN") })}
                </span>
              ) : null}
              <span className="time-inline">{formatDuration(row.durationMs)}</span>
            </td>
            <td className="num time">{formatDuration(row.durationMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
