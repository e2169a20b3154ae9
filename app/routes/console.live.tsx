/**
 * The organizers' live monitor: per round, who is taking it now, how many have submitted, participation
 * per unit, and which audience screens are connected. Server-rendered, then live through
 * `console:watch` (staff only, docs/realtime.md).
 */
import { useEffect, useState } from "react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ConsoleRound } from "~/realtime/contract";
import { useLang, useT } from "~/i18n/use-t";
import { EDITOR_ROLES, requireStaff } from "~/lib/auth.server";
import { ScreenControls } from "~/components/organizer/screen-controls";
import { joinAddress } from "#server/network";
import { formatDateTimeIn } from "~/i18n/dates";
import { BoardUnits } from "~/components/board-units";
import { ConnectionBadge, keepConnected, openSocket, type ConnectionState } from "~/components/board-live";
import { findCurrentContest } from "#db/repos/contests";
import { listRounds } from "#db/repos/rounds";
import { computeBoard } from "#server/contest/board";

export const meta: MetaFunction = () => [{ title: "Theo dõi trực tiếp — Bảng điều khiển" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const join = joinAddress(context.services.config.publicUrl, request.url);
  const contest = await findCurrentContest(context.services.db);
  const rounds = contest ? await listRounds(context.services.db, contest.id) : [];
  const live: ConsoleRound[] = [];
  for (const r of rounds) {
    const computed = await computeBoard(context.services, r.id);
    if (!computed) continue;
    const s = computed.snapshot;
    live.push({
      roundId: r.id,
      title: s.roundTitle,
      phase: s.phase,
      view: s.view,
      version: 0,
      submitted: s.submitted,
      takingNow: s.takingNow,
      units: computed.allUnits,
      screens: [],
    });
  }
  return { rounds: live, canEdit: EDITOR_ROLES.includes(user.role), join };
}

function useConsoleLive(initial: ConsoleRound[]) {
  const [rounds, setRounds] = useState(initial);
  const [connection, setConnection] = useState<ConnectionState>("connecting");
  useEffect(() => {
    const socket = openSocket();
    const merge = (round: ConsoleRound) =>
      setRounds((list) =>
        list.map((r) => (r.roundId === round.roundId && round.version >= r.version ? round : r)),
      );
    const watch = () =>
      socket.emit("console:watch", {}, (ack) => {
        if ("data" in ack) {
          setRounds(ack.data.rounds);
          setConnection("live");
        } else setConnection("lost");
      });
    const stopKeeping = keepConnected(socket, setConnection);
    socket.on("connect", watch);
    socket.on("console:update", merge);
    return () => {
      stopKeeping();
      socket.off("connect", watch);
      socket.off("console:update", merge);
      socket.disconnect();
    };
  }, []);
  return { rounds, connection };
}

export default function ConsoleLive() {
  const t = useT();
  const lang = useLang();
  const data = useLoaderData<typeof loader>();
  const { rounds, connection } = useConsoleLive(data.rounds);
  return (
    <>
      <div className="leaderboard-head">
        <h1>{t("board.console.title")}</h1>
        <ConnectionBadge state={connection} />
      </div>
      <p className="muted">{t("board.console.intro")}</p>
      <ScreenControls
        rounds={rounds.map((r) => ({ roundId: r.roundId, title: r.title }))}
        canEdit={data.canEdit}
        joinAddress={data.join.url}
        localOnly={data.join.localOnly}
      />
      {rounds.length === 0 ? <p>{t("board.console.noRounds")}</p> : null}
      {rounds.map((r) => (
        <section
          key={r.roundId}
          className="card"
          aria-labelledby={`live-${r.roundId}`}
          data-round={r.roundId}
        >
          <h2 id={`live-${r.roundId}`}>{r.title}</h2>
          <p>
            <span className={`badge ${r.phase}`}>{t(`round.phase.${r.phase}`)}</span>{" "}
            <span className="badge">{t(`board.console.view.${r.view}`)}</span>
          </p>
          <div className="grid three">
            <div className="card stat">
              <span className="muted">{t("board.takingNow")}</span>
              <span className="value" data-testid={`taking-${r.roundId}`}>
                {r.takingNow.toLocaleString("vi-VN")}
              </span>
            </div>
            <div className="card stat">
              <span className="muted">{t("board.submitted")}</span>
              <span className="value" data-testid={`submitted-${r.roundId}`}>
                {r.submitted.toLocaleString("vi-VN")}
              </span>
            </div>
            <div className="card stat">
              <span className="muted">{t("board.console.screens")}</span>
              <span className="value" data-testid={`screens-${r.roundId}`}>
                {connection === "live" ? r.screens.length : "…"}
              </span>
            </div>
          </div>
          <div className="grid two">
            <div>
              <h3>{t("board.units")}</h3>
              <BoardUnits units={r.units} total={r.units.length} />
            </div>
            <div>
              <h3>{t("board.console.screens")}</h3>
              {r.screens.length === 0 ? (
                <p className="muted">{t("board.console.noScreens")}</p>
              ) : (
                <ul className="small">
                  {r.screens.map((s) => (
                    <li key={s.id}>
                      <strong>{s.address}</strong> —{" "}
                      {t("board.console.screenSince", { time: formatDateTimeIn(lang, new Date(s.since)) })}
                      <br />
                      <span className="muted">{s.userAgent}</span>
                    </li>
                  ))}
                </ul>
              )}
              <p>
                <a href={`/screen/${r.roundId}`} target="_blank" rel="noreferrer">
                  {t("board.console.openScreen")}
                </a>
              </p>
            </div>
          </div>
        </section>
      ))}
    </>
  );
}
