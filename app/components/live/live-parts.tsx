/** Pieces the phone, the host's console and the big screen share (issue 14). */
import type { LiveBoardRow, LivePicture, LiveView } from "~/realtime/live-contract";
import { speedBonusFormula } from "~/rules/live/settings";
import { useT } from "~/i18n/use-t";
import { LETTERS } from "./use-live";
import "./live.css";

export function ScoringNote({ view }: { view: LiveView }) {
  const t = useT();
  return (
    <p className="live-scoring">
      {view.scoring.speedBonus
        ? t("live.scoring.speed", {
            formula: speedBonusFormula({ ...view.scoring, secondsPerQuestion: view.secondsPerQuestion }),
          })
        : t("live.scoring.plain", { n: view.scoring.basePoints })}
    </p>
  );
}

export function Countdown({ seconds, big = false }: { seconds: number | null; big?: boolean }) {
  if (seconds === null) return null;
  return (
    <div
      className={big ? "live-countdown live-countdown-big" : "live-countdown"}
      role="timer"
      aria-live="off"
    >
      {seconds}
    </div>
  );
}

/** The share of each option after the reveal, as bars; the key is marked. */
export function RevealBars({ view }: { view: LiveView }) {
  const t = useT();
  if (!view.reveal || !view.question) return null;
  const total = Math.max(1, view.reveal.answered);
  return (
    <div className="live-reveal">
      <ol className="live-bars">
        {view.question.options.map((option, i) => {
          const share = Math.round((100 * (view.reveal?.counts[i] ?? 0)) / total);
          const key = view.reveal?.correct.includes(i) ?? false;
          return (
            <li key={i} className={key ? "live-bar live-bar-key" : "live-bar"} data-key={key ? "1" : "0"}>
              <span className="live-bar-label">
                {LETTERS[i]}. {option}
              </span>
              <span className="live-bar-track">
                <span className="live-bar-fill" style={{ width: `${share}%` }} />
              </span>
              <span className="live-bar-value">
                {view.reveal?.counts[i] ?? 0} ({share}%)
              </span>
            </li>
          );
        })}
      </ol>
      <p className="live-explanation">
        <strong>{t("live.explanation")}:</strong> {view.reveal.explanation}
      </p>
      <p className="live-source">{t("live.source", { source: view.reveal.source })}</p>
    </div>
  );
}

export function LiveBoardList({ rows, podium = false }: { rows: LiveBoardRow[]; podium?: boolean }) {
  const t = useT();
  return (
    <ol className={podium ? "live-board live-podium" : "live-board"} aria-label={t("live.top")}>
      {rows.map((r) => (
        <li key={r.key} className="live-board-row" data-rank={r.rank}>
          <span className="live-board-rank">{r.rank}</span>
          <span className="live-board-name">
            {r.name}
            <small>{r.unit}</small>
          </span>
          <span className="live-board-move" aria-hidden="true">
            {r.movement === null || r.movement === 0
              ? ""
              : r.movement > 0
                ? `▲${r.movement}`
                : `▼${-r.movement}`}
          </span>
          <span className="live-board-score">{r.score}</span>
        </li>
      ))}
    </ol>
  );
}

/** The question's picture from the bank: its size reserved so nothing jumps when it arrives. */
export function QuestionPicture({ picture }: { picture: LivePicture | null }) {
  if (!picture) return null;
  return (
    <img
      className="live-picture"
      src={picture.url}
      width={picture.width}
      height={picture.height}
      alt={picture.alt}
      decoding="async"
    />
  );
}
