/**
 * The public winners page of a round: only once the organizers have published the official ranking
 * (404 before, so nobody can read the prizes early). Masked names, unit, score and prize only — no
 * phone, date of birth or ID (Decree 13/2023/NĐ-CP; app/rules/masking.ts).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SiteHeader } from "~/components/site-header";
import { useT } from "~/i18n/use-t";
import { maskName } from "~/rules/masking";
import { PRIZE_KINDS } from "~/rules/prizes";
import { formatDateTimeIn } from "~/i18n/dates";
import { findContest } from "#db/repos/contests";
import { listOfficialRanking } from "#db/repos/rankings";
import { findRound } from "#db/repos/rounds";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const id = Number(params.roundId);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  const { db } = context.services;
  const round = await findRound(db, id);
  // The organizers' rehearsal has no public winners (issue 11); the hall screen still shows them.
  if (!round || !round.published_at || !round.ranked_at || round.is_rehearsal === 1)
    throw new Response("Not found", { status: 404 });
  const contest = await findContest(db, round.contest_id);
  const rows = (await listOfficialRanking(db, id)).filter((r) => r.prize !== null);
  return {
    contestTitle: contest?.title ?? "",
    round: {
      id: round.id,
      title: round.title,
      publishedAt: formatDateTimeIn(context.lang, new Date(round.published_at)),
    },
    groups: PRIZE_KINDS.map((prize) => ({
      prize,
      winners: rows
        .filter((r) => r.prize === prize)
        .map((r) => ({ rank: r.rank, name: maskName(r.full_name), unit: r.unit_name, score: r.score })),
    })).filter((g) => g.winners.length > 0),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Người đoạt giải — ${data.round.title}` : "Người đoạt giải" },
];

export default function PublicWinners() {
  const t = useT();
  const { contestTitle, round, groups } = useLoaderData<typeof loader>();
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        <p className="muted small" style={{ margin: 0 }}>
          {contestTitle}
        </p>
        <h1>
          {t("results.public.title")}: {round.title}
        </h1>
        <p className="muted small">
          {t("results.public.intro")} {t("results.public.publishedAt", { time: round.publishedAt })}
        </p>
        {groups.length === 0 ? <p>{t("results.public.none")}</p> : null}
        {groups.map((g) => (
          <section className="card" key={g.prize} aria-labelledby={`prize-${g.prize}`}>
            <h2 id={`prize-${g.prize}`}>
              {t(`round.prize.${g.prize}`)} <span className="muted small">({g.winners.length})</span>
            </h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th className="num">{t("results.col.rank")}</th>
                    <th>{t("results.col.fullName")}</th>
                    <th>{t("results.col.unit")}</th>
                    <th className="num">{t("results.col.score")}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.winners.map((w) => (
                    <tr key={w.rank}>
                      <td className="num">{w.rank}</td>
                      <td>{w.name}</td>
                      <td>{w.unit}</td>
                      <td className="num">{w.score.toLocaleString("vi-VN")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ))}
        <p className="small">
          <Link to={`/leaderboard/${round.id}`}>{t("results.public.leaderboard")}</Link>
        </p>
      </main>
    </>
  );
}
