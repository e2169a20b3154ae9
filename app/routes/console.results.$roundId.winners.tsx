/**
 * The winners list of a round as an A4 notice in the style of an official document: the national
 * heading, the organising committee, the round, the prizes with names, units and scores, and a place for
 * the signature and seal. It is printed from the browser; the print styles below hide the console
 * around it. Staff only (full names, from the official ranking).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { requireStaff } from "~/lib/auth.server";
import { PRIZE_KINDS } from "~/rules/prizes";
import { vnCalendarDate } from "~/rules/vn-time";
import { formatDateTimeIn } from "~/i18n/dates";
import { loadRoundResults } from "#server/results/export";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Danh sách đoạt giải — ${data?.round.title ?? ""}` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const { db, clock } = context.services;
  const id = Number(params.roundId);
  const now = clock.now();
  const results = Number.isSafeInteger(id) && id > 0 ? await loadRoundResults(db, id, now) : undefined;
  if (!results) throw new Response("Not found", { status: 404 });
  const today = vnCalendarDate(now);
  return {
    contest: { title: results.contest.title, organizer: results.contest.organizerName },
    round: {
      id: results.round.id,
      title: results.round.title,
      official: results.official,
      rankedAt: results.round.rankedAt
        ? formatDateTimeIn(context.lang, new Date(results.round.rankedAt))
        : null,
      published: results.round.publishedAt !== null,
      perfectCount: results.round.perfectCount ?? 0,
      ranked: results.ranking.length,
    },
    today,
    groups: PRIZE_KINDS.map((prize) => ({
      prize,
      winners: results.winners
        .filter((w) => w.prize === prize)
        .map((w) => ({
          rank: w.rank,
          fullName: w.fullName,
          birthYear: w.birthDate.slice(0, 4),
          unit: w.unitName,
          score: w.score,
          seconds: w.durationMs / 1000,
        })),
    })).filter((g) => g.winners.length > 0),
  };
}

const PRINT_CSS = `
.winners-sheet { background: #fff; color: #000; font-family: "Times New Roman", "Be Vietnam Pro", serif;
  width: 210mm; min-height: 297mm; margin: 0 auto; padding: 18mm 16mm 18mm 22mm; box-sizing: border-box;
  box-shadow: 0 1px 6px rgba(0,0,0,.18); font-size: 13pt; line-height: 1.35; }
.winners-sheet .heading { display: grid; grid-template-columns: 1fr 1.3fr; gap: 8mm; text-align: center; }
.winners-sheet .heading p { margin: 0; }
.winners-sheet .heading .org { font-size: 11.5pt; text-transform: uppercase; }
.winners-sheet .heading strong { font-size: 12pt; }
.winners-sheet .rule { width: 40%; margin: 2px auto 0; border: 0; border-top: 1px solid #000; }
.winners-sheet h1 { font-size: 15pt; text-align: center; margin: 10mm 0 1mm; letter-spacing: .02em; }
.winners-sheet .round { text-align: center; font-weight: 700; margin: 0 0 1mm; }
.winners-sheet .contest { text-align: center; font-style: italic; margin: 0 0 5mm; }
.winners-sheet table { width: 100%; border-collapse: collapse; font-size: 12pt; }
.winners-sheet th, .winners-sheet td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; }
.winners-sheet th { background: #fff; font-weight: 700; text-align: center; vertical-align: middle; }
.winners-sheet td.num { text-align: center; font-variant-numeric: tabular-nums; }
.winners-sheet tr.group td { font-weight: 700; background: #f2f2f2; }
.winners-sheet tr { break-inside: avoid; }
.winners-sheet .basis { margin: 0 0 4mm; text-align: justify; }
.winners-sheet .sign { display: grid; grid-template-columns: 1fr 1fr; margin-top: 8mm; break-inside: avoid; }
.winners-sheet .sign .block { text-align: center; }
.winners-sheet .sign .block p { margin: 0; }
.winners-sheet .sign .space { height: 28mm; }
.winners-sheet .draft { text-align: right; font-style: italic; font-size: 10pt; margin: 0 0 2mm; }
@media print {
  @page { size: A4 portrait; margin: 0; }
  .console-nav, .console > .badge, .no-print { display: none !important; }
  main.page.console { padding: 0 !important; margin: 0 !important; max-width: none !important; }
  .winners-sheet { box-shadow: none; margin: 0; }
}`;

export default function WinnersPrint() {
  const t = useT();
  const { contest, round, today, groups } = useLoaderData<typeof loader>();
  const total = groups.reduce((sum, g) => sum + g.winners.length, 0);
  let no = 0;
  return (
    <>
      <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      <div
        className="no-print"
        style={{ display: "flex", flexWrap: "wrap", gap: 12, alignItems: "center", marginBottom: 16 }}
      >
        <Link to={`/console/results/${round.id}`}>← {t("results.print.back")}</Link>
        {round.official ? (
          <button type="button" className="primary" onClick={() => window.print()}>
            {t("results.print.button")}
          </button>
        ) : null}
        <span className="small muted">{t("results.print.hint")}</span>
      </div>
      <article className="winners-sheet" lang="vi" aria-label={t("results.print.heading")}>
        {!round.published ? <p className="draft">{t("results.print.draft")}</p> : null}
        <div className="heading">
          <div>
            <p className="org">{contest.organizer}</p>
            <p>
              <strong>{t("results.print.board")}</strong>
            </p>
            <hr className="rule" />
          </div>
          <div>
            <p>
              <strong>{t("results.print.nation")}</strong>
            </p>
            <p>
              <strong>{t("results.print.motto")}</strong>
            </p>
            <hr className="rule" />
          </div>
        </div>
        <h1>{t("results.print.heading")}</h1>
        <p className="round">{round.title}</p>
        <p className="contest">{contest.title}</p>
        {!round.official ? (
          <p>{t("results.print.notRanked")}</p>
        ) : (
          <>
            <p className="basis">
              {t("results.print.basis", {
                time: round.rankedAt ?? "",
                ranked: round.ranked,
                perfect: round.perfectCount,
              })}
            </p>
            {total === 0 ? (
              <p>{t("results.print.noWinners")}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th style={{ width: "9mm" }}>{t("results.print.no")}</th>
                    <th>{t("results.col.fullName")}</th>
                    <th style={{ width: "19mm" }}>{t("results.print.birthYear")}</th>
                    <th>{t("results.col.unit")}</th>
                    <th style={{ width: "13mm" }}>{t("results.col.score")}</th>
                    <th style={{ width: "13mm" }}>{t("results.col.rank")}</th>
                  </tr>
                </thead>
                <tbody>
                  {groups.map((g) => [
                    <tr className="group" key={g.prize}>
                      <td colSpan={6}>
                        {t(`round.prize.${g.prize}`)} ({g.winners.length})
                      </td>
                    </tr>,
                    ...g.winners.map((w) => (
                      <tr key={`${g.prize}-${w.rank}`}>
                        <td className="num">{++no}</td>
                        <td>{w.fullName}</td>
                        <td className="num">{w.birthYear}</td>
                        <td>{w.unit}</td>
                        <td className="num">{w.score.toLocaleString("vi-VN")}</td>
                        <td className="num">{w.rank}</td>
                      </tr>
                    )),
                  ])}
                </tbody>
              </table>
            )}
            <p>{t("results.print.total", { n: total })}</p>
          </>
        )}
        <div className="sign">
          <div />
          <div className="block">
            <p>
              <em>{t("results.print.place", { day: today.day, month: today.month, year: today.year })}</em>
            </p>
            <p>
              <strong>{t("results.print.signTitle")}</strong>
            </p>
            <p>
              <strong>{t("results.print.signRole")}</strong>
            </p>
            <p className="small">
              <em>{t("results.print.signHint")}</em>
            </p>
            <div className="space" />
          </div>
        </div>
      </article>
    </>
  );
}
