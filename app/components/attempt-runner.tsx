/**
 * The page a contestant answers on. Each choice is shown at once, queued, and sent to the server,
 * which acknowledges it; the queue survives a dropped connection and a reload (localStorage), and is
 * sent again on reconnect. The countdown follows the server's deadline, corrected for this phone's
 * clock, so a wrong clock changes nothing.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRevalidator } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { connectContestSocket, request, type ContestClientSocket } from "~/realtime/client";
import type { AttemptSync } from "~/realtime/contract";
import type { AttemptView } from "#server/contest/attempt-view";
import { addressWithQuestion } from "~/rules/question-position";
import { QuestionCard } from "./question-card";
import "./attempt-runner.css";

type SaveState = "saved" | "saving" | "queued";

function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

const queueKey = (attemptId: number) => `attempt-${attemptId}-queue`;

function readQueue(attemptId: number): Map<number, number[]> {
  try {
    const raw = window.localStorage.getItem(queueKey(attemptId));
    return new Map(raw ? (JSON.parse(raw) as [number, number[]][]) : []);
  } catch {
    return new Map();
  }
}

function writeQueue(attemptId: number, queue: Map<number, number[]>) {
  try {
    if (queue.size === 0) window.localStorage.removeItem(queueKey(attemptId));
    else window.localStorage.setItem(queueKey(attemptId), JSON.stringify([...queue]));
  } catch {
    // private mode or full storage: the in-memory queue still works for this page
  }
}

/** `opening`: the question to show first, chosen by the loader from the address (`?q=N`). */
export function AttemptRunner({ view, opening = 0 }: { view: AttemptView; opening?: number }) {
  const t = useT();
  const revalidator = useRevalidator();
  const [questions, setQuestions] = useState(view.questions);
  const [current, setCurrent] = useState(opening);
  const [saveState, setSaveState] = useState<Record<number, SaveState>>({});
  const [connected, setConnected] = useState(true);
  const [notice, setNotice] = useState<string | null>(null);
  const [prediction, setPrediction] = useState(view.prediction === null ? "" : String(view.prediction));
  const [submitting, setSubmitting] = useState(false);
  const [timeUp, setTimeUp] = useState(false);
  // Until the page is live (hydrated and connected once), a tap would go nowhere: choices are disabled.
  const [ready, setReady] = useState(false);
  const socketRef = useRef<ContestClientSocket | null>(null);
  const queueRef = useRef<Map<number, number[]>>(new Map());
  const flushingRef = useRef(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  // Server time minus this phone's time, so the countdown follows the server.
  const [clockSkew, setClockSkew] = useState(() => new Date(view.serverNow).getTime() - Date.now());
  const [deadline, setDeadline] = useState(() => new Date(view.deadlineAt).getTime());
  const [now, setNow] = useState(() => Date.now() + clockSkew);

  // Once the contestant moves, the address names the question on screen, so a reload comes back to it
  // (the page it opened on needs no mark: the loader chose it). Replaced, not pushed: Back leaves the
  // attempt as before, and the router is not asked to load the page again.
  const movedRef = useRef(false);
  useEffect(() => {
    if (!movedRef.current && current === opening) return;
    movedRef.current = true;
    const next = addressWithQuestion(window.location.href, current);
    if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
      window.history.replaceState(window.history.state, "", next);
  }, [current, opening]);

  const finish = useCallback(() => {
    writeQueue(view.id, queueRef.current);
    revalidator.revalidate();
  }, [revalidator, view.id]);

  const flush = useCallback(async () => {
    const socket = socketRef.current;
    if (!socket || !socket.connected || flushingRef.current) return;
    flushingRef.current = true;
    try {
      for (const [position, chosen] of [...queueRef.current]) {
        setSaveState((s) => ({ ...s, [position]: "saving" }));
        const response = await request(socket, (s, ack) =>
          s.emit("attempt:answer", { attemptId: view.id, position, chosen }, ack),
        );
        if ("data" in response) {
          // Only forget it if no newer choice replaced it while this one was on its way.
          if (queueRef.current.get(position) === chosen) queueRef.current.delete(position);
          setSaveState((s) => ({ ...s, [position]: queueRef.current.has(position) ? "queued" : "saved" }));
        } else if (response.error.code === "submitted" || response.error.code === "deadlinePassed") {
          queueRef.current.clear();
          setNotice(t(`attempt.take.error.${response.error.code}`));
          finish();
          return;
        } else {
          setSaveState((s) => ({ ...s, [position]: "queued" }));
          if (response.error.code !== "timeout")
            setNotice(t("attempt.take.error.generic", { code: response.error.code }));
          break;
        }
      }
    } finally {
      flushingRef.current = false;
      writeQueue(view.id, queueRef.current);
    }
    if (queueRef.current.size > 0 && socketRef.current?.connected) setTimeout(() => void flush(), 1_000);
  }, [finish, t, view.id]);

  // The socket effect runs once per attempt; it reaches the latest callbacks through refs.
  const flushRef = useRef(flush);
  const finishRef = useRef(finish);
  const tRef = useRef(t);
  useEffect(() => {
    flushRef.current = flush;
    finishRef.current = finish;
    tRef.current = t;
  });

  // Connect once; re-watch and re-send after every reconnect. Listeners go away with the page.
  useEffect(() => {
    queueRef.current = readQueue(view.id);
    if (queueRef.current.size > 0) {
      setQuestions((qs) =>
        qs.map((q) =>
          queueRef.current.has(q.position) ? { ...q, chosen: queueRef.current.get(q.position)! } : q,
        ),
      );
      setSaveState(Object.fromEntries([...queueRef.current.keys()].map((p) => [p, "queued" as const])));
    }
    const socket = connectContestSocket();
    socketRef.current = socket;
    const onConnect = async () => {
      const watched = await request<AttemptSync>(socket, (s, ack) =>
        s.emit("attempt:watch", { attemptId: view.id }, ack),
      );
      if ("data" in watched) {
        setClockSkew(new Date(watched.data.serverNow).getTime() - Date.now());
        setDeadline(new Date(watched.data.deadlineAt).getTime());
        if (watched.data.status === "submitted") return finishRef.current();
      }
      setConnected(true);
      setReady(true);
      const hadQueue = queueRef.current.size > 0;
      await flushRef.current();
      if (hadQueue && queueRef.current.size === 0) setNotice(tRef.current("attempt.take.reconnected"));
    };
    const onDisconnect = () => setConnected(false);
    const onSubmitted = () => finishRef.current();
    socket.on("connect", onConnect);
    socket.on("disconnect", onDisconnect);
    socket.on("attempt:submitted", onSubmitted);
    return () => {
      socket.off("connect", onConnect);
      socket.off("disconnect", onDisconnect);
      socket.off("attempt:submitted", onSubmitted);
      socket.disconnect();
      socketRef.current = null;
    };
  }, [view.id]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + clockSkew), 250);
    return () => clearInterval(timer);
  }, [clockSkew]);

  const remaining = Math.max(0, deadline - now);

  const submit = useCallback(async () => {
    const socket = socketRef.current;
    setSubmitting(true);
    dialogRef.current?.close();
    await flush();
    const parsed = prediction.trim() === "" ? null : Number(prediction);
    const valid = parsed === null || (Number.isInteger(parsed) && parsed >= 0 && parsed <= 1_000_000);
    if (socket?.connected) {
      await request(socket, (s, ack) =>
        s.emit("attempt:submit", { attemptId: view.id, ...(valid ? { prediction: parsed } : {}) }, ack),
      );
      finish();
    } else {
      // Offline: the server will submit at the deadline with what it has; try again on reconnect.
      setSubmitting(false);
    }
  }, [finish, flush, prediction, view.id]);

  useEffect(() => {
    if (remaining === 0 && !timeUp) {
      setTimeUp(true);
      void submit();
    }
  }, [remaining, submit, timeUp]);

  const choose = (position: number, index: number) => {
    if (timeUp || submitting) return;
    const question = questions.find((q) => q.position === position)!;
    let chosen: number[];
    if (question.type === "multiple") {
      chosen = question.chosen.includes(index)
        ? question.chosen.filter((i) => i !== index)
        : [...question.chosen, index].sort((a, b) => a - b);
    } else {
      chosen = question.chosen.length === 1 && question.chosen[0] === index ? [] : [index];
    }
    setQuestions((qs) => qs.map((q) => (q.position === position ? { ...q, chosen } : q)));
    queueRef.current.set(position, chosen);
    writeQueue(view.id, queueRef.current);
    setSaveState((s) => ({ ...s, [position]: "queued" }));
    void flush();
  };

  const toggleMark = async (position: number) => {
    const marked = !questions.find((q) => q.position === position)!.marked;
    setQuestions((qs) => qs.map((q) => (q.position === position ? { ...q, marked } : q)));
    const socket = socketRef.current;
    if (socket?.connected)
      await request(socket, (s, ack) =>
        s.emit("attempt:mark", { attemptId: view.id, position, marked }, ack),
      );
  };

  const savePrediction = async () => {
    const socket = socketRef.current;
    const value = prediction.trim() === "" ? null : Number(prediction);
    if (value !== null && (!Number.isInteger(value) || value < 0 || value > 1_000_000)) return;
    if (socket?.connected)
      await request(socket, (s, ack) =>
        s.emit("attempt:predict", { attemptId: view.id, prediction: value }, ack),
      );
  };

  const answered = useMemo(() => questions.filter((q) => q.chosen.length > 0).length, [questions]);
  const markedCount = questions.filter((q) => q.marked).length;
  const question = questions[current];
  const state = saveState[question.position];
  const lowTime = remaining < 60_000;

  return (
    <div className="attempt" data-ready={ready ? "true" : "false"}>
      <div className={`attempt-bar${lowTime ? " low" : ""}`} role="timer" aria-live="off">
        <div>
          <span className="attempt-bar-label">{t("attempt.take.remaining")}</span>
          <span className="attempt-clock" data-testid="countdown">
            {formatClock(remaining)}
          </span>
        </div>
        <div className="attempt-progress" aria-live="polite">
          {t("attempt.take.answered", { n: answered, total: questions.length })}
        </div>
      </div>

      {!connected ? (
        <p className="attempt-banner offline" role="status">
          {t("attempt.take.offline")}
        </p>
      ) : notice ? (
        <p className="attempt-banner" role="status">
          {notice}
        </p>
      ) : null}
      {timeUp ? (
        <p className="attempt-banner offline" role="alert">
          {t("attempt.take.timeUp")}
        </p>
      ) : null}

      <QuestionCard
        key={question.position}
        heading={t("attempt.take.question", { n: current + 1, total: questions.length })}
        text={question.text}
        options={question.options}
        picture={question.picture}
        optionPictures={question.optionPictures}
        type={question.type}
        chosen={question.chosen}
        onChoose={ready ? (i) => choose(question.position, i) : undefined}
      />
      <p className={`attempt-save-state ${state ?? ""}`} aria-live="polite" data-testid="save-state">
        {state === "saved"
          ? `✓ ${t("attempt.take.saved")}`
          : state === "saving"
            ? t("attempt.take.saving")
            : state === "queued"
              ? t("attempt.take.queued")
              : ""}
      </p>

      <div className="attempt-nav">
        <button
          type="button"
          className="secondary"
          disabled={current === 0}
          onClick={() => setCurrent((c) => c - 1)}
        >
          ← {t("attempt.take.previous")}
        </button>
        <button
          type="button"
          className={`secondary mark${question.marked ? " on" : ""}`}
          aria-pressed={question.marked}
          onClick={() => void toggleMark(question.position)}
        >
          ⚑ {question.marked ? t("attempt.take.marked") : t("attempt.take.mark")}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={current === questions.length - 1}
          onClick={() => setCurrent((c) => c + 1)}
        >
          {t("attempt.take.next")} →
        </button>
      </div>

      <nav className="attempt-palette" aria-label={t("attempt.take.palette")}>
        <h2>{t("attempt.take.palette")}</h2>
        <ol>
          {questions.map((q, i) => (
            <li key={q.position}>
              <button
                type="button"
                className={[
                  q.chosen.length > 0 ? "answered" : "",
                  q.marked ? "marked" : "",
                  i === current ? "current" : "",
                ].join(" ")}
                aria-current={i === current ? "true" : undefined}
                aria-label={`${t("attempt.take.question", { n: i + 1, total: questions.length })}${q.chosen.length > 0 ? `, ${t("attempt.take.legendAnswered")}` : ""}${q.marked ? `, ${t("attempt.take.legendMarked")}` : ""}`}
                onClick={() => setCurrent(i)}
              >
                {i + 1}
              </button>
            </li>
          ))}
        </ol>
        <p className="attempt-legend small">
          <span className="dot answered" /> {t("attempt.take.legendAnswered")} <span className="dot marked" />{" "}
          {t("attempt.take.legendMarked")} <span className="dot current" /> {t("attempt.take.legendCurrent")}
        </p>
      </nav>

      {view.predictionEnabled ? (
        <div className="card field attempt-prediction">
          <label htmlFor="prediction">{t("attempt.take.prediction")}</label>
          <input
            id="prediction"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={7}
            value={prediction}
            onChange={(e) => setPrediction(e.target.value.replace(/\D/g, ""))}
            onBlur={() => void savePrediction()}
            aria-describedby="prediction-hint"
          />
          <span className="hint" id="prediction-hint">
            {t("attempt.take.predictionHint")}
          </span>
        </div>
      ) : null}

      <button
        type="button"
        className="primary block attempt-submit"
        disabled={submitting}
        onClick={() => dialogRef.current?.showModal()}
      >
        {submitting ? t("attempt.take.submitting") : t("attempt.take.submit")}
      </button>

      <dialog ref={dialogRef} className="attempt-dialog" aria-labelledby="confirm-title">
        <h2 id="confirm-title">{t("attempt.take.confirmTitle")}</h2>
        <p>
          {questions.length - answered > 0
            ? t("attempt.take.confirmUnanswered", { n: questions.length - answered })
            : t("attempt.take.confirmAllAnswered")}
        </p>
        {markedCount > 0 ? <p>{t("attempt.take.confirmMarked", { n: markedCount })}</p> : null}
        {view.predictionEnabled && prediction.trim() === "" ? (
          <p>{t("attempt.take.confirmNoPrediction")}</p>
        ) : null}
        <p className="muted">{t("attempt.take.confirmFinal")}</p>
        <div className="attempt-dialog-actions">
          <button type="button" className="secondary" onClick={() => dialogRef.current?.close()}>
            {t("attempt.take.confirmNo")}
          </button>
          <button type="button" className="primary" onClick={() => void submit()}>
            {t("attempt.take.confirmYes")}
          </button>
        </div>
      </dialog>
    </div>
  );
}
