import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { setupPending } from "#server/setup-token";
import { Link, useLoaderData } from "@remix-run/react";
import { SiteHeader } from "~/components/site-header";
import { useT } from "~/i18n/use-t";
import { roundPhase } from "~/rules/deadline";
import { formatDateTimeIn } from "~/i18n/dates";
import { getCurrentUser } from "~/lib/auth.server";
import { findCurrentContest } from "#db/repos/contests";
import { listPublicRounds } from "#db/repos/rounds";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { db, clock } = context.services;
  const contest = await findCurrentContest(db);
  const user = await getCurrentUser(request, context);
  // A real installation waiting for its contest (`npm run setup`): the first-run page explains what to do.
  if (!contest && setupPending(context.services.config.dataDir)) throw redirect("/setup");
  if (!contest) return { contest: null, rounds: [], signedIn: user !== null };
  const now = clock.now();
  const rounds = await listPublicRounds(db, contest.id);
  return {
    contest: {
      title: contest.title,
      organizer: contest.organizer_name,
      description: contest.description,
      practice: contest.practice_enabled === 1,
    },
    signedIn: user !== null,
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      opensAt: formatDateTimeIn(context.lang, new Date(r.opens_at)),
      closesAt: formatDateTimeIn(context.lang, new Date(r.closes_at)),
      minutes: Math.round(r.duration_seconds / 60),
      phase: roundPhase(now, new Date(r.opens_at), new Date(r.closes_at)),
    })),
  };
}

export default function Home() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        {data.contest ? (
          <>
            <section className="hero">
              <h1>{data.contest.title}</h1>
              <p>{t("home.organizer", { name: data.contest.organizer })}</p>
              <p>{data.contest.description}</p>
              {!data.signedIn ? (
                <p style={{ display: "flex", gap: 10, flexWrap: "wrap", marginTop: 14 }}>
                  <Link
                    className="button"
                    style={{ background: "var(--yellow)", color: "#1b1f24", borderColor: "var(--yellow)" }}
                    to="/register"
                  >
                    {t("nav.register")}
                  </Link>
                  <Link className="button secondary" to="/login">
                    {t("nav.login")}
                  </Link>
                </p>
              ) : null}
            </section>
            <section aria-labelledby="rounds-title">
              <h2 id="rounds-title">{t("home.rounds")}</h2>
              {data.rounds.length === 0 ? <p className="muted">{t("home.noRounds")}</p> : null}
              <div className="grid two">
                {data.rounds.map((r) => (
                  <article key={r.id} className="card round-card">
                    <h3>{r.title}</h3>
                    <p>
                      <span className={`badge ${r.phase}`}>{t(`round.phase.${r.phase}`)}</span>
                    </p>
                    <p className="small">
                      {t("round.opens", { time: r.opensAt })}
                      <br />
                      {t("round.closes", { time: r.closesAt })}
                      <br />
                      {t("round.duration", { minutes: r.minutes })}
                    </p>
                    <p style={{ display: "flex", gap: 10, flexWrap: "wrap" }}>
                      {r.phase === "open" ? (
                        <Link className="button" to={`/rounds/${r.id}`}>
                          {t("home.enter")}
                        </Link>
                      ) : null}
                      <Link className="button secondary" to={`/leaderboard/${r.id}`}>
                        {t("home.leaderboard")}
                      </Link>
                    </p>
                  </article>
                ))}
              </div>
            </section>
            <section className="card">
              <h2>{t("home.howTo")}</h2>
              <ol>
                <li>{t("home.step1")}</li>
                <li>{t("home.step2")}</li>
                <li>{t("home.step3")}</li>
              </ol>
            </section>
          </>
        ) : (
          <p>{t("home.noContest")}</p>
        )}
      </main>
    </>
  );
}
