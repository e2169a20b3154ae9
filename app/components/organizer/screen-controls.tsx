/**
 * The console's control of the hall's screens (issue 11): every connected audience screen, and for each a
 * choice of round and view (join slide with the QR code, live board, winners, unit board) that the screen
 * shows at once and keeps after a reload.
 */
import { useEffect, useState } from "react";
import { SCREEN_VIEWS, type ConnectedScreen, type ScreenView } from "~/realtime/contract";
import { SelectField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import { openSocket, type ContestClientSocket } from "~/components/board-live";

export function ScreenControls({
  rounds,
  canEdit,
  joinAddress,
  localOnly,
}: {
  rounds: readonly { roundId: number; title: string }[];
  canEdit: boolean;
  joinAddress: string;
  localOnly: boolean;
}) {
  const t = useT();
  const [screens, setScreens] = useState<ConnectedScreen[] | null>(null);
  const [socket, setSocket] = useState<ContestClientSocket | null>(null);
  const [status, setStatus] = useState("");
  useEffect(() => {
    const s = openSocket();
    const list = () => {
      s.emit("console:watch", {}, () => undefined);
      s.emit("screen:list", {}, (ack) => {
        if ("data" in ack) setScreens(ack.data);
      });
    };
    s.on("connect", list);
    s.on("console:screens", setScreens);
    setSocket(s);
    return () => {
      s.off("connect", list);
      s.off("console:screens", setScreens);
      s.disconnect();
    };
  }, []);

  const show = (screenId: string, form: HTMLFormElement) => {
    const data = new FormData(form);
    const roundId = Number(data.get("roundId"));
    const view = String(data.get("view")) as ScreenView;
    socket?.emit("screen:show", { screenId, roundId, view }, (ack) => {
      setStatus(
        "data" in ack
          ? t("organizer.screens.sent", { view: t(`organizer.view.${view}`) })
          : t("organizer.screens.failed"),
      );
    });
  };

  return (
    <section className="card" aria-labelledby="screens-title" data-testid="screen-controls">
      <h2 id="screens-title">{t("organizer.screens.title")}</h2>
      <p>
        {t("organizer.screens.joinAddress")} <strong data-testid="console-join-address">{joinAddress}</strong>
      </p>
      {localOnly ? (
        <p className="form-error" role="alert">
          {t("organizer.screens.localOnly")}
        </p>
      ) : null}
      <p className="muted" aria-live="polite" style={{ minHeight: "1.5em" }}>
        {status}
      </p>
      {screens === null ? (
        <p className="muted">…</p>
      ) : screens.length === 0 ? (
        <p className="muted">{t("organizer.screens.none")}</p>
      ) : (
        <ul className="screen-list" style={{ listStyle: "none", padding: 0 }}>
          {screens.map((s, i) => (
            <li key={s.screenId} data-screen={s.screenId} className="card">
              <p>
                <strong>{t("organizer.screens.name", { n: i + 1 })}</strong> — {s.address}{" "}
                <span className="muted">
                  ({rounds.find((r) => r.roundId === s.roundId)?.title ?? s.roundId},{" "}
                  {s.view === "auto" ? t("organizer.view.auto") : t(`organizer.view.${s.view as ScreenView}`)}
                  )
                </span>
              </p>
              {canEdit ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    show(s.screenId, e.currentTarget);
                  }}
                  style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "end" }}
                >
                  <SelectField
                    id={`screen-${s.screenId}-round`}
                    name="roundId"
                    label={t("organizer.screens.round")}
                    defaultValue={s.roundId}
                    fieldClassName="tight"
                    messageRoom={false}
                  >
                    {rounds.map((r) => (
                      <option key={r.roundId} value={r.roundId}>
                        {r.title}
                      </option>
                    ))}
                  </SelectField>
                  <SelectField
                    id={`screen-${s.screenId}-view`}
                    name="view"
                    label={t("organizer.screens.view")}
                    defaultValue={s.view === "auto" ? "live" : s.view}
                    fieldClassName="tight"
                    messageRoom={false}
                  >
                    {SCREEN_VIEWS.map((v) => (
                      <option key={v} value={v}>
                        {t(`organizer.view.${v}`)}
                      </option>
                    ))}
                  </SelectField>
                  <button type="submit" className="primary">
                    {t("organizer.screens.show")}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
