/**
 * The public leaderboards: every round, the overall board over all rounds, and participation per unit.
 * Server-rendered; while a round is open its live numbers come over Socket.IO, and the overall board is
 * read again at most every 15 seconds when a board changes.
 */
import { useEffect, useRef, useState } from "react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { MAX_BOARD_ROOMS_PER_SOCKET, type BoardSnapshot } from "~/realtime/contract";
import { useT } from "~/i18n/use-t";
import { roundPhase } from "~/rules/deadline";
import { formatDateTimeIn } from "~/i18n/dates";
import { SiteHeader } from "~/components/site-header";
import { BoardUnits } from "~/components/board-units";
import {
  ConnectionBadge,
  formatDuration,
  keepConnected,
  openSocket,
  type ConnectionState,
} from "~/components/board-live";
import { findCurrentContest } from "#db/repos/contests";
import { listPublicRounds } from "#db/repos/rounds";
import { computeOverall } from "#server/contest/board";
import { listSubmittedEntries, listInProgressForRound } from "#db/repos/attempts";

export const meta: MetaFunction = () => [{ title: "Bảng xếp hạng — Hội thi tìm hiểu về Chuyển đổi số" }];

export async function loader({ context }: LoaderFunctionArgs) {
  const { db, clock } = context.services;
  const contest = await findCurrentContest(db);
  if (!contest) return { contest: null, rounds: [], overall: null };
  const now = clock.now();
  const rounds = await listPublicRounds(db, contest.id);
  const overall = await computeOverall(context.services, contest.id);
  return {
    contest: { title: contest.title },
    rounds: await Promise.all(
      rounds.map(async (r) => {
        const phase = roundPhase(now, new Date(r.opens_at), new Date(r.closes_at));
        const entries = await listSubmittedEntries(db, r.id);
        return {
          id: r.id,
          title: r.title,
          phase,
          opensAt: formatDateTimeIn(context.lang, new Date(r.opens_at)),
          closesAt: formatDateTimeIn(context.lang, new Date(r.closes_at)),
          submitted: new Set(entries.map((e) => e.contestantId)).size,
          takingNow: phase === "open" ? (await listInProgressForRound(db, r.id)).length : 0,
          published: r.published_at !== null,
        };
      }),
    ),
    overall,
  };
}

type RoundNumbers = Record<number, { submitted: number; takingNow: number }>;

/** Live numbers for the open rounds, and a throttled re-read of the page when any board changes. */
function useLiveNumbers(openRounds: number[]): { numbers: RoundNumbers; connection: ConnectionState | null } {
  const [numbers, setNumbers] = useState<RoundNumbers>({});
  const [connection, setConnection] = useState<ConnectionState | null>(null);
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const key = openRounds.slice(0, MAX_BOARD_ROOMS_PER_SOCKET).join(",");

  useEffect(() => {
    const ids = key ? key.split(",").map(Number) : [];
    if (ids.length === 0) return;
    setConnection("connecting");
    const socket = openSocket();
    const versions = new Map<number, number>();
    let lastRead = Date.now();
    let pending: ReturnType<typeof setTimeout> | null = null;
    const show = (s: BoardSnapshot) => {
      if (s.version < (versions.get(s.roundId) ?? 0)) return;
      const changed = versions.has(s.roundId);
      versions.set(s.roundId, s.version);
      setNumbers((n) => ({ ...n, [s.roundId]: { submitted: s.submitted, takingNow: s.takingNow } }));
      if (changed && !pending) {
        pending = setTimeout(
          () => {
            pending = null;
            lastRead = Date.now();
            revalidate.current();
          },
          Math.max(0, lastRead + 15_000 - Date.now()),
        );
      }
    };
    const join = () => {
      for (const roundId of ids)
        socket.emit("board:join", { roundId }, (ack) => {
          if ("data" in ack) {
            show(ack.data);
            setConnection("live");
          }
        });
    };
    const stopKeeping = keepConnected(socket, setConnection);
    socket.on("connect", join);
    socket.on("board:update", show);
    return () => {
      if (pending) clearTimeout(pending);
      stopKeeping();
      socket.off("connect", join);
      socket.off("board:update", show);
      socket.disconnect();
    };
  }, [key]);
  return { numbers, connection };
}

