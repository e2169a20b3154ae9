import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { requireStaff } from "~/lib/auth.server";
import { findCurrentContest } from "#db/repos/contests";
import { listRounds } from "#db/repos/rounds";
import { roundPhase } from "~/rules/deadline";
import { formatDateTimeIn } from "~/i18n/dates";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const { db, clock } = context.services;
  const contest = await findCurrentContest(db);
  const now = clock.now();
  const rounds = contest ? await listRounds(db, contest.id) : [];
  const count = async (table: "contestants" | "questions") => {
    const q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n"));
    const row =
      table === "questions"
        ? await q.where("status", "=", "approved").executeTakeFirstOrThrow()
        : await q.executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    contest: contest ? { id: contest.id, title: contest.title } : null,
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      opensAt: formatDateTimeIn(context.lang, new Date(r.opens_at)),
      closesAt: formatDateTimeIn(context.lang, new Date(r.closes_at)),
      phase: roundPhase(now, new Date(r.opens_at), new Date(r.closes_at)),
    })),
    contestants: await count("contestants"),
    questions: await count("questions"),
  };
}

export default function ConsoleOverview() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("console.title")}</h1>
      {data.contest ? (
        <p>
          {t("console.overview.contest")}: <strong>{data.contest.title}</strong>
        </p>
      ) : null}
      <div className="grid three">
        <div className="card stat">
          <span className="muted">{t("console.overview.contestants")}</span>
          <span className="value">{data.contestants.toLocaleString("vi-VN")}</span>
        </div>
        <div className="card stat">
          <span className="muted">{t("console.overview.questions")}</span>
          <span className="value">{data.questions.toLocaleString("vi-VN")}</span>
        </div>
        <div className="card stat">
          <span className="muted">{t("console.overview.rounds")}</span>
          <span className="value">{data.rounds.length}</span>
        </div>
      </div>
      <section className="card">
        <h2>{t("console.overview.rounds")}</h2>
        <div className="table-wrap">
          <table>
            <tbody>
              {data.rounds.map((r) => (
                <tr key={r.id}>
                  <td>{r.title}</td>
                  <td>
                    {r.opensAt} – {r.closesAt}
                  </td>
                  <td>
                    <span className={`badge ${r.phase}`}>{t(`round.phase.${r.phase}`)}</span>
                  </td>
                  <td>
                    <Link to={`/screen/${r.id}`}>{t("console.overview.screen")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
