/**
 * A contestant's phone in the live final (issue 14): big answer buttons, the countdown from the
 * server's clock, locked after answering ("Đã ghi nhận"), the result after the reveal. A reload or a
 * lost connection takes the same seat back, with the answer already given.
 */
import { useState } from "react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { requireRole } from "~/lib/auth.server";
import { ConnectionBadge } from "~/components/board-live";
import { Countdown, LiveBoardList, ScoringNote } from "~/components/live/live-parts";
import { LETTERS, useLive, useSecondsLeft } from "~/components/live/use-live";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["contestant"]);
  const roundId = Number(params.roundId);
  if (!Number.isInteger(roundId) || roundId <= 0 || roundId > 2 ** 31 - 1)
    throw new Response("Not found", { status: 404 });
  return { roundId };
}

export const meta: MetaFunction = () => [{ title: "Chung kết" }];

export default function LivePhone() {
  const t = useT();
  const { roundId } = useLoaderData<typeof loader>();
  const live = useLive({ kind: "join", roundId });
  const [mine, setMine] = useState<{ position: number; choice: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const seconds = useSecondsLeft(live.view, live.clockOffsetMs);
  const view = live.view;
  const given =
    mine && view && mine.position === view.position
      ? mine
      : live.seat?.answer && view && live.seat.answer.position === view.position
        ? live.seat.answer
        : null;
  const result = live.result && view && live.result.position === view.position ? live.result : null;

  const answer = (choice: number) => {
    const socket = live.socket.current;
    if (!socket || !view || given) return;
    const position = view.position;
    socket.emit("live:answer", { roundId, position, choice }, (ack) => {
      if ("data" in ack) {
        setMine({ position, choice });
        setError(null);
      } else if (ack.error.code === "alreadyAnswered") setError("alreadyAnswered");
      else setError(ack.error.code);
    });
  };

  if (live.error && !view)
    return (
      <main className="live-phone">
        <p role="alert">{t.dynamic(`live.error.${live.error}`)}</p>
      </main>
    );
  if (!view) return <main className="live-phone">…</main>;
  const open = view.phase === "open";
  return (
    <main className="live-phone">
      <div className="live-status">
        <span>{live.seat ? t("live.you", { name: live.seat.name }) : ""}</span>
        <ConnectionBadge state={live.connection} />
      </div>
      <h1 className="live-status">
        <span>
          {view.position >= 0
            ? t("live.question", { n: view.position + 1, of: view.questionCount })
            : view.title}
        </span>
        <Countdown seconds={seconds} />
      </h1>
      {view.phase === "lobby" ? (
        <>
          <p>{t("live.waiting")}</p>
          <ScoringNote view={view} />
        </>
      ) : null}
      {view.phase === "paused" ? <p className="live-saved">{t("live.paused")}</p> : null}
      {view.question && view.phase !== "board" ? (
        <>
          <p className="live-question-text">{view.question.text}</p>
          <ul className="live-options">
            {view.question.options.map((o, i) => (
              <li key={i}>
                <button
                  type="button"
                  className={view.reveal?.correct.includes(i) ? "live-option live-option-key" : "live-option"}
                  aria-pressed={given?.choice === i}
                  disabled={!open || given !== null}
                  onClick={() => answer(i)}
                >
                  {LETTERS[i]}. {o}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {given && !result ? (
        <p className="live-saved" role="status">
          ✓ {t("live.saved")}
        </p>
      ) : null}
      {view.phase === "closed" && !given ? <p className="live-saved">{t("live.timeUp")}</p> : null}
      {error ? <p role="alert">{t.dynamic(`live.error.${error}`)}</p> : null}
      {result ? (
        <div
          className={`live-result ${result.skipped ? "" : result.correct ? "live-result-right" : "live-result-wrong"}`}
          role="status"
        >
          <strong>
            {result.skipped
              ? t("live.skipped")
              : result.choice === null
                ? t("live.noAnswer")
                : result.correct
                  ? t("live.right")
                  : t("live.wrong")}
          </strong>
          <div>{t("live.points", { n: result.points })}</div>
          <div>{t("live.score", { n: result.score })}</div>
          <div>{t("live.rank", { rank: result.rank, of: result.of })}</div>
        </div>
      ) : null}
      {view.phase === "board" ? <p>{t("live.waitingNext")}</p> : null}
      {view.board ? <LiveBoardList rows={view.board} podium={view.phase === "podium"} /> : null}
    </main>
  );
}
