/**
 * A round's public leaderboard, for the portal and for phones: readable without JavaScript from the
 * server-rendered page, then live over Socket.IO. Masked names only (app/rules/masking.ts).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { translate } from "~/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { formatVnTime } from "~/rules/vn-time";
import { formatDateTimeIn } from "~/i18n/dates";
import { SiteHeader } from "~/components/site-header";
import { BoardTable } from "~/components/board-table";
import { BoardUnits } from "~/components/board-units";
import { ConnectionBadge, countdownParts, useLiveBoard, useServerNow } from "~/components/board-live";
import { computeBoard } from "#server/contest/board";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const roundId = Number(params.roundId);
  if (!Number.isInteger(roundId) || roundId <= 0 || roundId > 2 ** 31 - 1)
    throw new Response("Not found", { status: 404 });
  const computed = await computeBoard(context.services, roundId);
  if (!computed) throw new Response("Not found", { status: 404 });
  return {
    board: { ...computed.snapshot, version: 0 },
    title: `${translate(context.lang, "board.page.title")} — ${computed.snapshot.roundTitle}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Bảng xếp hạng" }];

export default function RoundLeaderboard() {
  const t = useT();
  const lang = useLang();
  const data = useLoaderData<typeof loader>();
  const { snapshot: b, connection, clockOffsetMs } = useLiveBoard(data.board);
  const now = useServerNow(clockOffsetMs);
  const { days, clock } = countdownParts(
    (b.phase === "upcoming" ? Date.parse(b.opensAt) : Date.parse(b.closesAt)) - now,
  );
  const rest = Math.max(0, b.ranked - b.rows.length);
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        <p className="small">
          <Link to="/leaderboard">← {t("board.page.back")}</Link>
        </p>
        <div className="leaderboard-head">
          <div>
            <p className="muted small" style={{ margin: 0 }}>
              {b.contestTitle}
            </p>
            <h1>{b.roundTitle}</h1>
          </div>
          <ConnectionBadge state={connection} />
        </div>
        <p className="muted small">{t("board.page.intro")}</p>
        <div className="leaderboard-stats">
          <div className="stat">
            <span className="muted">
              {b.phase === "closed"
                ? t("board.ended")
                : b.phase === "upcoming"
                  ? t("board.opensIn")
                  : t("board.closesIn")}
            </span>
            <span className="value">
              {b.phase === "closed" ? "—" : `${days > 0 ? `${t("board.days", { n: days })} ` : ""}${clock}`}
            </span>
          </div>
          <div className="stat">
            <span className="muted">{t("board.submitted")}</span>
            <span className="value" data-testid="submitted">
              {b.submitted.toLocaleString("vi-VN")}
            </span>
          </div>
          <div className="stat">
            <span className="muted">{t("board.takingNow")}</span>
            <span className="value">{b.takingNow.toLocaleString("vi-VN")}</span>
          </div>
        </div>
        {b.view === "frozen" ? (
          <p className="board-note frozen" role="status">
            {t("board.frozen")}.{" "}
            {t("board.frozenBody", { time: formatVnTime(new Date(b.frozenAt ?? b.closesAt)) })}
          </p>
        ) : b.view === "official" ? (
          <p className="board-note official" role="status">
            {t("board.official")}
            {b.perfectCount !== null ? ` · ${t("board.perfectCount", { n: b.perfectCount })}` : ""}
          </p>
        ) : b.phase === "closed" ? (
          <p className="board-note" role="status">
            {t("board.provisional")}
          </p>
        ) : null}
        <section className="card" aria-labelledby="board-title">
          <h2 id="board-title">{b.view === "official" ? t("board.winners") : t("board.page.title")}</h2>
          {b.phase === "upcoming" ? (
            <p>{t("board.upcomingBody", { time: formatDateTimeIn(lang, new Date(b.opensAt)) })}</p>
          ) : b.view === "hidden" ? (
            <p>{t("board.hiddenBody")}</p>
          ) : b.rows.length === 0 ? (
            <p className="muted">{t("board.empty")}</p>
          ) : (
            <div className="table-wrap">
              <BoardTable rows={b.rows} showPrize={b.view === "official"} caption={b.roundTitle} />
              {rest > 0 ? (
                <p className="muted small">{t("board.more", { n: rest.toLocaleString("vi-VN") })}</p>
              ) : null}
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="units-title">
          <h2 id="units-title">{t("board.units")}</h2>
          <BoardUnits units={b.units} total={b.unitCount} />
        </section>
        <p className="small">
          <a href={`/screen/${b.roundId}`}>{t("board.page.screen")}</a>
        </p>
      </main>
    </>
  );
}