export default function Leaderboards() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { numbers, connection } = useLiveNumbers(
    data.rounds.filter((r) => r.phase === "open").map((r) => r.id),
  );
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        <div className="leaderboard-head">
          <div>
            {data.contest ? (
              <p className="muted small" style={{ margin: 0 }}>
                {data.contest.title}
              </p>
            ) : null}
            <h1>{t("board.page.title")}</h1>
          </div>
          {connection ? <ConnectionBadge state={connection} /> : null}
        </div>
        <p className="muted small">{t("board.page.intro")}</p>

        <section aria-labelledby="rounds-title">
          <h2 id="rounds-title">{t("board.page.rounds")}</h2>
          <div className="grid two">
            {data.rounds.map((r) => {
              const live = numbers[r.id] ?? r;
              return (
                <article key={r.id} className="card">
                  <h3>{r.title}</h3>
                  <p>
                    <span className={`badge ${r.phase}`}>{t(`round.phase.${r.phase}`)}</span>{" "}
                    {r.published ? <span className="badge">{t("board.official")}</span> : null}
                  </p>
                  <p className="small">
                    {t("round.opens", { time: r.opensAt })}
                    <br />
                    {t("round.closes", { time: r.closesAt })}
                  </p>
                  <p className="small">
                    {t("board.submitted")}:{" "}
                    <strong data-testid={`submitted-${r.id}`}>
                      {live.submitted.toLocaleString("vi-VN")}
                    </strong>
                    {r.phase === "open" ? (
                      <>
                        {" · "}
                        {t("board.takingNow")}: <strong>{live.takingNow.toLocaleString("vi-VN")}</strong>
                      </>
                    ) : null}
                  </p>
                  <Link className="button secondary" to={`/leaderboard/${r.id}`}>
                    {t("board.page.open")}
                  </Link>
                </article>
              );
            })}
          </div>
        </section>

        {data.overall ? (
          <>
            <section className="card" aria-labelledby="overall-title">
              <h2 id="overall-title">{t("board.page.overall")}</h2>
              <p className="muted small">{t("board.page.overallIntro")}</p>
              {data.overall.rows.length === 0 ? (
                <p className="muted">{t("board.page.overallEmpty")}</p>
              ) : (
                <div className="table-wrap">
                  <table className="board-table">
                    <thead>
                      <tr>
                        <th scope="col" className="num">
                          {t("board.col.rank")}
                        </th>
                        <th scope="col">{t("board.col.name")}</th>
                        <th scope="col" className="unit">
                          {t("board.col.unit")}
                        </th>
                        <th scope="col" className="num wide-only">
                          {t("board.page.rounds.count")}
                        </th>
                        <th scope="col" className="num">
                          {t("board.page.totalScore")}
                          <span className="time-inline">{t("board.col.time")}</span>
                        </th>
                        <th scope="col" className="num time">
                          {t("board.page.totalTime")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.overall.rows.map((row) => (
                        <tr key={row.key}>
                          <td className="num rank">{row.rank}</td>
                          <td className="name">
                            {row.name}
                            <span className="unit-inline">{row.unit}</span>
                          </td>
                          <td className="unit">{row.unit}</td>
                          <td className="num wide-only">{row.rounds}</td>
                          <td className="num score">
                            {row.totalScore.toLocaleString("vi-VN")}
                            <span className="time-inline">{formatDuration(row.totalDurationMs)}</span>
                          </td>
                          <td className="num time">{formatDuration(row.totalDurationMs)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  {data.overall.ranked > data.overall.rows.length ? (
                    <p className="muted small">
                      {t("board.more", {
                        n: (data.overall.ranked - data.overall.rows.length).toLocaleString("vi-VN"),
                      })}
                    </p>
                  ) : null}
                </div>
              )}
            </section>
            <section className="card" aria-labelledby="units-title">
              <h2 id="units-title">{t("board.units")}</h2>
              <p className="muted small">{t("board.page.unitsIntro")}</p>
              <BoardUnits units={data.overall.units} total={data.overall.units.length} />
            </section>
          </>
        ) : null}
      </main>
    </>
  );
}
