/**
 * The host's console for a live final (issue 14), on the laptop at the desk: the join code and QR, who
 * joined by unit, the one or two commands that make sense now, and a confirmation before anything
 * that cannot be undone (skipping a question, ending the final). Commands travel over the socket.
 */
import { useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { useT } from "~/i18n/use-t";
import { requireEditor } from "~/lib/auth.server";
import { allowedCommands, type LiveCommand } from "~/rules/live/state";
import type { LiveView } from "~/realtime/live-contract";
import { ConnectionBadge } from "~/components/board-live";
import { Countdown, LiveBoardList, RevealBars, ScoringNote } from "~/components/live/live-parts";
import { LETTERS, useLive, useSecondsLeft } from "~/components/live/use-live";
import { CsrfInput } from "~/components/csrf-input";
import { readProtectedForm } from "~/lib/csrf.server";
import { findLiveFinal, listLiveSeats } from "#db/repos/live-finals";
import { createSeatCodes } from "#server/live/finals";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  await requireEditor(request, context);
  const roundId = Number(params.roundId);
  if (!Number.isInteger(roundId) || roundId <= 0 || roundId > 2 ** 31 - 1)
    throw new Response("Not found", { status: 404 });
  const final = await findLiveFinal(context.services.db, roundId);
  if (!final) throw new Response("Not found", { status: 404 });
  const home = context.services.config.publicUrl ?? new URL(request.url).origin;
  const address = new URL(`/live/${roundId}`, home).toString();
  const qr = await QRCode.toString(address, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  const seats = await listLiveSeats(context.services.db, roundId);
  return {
    roundId,
    title: final.title,
    address,
    qr,
    seatBase: new URL("/live/seat/", home).toString(),
    seats: seats.map((seat) => ({ name: seat.fullName, unit: seat.unitName, code: seat.code })),
  };
}

/** Seat codes for invited teams: every contestant who may play and has none gets one. */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const user = await requireEditor(request, context);
  await readProtectedForm(request, context);
  const roundId = Number(params.roundId);
  if (!Number.isInteger(roundId) || roundId <= 0 || roundId > 2 ** 31 - 1)
    throw new Response("Not found", { status: 404 });
  const done = await createSeatCodes(context.services, { roundId, actorUserId: user.id });
  return done.ok ? { ok: true as const, added: done.added } : { ok: false as const, error: done.code };
}

const IRREVERSIBLE: readonly LiveCommand[] = ["skip", "end"];

