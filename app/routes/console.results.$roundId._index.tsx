/** One round's results: downloads, the winners list (printable and public) and the statistics. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ChartDashboard } from "~/components/chart-dashboard";
import { useT } from "~/i18n/use-t";
import { requireStaff } from "~/lib/auth.server";
import { roundPhase } from "~/rules/deadline";
import { formatDateTimeIn } from "~/i18n/dates";
import { loadRoundResults, roundStatistics } from "#server/results/export";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.round.title ?? "Kết quả"} — Kết quả — Bảng điều khiển` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const { db, clock } = context.services;
  const id = Number(params.roundId);
  const now = clock.now();
  const results = Number.isSafeInteger(id) && id > 0 ? await loadRoundResults(db, id, now) : undefined;
  if (!results) throw new Response("Not found", { status: 404 });
  const r = results.round;
  return {
    round: {
      id: r.id,
      title: r.title,
      contestTitle: results.contest.title,
      period: `${formatDateTimeIn(context.lang, new Date(r.opensAt))} – ${formatDateTimeIn(context.lang, new Date(r.closesAt))}`,
      phase: roundPhase(now, new Date(r.opensAt), new Date(r.closesAt)),
      rankedAt: r.rankedAt ? formatDateTimeIn(context.lang, new Date(r.rankedAt)) : null,
      publishedAt: r.publishedAt ? formatDateTimeIn(context.lang, new Date(r.publishedAt)) : null,
      winners: results.winners.length,
    },
    stats: await roundStatistics(db, results),
  };
}

export default function RoundResults() {
  const t = useT();
  const { round, stats } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="small">
        <Link to="/console/results">← {t("results.page.back")}</Link>
      </p>
      <p className="muted small" style={{ margin: 0 }}>
        {round.contestTitle}
      </p>
      <h1>{round.title}</h1>
      <p className="small">
        {round.period} · <span className={`badge ${round.phase}`}>{t(`round.phase.${round.phase}`)}</span>
      </p>
      <section className="card" aria-labelledby="downloads">
        <h2 id="downloads">{t("results.page.title")}</h2>
        <p role="status">
          {round.rankedAt
            ? t("results.round.official", { time: round.rankedAt })
            : t("results.round.notRanked")}
          {round.publishedAt ? ` ${t("results.round.published", { time: round.publishedAt })}` : ""}
        </p>
        <p style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
          <a className="button" href={`/console/results/export?round=${round.id}&format=xlsx`} download>
            {t("results.export.xlsx")}
          </a>
          <a
            className="button secondary"
            href={`/console/results/export?round=${round.id}&format=csv`}
            download
          >
            {t("results.export.csv")}
          </a>
        </p>
        <p className="small muted">{t("results.export.hint")}</p>
        {round.rankedAt ? (
          <p style={{ display: "flex", flexWrap: "wrap", gap: 16 }}>
            <Link to={`/console/results/${round.id}/winners`}>{t("results.round.winnersPrint")}</Link>
            {round.publishedAt ? (
              <a href={`/winners/${round.id}`}>{t("results.round.winnersPublic")}</a>
            ) : null}
          </p>
        ) : (
          <p className="small muted">{t("results.round.winnersNotYet")}</p>
        )}
      </section>
      <ChartDashboard stats={stats} title={t("results.stats.title")} />
    </>
  );
}
