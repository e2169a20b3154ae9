/**
 * A contestant's phone in the live final (issue 14): big answer buttons, the countdown from the
 * server's clock, locked after answering ("Đã ghi nhận"), the result after the reveal, the prediction
 * question in the lobby when the final asks it. A reload or a lost connection takes the same seat back,
 * with the answer already given. Used with the contestant's account (/live/:roundId) or with a seat
 * code handed to an invited contestant (/live/seat/:code).
 */
import { useState } from "react";
import { useT } from "~/i18n/use-t";
import { ConnectionBadge } from "~/components/board-live";
import { Countdown, LiveBoardList, QuestionPicture, ScoringNote } from "./live-parts";
import { LETTERS, useLive, useSecondsLeft } from "./use-live";

export function LivePhone({ roundId, seat }: { roundId: number; seat?: string }) {
  const t = useT();
  const live = useLive({ kind: "join", roundId, seat });
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
      {/* The result first: on a 360 px phone it must be seen without scrolling. */}
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
      {view.phase === "lobby" ? (
        <>
          <p>{t("live.waiting")}</p>
          {view.predictionEnabled && live.seat ? (
            <PredictionForm
              given={live.seat.prediction}
              onSend={(prediction, done) =>
                live.socket.current?.emit("live:join", { roundId, seat, prediction }, (ack) => {
                  if ("data" in ack) live.take(ack.data);
                  done("data" in ack ? null : ack.error.code);
                })
              }
            />
          ) : null}
          <ScoringNote view={view} />
        </>
      ) : null}
      {view.phase === "paused" ? <p className="live-saved">{t("live.paused")}</p> : null}
      {view.question && view.phase !== "board" ? (
        <>
          <p className="live-question-text">{view.question.text}</p>
          <QuestionPicture picture={view.question.picture} />
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
      {view.phase === "board" ? <p>{t("live.waitingNext")}</p> : null}
      {view.board ? <LiveBoardList rows={view.board} podium={view.phase === "podium"} /> : null}
    </main>
  );
}

/** The prediction question (the last tie-breaker), asked in the lobby when the final has it. */
function PredictionForm({
  given,
  onSend,
}: {
  given: number | null;
  onSend: (prediction: number, done: (error: string | null) => void) => void;
}) {
  const t = useT();
  const [value, setValue] = useState(given === null ? "" : String(given));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="live-prediction"
      onSubmit={(event) => {
        event.preventDefault();
        const n = Number(value);
        if (value.trim() === "" || !Number.isInteger(n) || n < 0 || n > 1_000_000) {
          setError("badPrediction");
          return;
        }
        setBusy(true);
        onSend(n, (e) => {
          setBusy(false);
          setError(e);
        });
      }}
    >
      <label>
        {t("live.prediction")}
        <input
          name="prediction"
          type="number"
          inputMode="numeric"
          min={0}
          max={1_000_000}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
      </label>
      <button type="submit" className="live-option" disabled={busy}>
        {t("live.prediction.send")}
      </button>
      {given !== null ? (
        <p className="live-saved" role="status">
          {t("live.prediction.saved", { n: given })}
        </p>
      ) : null}
      {error ? <p role="alert">{t.dynamic(`live.error.${error}`)}</p> : null}
    </form>
  );
}
