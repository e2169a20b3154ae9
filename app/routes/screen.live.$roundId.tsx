/**
 * The big screen of a live final (issue 14), separate from the rounds' /screen pages: the lobby with
 * the QR code and who joined per unit, the question with its countdown, after the reveal the key and
 * how the hall answered, the top 10 with movement between questions, the podium at the end.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { translate } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { ConnectionBadge } from "~/components/board-live";
import {
  Countdown,
  LiveBoardList,
  QuestionPicture,
  RevealBars,
  ScoringNote,
} from "~/components/live/live-parts";
import { LETTERS, useLive, useSecondsLeft } from "~/components/live/use-live";
import { findLiveFinal } from "#db/repos/live-finals";

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const roundId = Number(params.roundId);
  if (!Number.isInteger(roundId) || roundId <= 0 || roundId > 2 ** 31 - 1)
    throw new Response("Not found", { status: 404 });
  const final = await findLiveFinal(context.services.db, roundId);
  if (!final) throw new Response("Not found", { status: 404 });
  const home = context.services.config.publicUrl ?? new URL(request.url).origin;
  const address = new URL(`/live/${roundId}`, home).toString();
  const qr = await QRCode.toString(address, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { roundId, address, qr, title: translate(context.lang, "live.screen.meta", { title: final.title }) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Chung kết" }];

export default function LiveScreen() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const live = useLive({ kind: "watch", roundId: data.roundId });
  const seconds = useSecondsLeft(live.view, live.clockOffsetMs);
  const view = live.view;
  // A question with a picture: the column becomes question / picture / options, the picture taking
  // whatever height the others leave, so it is as big as the screen allows and pushes nothing off.
  // A tall picture (a phone's screenshot) stands beside the options instead, as high as the column.
  const asking = view?.question && view.phase !== "board" && view.phase !== "podium";
  const picture = asking ? view.question?.picture : null;
  const pictureLayout = picture
    ? picture.height > picture.width
      ? "live-screen-main-picture live-screen-main-tall"
      : "live-screen-main-picture"
    : undefined;
  return (
    <div
      className={view?.question?.picture ? "live-screen live-screen-has-picture" : "live-screen"}
      data-phase={view?.phase ?? "connecting"}
    >
      <header className="live-screen-head">
        <h1>{view?.title ?? ""}</h1>
        <span>
          {view && view.position >= 0
            ? t("live.question", { n: view.position + 1, of: view.questionCount })
            : ""}
        </span>
        <span>{view ? t("live.joined", { n: view.joined }) : ""}</span>
        <ConnectionBadge state={live.connection} />
      </header>
      {view ? (
        <div className={pictureLayout ? "live-screen-body live-screen-body-picture" : "live-screen-body"}>
          <div className={pictureLayout}>
            {view.phase === "lobby" ? (
              <div className="live-screen-join">
                <div className="live-qr" dangerouslySetInnerHTML={{ __html: data.qr }} />
                <div>
                  <p>{data.address}</p>
                  <p className="live-screen-code" data-testid="join-code">
                    {view.joinCode}
                  </p>
                  <ScoringNote view={view} />
                </div>
              </div>
            ) : null}
            {view.question && view.phase !== "board" ? (
              <>
                <p className="live-question-text">{view.question.text}</p>
                <QuestionPicture picture={view.question.picture} />
                {view.reveal ? (
                  <RevealBars view={view} />
                ) : (
                  <ul className="live-options">
                    {view.question.options.map((o, i) => (
                      <li key={i} className="live-screen-option">
                        {LETTERS[i]}. {o}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            ) : null}
            {view.phase === "podium" ? (
              <h2 className="live-screen-podium-title">{t("live.podium")}</h2>
            ) : null}
            {view.board ? <LiveBoardList rows={view.board} podium={view.phase === "podium"} /> : null}
          </div>
          <aside>
            <Countdown seconds={seconds} big />
            {view.phase === "paused" ? <p>{t("live.paused")}</p> : null}
            {view.phase === "closed" ? <p>{t("live.timeUp")}</p> : null}
            {view.question ? <p>{t("live.answered", { n: view.answered, of: view.joined })}</p> : null}
            {view.phase === "lobby" ? (
              <ul className="live-units">
                {(view.joinedByUnit ?? []).slice(0, 8).map((u) => (
                  <li key={u.unit}>
                    {u.unit}: {u.joined}
                  </li>
                ))}
              </ul>
            ) : null}
          </aside>
        </div>
      ) : null}
    </div>
  );
}
