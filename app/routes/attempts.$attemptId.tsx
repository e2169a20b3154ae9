import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SiteHeader } from "~/components/site-header";
import { CsrfInput } from "~/components/csrf-input";
import { AttemptRunner } from "~/components/attempt-runner";
import { QuestionCard } from "~/components/question-card";
import { LiveRank } from "~/components/live-rank";
import { useLang, useT } from "~/i18n/use-t";
import { translate } from "~/i18n";
import { formatDateTimeIn } from "~/i18n/dates";
import { QUESTION_PARAM, openingQuestionIndex } from "~/rules/question-position";
import { requireRole } from "~/lib/auth.server";
import { loadAttemptView } from "#server/contest/attempt-view";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, ["contestant"]);
  const attemptId = Number(params.attemptId);
  if (!Number.isInteger(attemptId) || attemptId <= 0) throw new Response("Not found", { status: 404 });
  const result = await loadAttemptView(context.services, {
    userId: user.id,
    attemptId,
    practiceTitle: translate(context.lang, "attempt.practice.title"),
  });
  // Someone else's attempt is "not found" to this user: its existence is not theirs to know.
  if (!result.ok) throw new Response("Not found", { status: 404 });
  const opening = openingQuestionIndex(
    new URL(request.url).searchParams.get(QUESTION_PARAM),
    result.view.questions,
  );
  return { view: result.view, opening };
}

function formatDuration(ms: number, t: ReturnType<typeof useT>): string {
  const seconds = Math.round(ms / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0
    ? `${t("time.minutes", { n: m })} ${t("time.seconds", { n: s })}`
    : t("time.seconds", { n: s });
}

export default function AttemptPage() {
  const { view, opening } = useLoaderData<typeof loader>();
  return (
    <>
      <SiteHeader />
      <main id="main" className="page">
        <h1 className="attempt-title">{view.title}</h1>
        {view.status === "in_progress" ? (
          <AttemptRunner key={view.id} view={view} opening={opening} />
        ) : (
          <AttemptResult />
        )}
      </main>
    </>
  );
}

function AttemptResult() {
  const t = useT();
  const lang = useLang();
  const { view } = useLoaderData<typeof loader>();
  const result = view.result!;
  return (
    <div className="attempt">
      <section className="card" aria-labelledby="result-title">
        <h2 id="result-title">{t("attempt.result.title")}</h2>
        <div className="result-grid">
          <div className="stat">
            <span className="muted">{t("attempt.result.score")}</span>
            <span className="value" data-testid="score">
              {result.score}/{result.maxScore}
            </span>
          </div>
          <div className="stat">
            <span className="muted">{t("attempt.result.correct")}</span>
            <span className="value">
              {result.correctCount}/{result.questionCount}
            </span>
          </div>
          <div className="stat">
            <span className="muted">{t("attempt.result.time")}</span>
            <span className="value small">{formatDuration(result.durationMs, t)}</span>
          </div>
          <div className="stat">
            <span className="muted">{t("attempt.result.submittedAt")}</span>
            <span className="value small">{formatDateTimeIn(lang, new Date(result.submittedAt))}</span>
          </div>
        </div>
        {result.reason === "deadline" ? <p className="badge warn">{t("attempt.result.byDeadline")}</p> : null}
        {!view.isPractice ? (
          result.officialRank !== null ? (
            <p className="result-rank" data-testid="official-rank">
              {t("attempt.result.officialRank")}: <strong>{result.officialRank}</strong>
              {result.prize ? (
                <>
                  {" "}
                  — {t("attempt.result.prize")}:{" "}
                  <strong>{t(`round.prize.${result.prize as "first"}`)}</strong>
                </>
              ) : null}
            </p>
          ) : result.liveRank !== null ? (
            <>
              <p className="result-rank" data-testid="live-rank">
                {t("attempt.result.liveRank")}:{" "}
                <LiveRank attemptId={view.id} initial={{ rank: result.liveRank, of: result.liveTotal }} />
              </p>
              <p className="muted small">{t("attempt.result.liveRankNote")}</p>
            </>
          ) : null
        ) : null}
        <p style={{ display: "flex", gap: 10, flexWrap: "wrap" }}>
          <Link className="button secondary" to="/">
            {t("attempt.result.backHome")}
          </Link>
          {view.isPractice ? (
            <Form method="post" action="/practice">
              <CsrfInput />
              <button type="submit" className="primary">
                {t("attempt.result.practiceAgain")}
              </button>
            </Form>
          ) : null}
        </p>
      </section>
      {view.review ? (
        <section aria-labelledby="review-title">
          <h2 id="review-title">{t("attempt.result.review")}</h2>
          {view.review.map((item, i) => (
            <div key={item.position} className="review-item">
              <p className={`review-verdict ${item.isCorrect ? "right" : "wrong"}`}>
                {t("attempt.take.question", { n: i + 1, total: view.review!.length })} —{" "}
                {item.isCorrect ? t("attempt.result.right") : t("attempt.result.wrong")}
              </p>
              <QuestionCard
                text={item.text}
                options={item.options}
                picture={item.picture}
                optionPictures={item.optionPictures}
                type={item.type}
                chosen={item.chosen}
                reveal={{ correct: item.correct, explanation: item.explanation }}
              />
              <p className="muted small">
                {t("attempt.result.source")}: {item.source}
              </p>
            </div>
          ))}
        </section>
      ) : !view.isPractice ? (
        <p className="muted">{t("attempt.result.reviewLater")}</p>
      ) : null}
    </div>
  );
}
