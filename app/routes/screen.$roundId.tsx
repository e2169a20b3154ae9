/**
 * The audience screen: one round, full screen, for a 16:9 projector read from the back of a hall.
 * Server-rendered with the board as the database says it is now, then live over Socket.IO; it
 * reconnects by itself after a network cut or a server restart (docs/realtime.md).
 */
import { useEffect, useRef } from "react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { translate } from "~/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { formatVnTime } from "~/rules/vn-time";
import { formatDateTimeIn } from "~/i18n/dates";
import { BoardTable } from "~/components/board-table";
import { BoardUnits } from "~/components/board-units";
import { ConnectionBadge, countdownParts, useLiveBoard, useServerNow } from "~/components/board-live";
import { computeBoard } from "#server/contest/board";
import { joinAddress } from "#server/network";
import { SCREEN_VIEWS, type ScreenView } from "~/realtime/contract";
import { PagedWinners, useScreenControl } from "~/components/organizer/screen-control";

/** Rows that stay readable from the back of a hall at 1080 lines. */
const SCREEN_ROWS = 10;
const SCREEN_UNITS = 5;

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const roundId = Number(params.roundId);
  if (!Number.isInteger(roundId) || roundId <= 0 || roundId > 2 ** 31 - 1)
    throw new Response("Not found", { status: 404 });
  const computed = await computeBoard(context.services, roundId);
  if (!computed) throw new Response("Not found", { status: 404 });
  const { url: address } = joinAddress(context.services.config.publicUrl, request.url);
  const asked = new URL(request.url).searchParams.get("view");
  const view = (SCREEN_VIEWS as readonly string[]).includes(asked ?? "") ? (asked as ScreenView) : "auto";
  const qr = await QRCode.toString(address, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return {
    board: { ...computed.snapshot, version: 0 },
    address,
    qr,
    view: view as ScreenView | "auto",
    title: translate(context.lang, "board.screen.meta", { round: computed.snapshot.roundTitle }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hội thi" }];

/** A projector left on for hours should not go to sleep. */
function useWakeLock() {
  useEffect(() => {
    type Sentinel = { release(): Promise<void> };
    const nav = navigator as Navigator & { wakeLock?: { request(kind: "screen"): Promise<Sentinel> } };
    let sentinel: Sentinel | null = null;
    const acquire = () => {
      if (document.visibilityState === "visible")
        nav.wakeLock
          ?.request("screen")
          .then((s) => (sentinel = s))
          .catch(() => undefined);
    };
    acquire();
    document.addEventListener("visibilitychange", acquire);
    return () => {
      document.removeEventListener("visibilitychange", acquire);
      void sentinel?.release().catch(() => undefined);
    };
  }, []);
}

export default function AudienceScreen() {
  const t = useT();
  const lang = useLang();
  const data = useLoaderData<typeof loader>();
  const { snapshot: b, connection, clockOffsetMs } = useLiveBoard(data.board, { screen: true });
  const now = useServerNow(clockOffsetMs);
  const root = useRef<HTMLDivElement>(null);
  useWakeLock();
  useScreenControl(b.roundId, data.view);

  const target = b.phase === "upcoming" ? Date.parse(b.opensAt) : Date.parse(b.closesAt);
  const { days, clock } = countdownParts(target - now);
  const rows =
    b.view === "official"
      ? b.rows.filter((r) => r.prize !== null).slice(0, 12)
      : b.rows.slice(0, SCREEN_ROWS);
  const rest = b.view === "official" ? 0 : Math.max(0, b.ranked - rows.length);

  return (
    <div className="screen" ref={root} data-version={b.version}>
      <header className="screen-head">
        <div>
          <p className="contest">{b.contestTitle}</p>
          <h1>{b.roundTitle}</h1>
        </div>
        <div className="tools">
          <ConnectionBadge state={connection} />
          <button
            type="button"
            onClick={() => void root.current?.requestFullscreen?.().catch(() => undefined)}
          >
            {t("board.fullscreen")}
          </button>
        </div>
      </header>
      {data.view === "join" ? (
        <div className="screen-body wide join-view" data-view="join">
          <div className="join-qr" dangerouslySetInnerHTML={{ __html: data.qr }} />
          <div className="join-text">
            <h2>{t("organizer.screen.join")}</h2>
            <p className="address" data-testid="join-address">
              {data.address.replace(/^https?:\/\//, "").replace(/\/$/, "")}
            </p>
            <p>{t("organizer.screen.joinBody")}</p>
          </div>
        </div>
      ) : data.view === "units" ? (
        <div className="screen-body wide" data-view="units">
          <main className="screen-main">
            <h2 className="side-title">{t("board.units")}</h2>
            <BoardUnits units={b.units} total={b.unitCount} />
          </main>
        </div>
      ) : data.view === "winners" ? (
        <div className="screen-body wide" data-view="winners">
          <main className="screen-main">
            {b.view === "official" ? (
              <>
                <p className="banner" role="status">
                  {t("board.official")} — {t("board.winners")}
                  {b.perfectCount !== null ? (
                    <small>{t("board.perfectCount", { n: b.perfectCount })}</small>
                  ) : null}
                </p>
                <PagedWinners rows={b.rows.filter((r) => r.prize !== null)} caption={b.roundTitle} />
              </>
            ) : (
              <div className="message">
                <h2>{t("organizer.screen.notPublished")}</h2>
              </div>
            )}
          </main>
        </div>
      ) : (
        <div className="screen-body" data-view={data.view}>
          <main className="screen-main" aria-live="off">
            {b.view === "frozen" ? (
              <p className="banner frozen" role="status">
                {t("board.frozen")}
                <small>
                  {t("board.frozenBody", { time: formatVnTime(new Date(b.frozenAt ?? b.closesAt)) })}
                </small>
              </p>
            ) : null}
            {b.view === "official" ? (
              <p className="banner" role="status">
                {t("board.official")} — {t("board.winners")}
                {b.perfectCount !== null ? (
                  <small>{t("board.perfectCount", { n: b.perfectCount })}</small>
                ) : null}
              </p>
            ) : b.phase === "closed" && b.view === "live" ? (
              <p className="banner" role="status">
                {t("board.provisional")}
              </p>
            ) : null}
            {b.phase === "upcoming" ? (
              <div className="message">
                <h2>{t("board.upcoming")}</h2>
                <p>{t("board.upcomingBody", { time: formatDateTimeIn(lang, new Date(b.opensAt)) })}</p>
              </div>
            ) : b.view === "hidden" ? (
              <div className="message">
                <h2>{t("board.hidden")}</h2>
                <p>{t("board.hiddenBody")}</p>
              </div>
            ) : rows.length === 0 ? (
              <div className="message">
                <h2>{t("board.empty")}</h2>
              </div>
            ) : (
              <>
                <BoardTable rows={rows} showPrize={b.view === "official"} caption={b.roundTitle} />
                {rest > 0 ? (
                  <p className="more">{t("board.more", { n: rest.toLocaleString("vi-VN") })}</p>
                ) : null}
              </>
            )}
          </main>
          <aside className="screen-side">
            <section className="panel countdown" aria-label={t("board.closesIn")}>
              {b.phase === "closed" ? (
                <span className="clock" style={{ fontSize: "1.1em" }}>
                  {t("board.ended")}
                </span>
              ) : (
                <>
                  <span className="label">
                    {b.phase === "upcoming" ? t("board.opensIn") : t("board.closesIn")}
                  </span>
                  <span className="clock" data-testid="countdown">
                    {days > 0 ? <span className="days">{t("board.days", { n: days })}</span> : null}
                    {clock}
                  </span>
                </>
              )}
            </section>
            <section className="stats">
              <div className="panel">
                <span className="value" data-testid="submitted">
                  {b.submitted.toLocaleString("vi-VN")}
                </span>
                <span className="label">{t("board.submitted")}</span>
              </div>
              <div className="panel">
                <span className="value" data-testid="taking-now">
                  {b.takingNow.toLocaleString("vi-VN")}
                </span>
                <span className="label">{t("board.takingNow")}</span>
              </div>
            </section>
            <section className="panel units-panel">
              <h2 className="side-title">{t("board.units")}</h2>
              <BoardUnits units={b.units} total={b.unitCount} limit={SCREEN_UNITS} />
            </section>
            <section className="panel qr">
              <div dangerouslySetInnerHTML={{ __html: data.qr }} />
              <p>
                <strong>{t("board.qr")}</strong>
                <span className="address">{data.address.replace(/^https?:\/\//, "").replace(/\/$/, "")}</span>
              </p>
            </section>
          </aside>
        </div>
      )}
    </div>
  );
}