export default function HostConsole() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const seatsDone = useActionData<typeof action>();
  const live = useLive({ kind: "watch", roundId: data.roundId });
  const [confirming, setConfirming] = useState<LiveCommand | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seconds = useSecondsLeft(live.view, live.clockOffsetMs);
  const view = live.view;

  const send = (command: LiveCommand) => {
    const socket = live.socket.current;
    if (!socket) return;
    setBusy(true);
    setConfirming(null);
    socket.emit("live:host", { roundId: data.roundId, command }, (ack) => {
      setBusy(false);
      if ("data" in ack) {
        setError(null);
        live.show(ack.data as LiveView);
      } else setError(ack.error.code);
    });
  };
  const commands = view
    ? allowedCommands({
        phase: view.phase,
        position: view.position,
        questionCount: view.questionCount,
        secondsPerQuestion: view.secondsPerQuestion,
        startedAt: null,
        deadlineAt: null,
        pausedRemainingMs: view.pausedRemainingMs,
        skipped: view.skipped,
      })
    : [];

  return (
    <section className="live-host">
      <header className="live-status">
        <h1>{t("live.host.title", { title: data.title })}</h1>
        <ConnectionBadge state={live.connection} />
      </header>
      {view ? (
        <>
          <p>
            <strong data-testid="live-phase">{t.dynamic(`live.phase.${view.phase}`)}</strong>
            {view.position >= 0
              ? ` · ${t("live.question", { n: view.position + 1, of: view.questionCount })}`
              : ""}{" "}
            · {t("live.joined", { n: view.joined })}
            {view.question ? ` · ${t("live.answered", { n: view.answered, of: view.joined })}` : ""}
          </p>
          <ScoringNote view={view} />
          <div className="live-commands" role="group" aria-label={t("live.finals.open")}>
            {commands.map((c) => (
              <button
                key={c}
                type="button"
                disabled={busy}
                className={IRREVERSIBLE.includes(c) ? "button-danger" : undefined}
                onClick={() => (IRREVERSIBLE.includes(c) ? setConfirming(c) : send(c))}
              >
                {t.dynamic(`live.cmd.${c}`)}
              </button>
            ))}
          </div>
          {confirming ? (
            <div className="live-confirm" role="alertdialog" aria-labelledby="live-confirm-text">
              <p id="live-confirm-text">
                {confirming === "skip"
                  ? t("live.confirm.skip", { n: view.position + 1 })
                  : t("live.confirm.end")}
              </p>
              <button type="button" onClick={() => send(confirming)}>
                {t("live.confirm.yes")}
              </button>{" "}
              <button type="button" onClick={() => setConfirming(null)}>
                {t("live.confirm.no")}
              </button>
            </div>
          ) : null}
          {error ? (
            <p role="alert" className="error">
              {t.dynamic(`live.error.${error}`)}
            </p>
          ) : null}
          <div className="live-host-grid">
            <div>
              {view.question ? (
                <>
                  <Countdown seconds={seconds} />
                  <p className="live-question-text">{view.question.text}</p>
                  {view.reveal ? (
                    <RevealBars view={view} />
                  ) : (
                    <ol className="live-options">
                      {view.question.options.map((o, i) => (
                        <li key={i}>
                          {LETTERS[i]}. {o}
                        </li>
                      ))}
                    </ol>
                  )}
                </>
              ) : null}
              {view.board ? <LiveBoardList rows={view.board} podium={view.phase === "podium"} /> : null}
            </div>
            <aside>
              <p>{t("live.host.joinAt", { address: data.address, code: view.joinCode })}</p>
              <div className="live-qr" dangerouslySetInnerHTML={{ __html: data.qr }} />
              <p>
                <Link to={`/screen/live/${data.roundId}`} target="_blank">
                  {t("live.host.screenLink")}
                </Link>
              </p>
              <h2>{t("live.host.joinedByUnit")}</h2>
              <ul className="live-units">
                {(view.joinedByUnit ?? []).map((u) => (
                  <li key={u.unit}>
                    {u.unit}: {u.joined}
                  </li>
                ))}
              </ul>
            </aside>
          </div>
          <section className="stack" aria-labelledby="live-seats">
            <h2 id="live-seats">{t("live.seats.title")}</h2>
            <p>{t("live.seats.intro")}</p>
            <Form method="post">
              <CsrfInput />
              <button type="submit">{t("live.seats.create")}</button>
            </Form>
            {seatsDone ? (
              <p role={seatsDone.ok ? "status" : "alert"}>
                {seatsDone.ok
                  ? t("live.seats.created", { n: seatsDone.added })
                  : t.dynamic(`live.error.${seatsDone.error}`)}
              </p>
            ) : null}
            {data.seats.length === 0 ? (
              <p>{t("live.seats.none")}</p>
            ) : (
              <table className="table live-seats">
                <thead>
                  <tr>
                    <th>{t("live.seats.name")}</th>
                    <th>{t("live.seats.unit")}</th>
                    <th>{t("live.seats.code")}</th>
                    <th>{t("live.seats.address")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.seats.map((seat) => (
                    <tr key={seat.code}>
                      <td>{seat.name}</td>
                      <td>{seat.unit}</td>
                      <td>
                        <code>{seat.code}</code>
                      </td>
                      <td>
                        {data.seatBase}
                        {seat.code}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      ) : live.error ? (
        <p role="alert">{t.dynamic(`live.error.${live.error}`)}</p>
      ) : null}
    </section>
  );
}
