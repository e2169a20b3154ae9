/** The console's results page: the contest-wide export and statistics, and every round's results. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChartDashboard } from "~/components/chart-dashboard";
import { useT } from "~/i18n/use-t";
import { requireStaff } from "~/lib/auth.server";
import { roundPhase } from "~/rules/deadline";
import { formatDateTimeIn } from "~/i18n/dates";
import { findCurrentContest } from "#db/repos/contests";
import { contestStatistics, loadContestResults } from "#server/results/export";

export const meta: MetaFunction = () => [{ title: "Kết quả — Bảng điều khiển" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const { db, clock } = context.services;
  const now = clock.now();
  const contest = await findCurrentContest(db);
  if (!contest) return { contest: null, rounds: [], stats: null };
  const results = (await loadContestResults(db, contest.id, now))!;
  return {
    contest: { id: contest.id, title: contest.title },
    rounds: results.rounds.map((r) => ({
      id: r.round.id,
      title: r.round.title,
      period: `${formatDateTimeIn(context.lang, new Date(r.round.opensAt))} – ${formatDateTimeIn(context.lang, new Date(r.round.closesAt))}`,
      phase: roundPhase(now, new Date(r.round.opensAt), new Date(r.round.closesAt)),
      official: r.official,
      published: r.round.publishedAt !== null,
      submitted: r.attemptCounts.submitted,
      ranked: r.ranking.length,
    })),
    stats: await contestStatistics(db, results),
  };
}

export default function ResultsIndex() {
  const t = useT();
  const { contest, rounds, stats } = useLoaderData<typeof loader>();
  if (!contest) return <p>{t("results.page.noContest")}</p>;
  return (
    <>
      <h1>{t("results.page.title")}</h1>
      <p className="muted">{t("results.page.intro")}</p>
      <section className="card" aria-labelledby="contest-export">
        <h2 id="contest-export">
          {t("results.page.contest")}: {contest.title}
        </h2>
        <p className="small muted">{t("results.page.contestIntro")}</p>
        <p style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
          <a className="button" href={`/console/results/export?contest=${contest.id}&format=xlsx`} download>
            {t("results.export.xlsx")}
          </a>
          <a
            className="button secondary"
            href={`/console/results/export?contest=${contest.id}&format=csv`}
            download
          >
            {t("results.export.csvOverall")}
          </a>
        </p>
        <p className="small muted">{t("results.export.hint")}</p>
      </section>
      <section className="card" aria-labelledby="rounds-title">
        <h2 id="rounds-title">{t("results.page.rounds")}</h2>
        {rounds.length === 0 ? (
          <p>{t("results.page.noRounds")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>{t("results.col.round")}</th>
                  <th>{t("results.round.status")}</th>
                  <th className="num">{t("results.col.submitted")}</th>
                  <th className="num">{t("results.col.participants")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/console/results/${r.id}`}>{r.title}</Link>
                      <div className="small muted">{r.period}</div>
                    </td>
                    <td>
                      <span className={`badge ${r.phase}`}>{t(`round.phase.${r.phase}`)}</span>{" "}
                      <span className="badge">
                        {r.published
                          ? t("results.status.published")
                          : r.official
                            ? t("results.status.official")
                            : t("results.status.live")}
                      </span>
                    </td>
                    <td className="num">{r.submitted.toLocaleString("vi-VN")}</td>
                    <td className="num">{r.ranked.toLocaleString("vi-VN")}</td>
                    <td>
                      <Link to={`/console/results/${r.id}`}>{t("results.page.open")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {stats ? <ChartDashboard stats={stats} title={t("results.stats.contestTitle")} /> : null}
    </>
  );
}
