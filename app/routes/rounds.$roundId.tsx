import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SiteHeader } from "~/components/site-header";
import { CsrfInput } from "~/components/csrf-input";
import { useT } from "~/i18n/use-t";
import { translate } from "~/i18n";
import { roundPhase } from "~/rules/deadline";
import { formatDateTimeIn } from "~/i18n/dates";
import { getCurrentUser, requireRole } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { findRoundSettings } from "#db/repos/rounds";
import { listRankedAttempts } from "#db/repos/attempts";
import { findContestantByUserId } from "#db/repos/contestants";
import { startRoundAttempt } from "#server/contest/attempts";

function roundIdOf(params: { roundId?: string }): number {
  const id = Number(params.roundId);
  if (!Number.isInteger(id) || id <= 0) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { db, clock } = context.services;
  const round = await findRoundSettings(db, roundIdOf(params));
  if (!round) throw new Response("Not found", { status: 404 });
  const user = await getCurrentUser(request, context);
  const contestant = user?.role === "contestant" ? await findContestantByUserId(db, user.id) : undefined;
  const attempts = contestant ? await listRankedAttempts(db, round.id, contestant.id) : [];
  return {
    round: {
      id: round.id,
      title: round.title,
      minutes: Math.round(round.durationSeconds / 60),
      questionCount: round.questionCount,
      maxAttempts: round.maxAttempts,
      opensAt: formatDateTimeIn(context.lang, round.opensAt),
      closesAt: formatDateTimeIn(context.lang, round.closesAt),
      phase: roundPhase(clock.now(), round.opensAt, round.closesAt),
    },
    signedIn: user !== null,
    isContestant: contestant !== undefined,
    inProgress: attempts.some((a) => a.status === "in_progress"),
    lastAttemptId: attempts.at(-1)?.id ?? null,
    attemptsLeft: Math.max(0, round.maxAttempts - attempts.length),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ["contestant"]);
  await readProtectedForm(request, context);
  const result = await startRoundAttempt(context.services, { userId: user.id, roundId: roundIdOf(params) });
  if (result.ok) return redirect(`/attempts/${result.attemptId}`);
  if (result.attemptId && (result.code === "noAttemptsLeft" || result.code === "closed"))
    return redirect(`/attempts/${result.attemptId}`);
  const round = await findRoundSettings(context.services.db, roundIdOf(params));
  return {
    error: translate(context.lang, `attempt.problem.${result.code}`, {
      time: round ? formatDateTimeIn(context.lang, round.opensAt) : "",
    }),
  };
}

export default function RoundPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { round } = data;
  return (
    <>
      <SiteHeader />
      <main id="main" className="page narrow">
        <div className="card">
          <h1>{t("attempt.start.title", { title: round.title })}</h1>
          <p>
            <span className={`badge ${round.phase}`}>{t(`round.phase.${round.phase}`)}</span>
          </p>
          <p className="small">
            {t("round.opens", { time: round.opensAt })}
            <br />
            {t("round.closes", { time: round.closesAt })}
          </p>
          <p>{t("attempt.start.rules", { minutes: round.minutes, count: round.questionCount })}</p>
          <p>{t("attempt.start.saved")}</p>
          <p className="muted">{t("attempt.start.once", { n: round.maxAttempts })}</p>
          {result?.error ? (
            <p className="form-error" role="alert">
              {result.error}
            </p>
          ) : null}
          {!data.signedIn ? (
            <>
              <p>{t("attempt.start.loginFirst")}</p>
              <p style={{ display: "flex", gap: 10, flexWrap: "wrap" }}>
                <Link className="button" to={`/login?next=/rounds/${round.id}`}>
                  {t("nav.login")}
                </Link>
                <Link className="button secondary" to="/register">
                  {t("nav.register")}
                </Link>
              </p>
            </>
          ) : data.isContestant && (data.inProgress || (round.phase === "open" && data.attemptsLeft > 0)) ? (
            <Form method="post">
              <CsrfInput />
              <button type="submit" className="primary block">
                {data.inProgress ? t("attempt.start.resume") : t("attempt.start.button")}
              </button>
            </Form>
          ) : data.lastAttemptId ? (
            <Link className="button block" to={`/attempts/${data.lastAttemptId}`}>
              {t("attempt.start.viewResult")}
            </Link>
          ) : data.isContestant ? null : (
            <p className="muted">{t("attempt.problem.notRegistered")}</p>
          )}
        </div>
      </main>
    </>
  );
}
