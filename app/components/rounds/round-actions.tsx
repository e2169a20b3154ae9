import { Form, useNavigation } from "@remix-run/react";
import { CheckboxField } from "~/components/forms/fields";
import { CsrfInput } from "~/components/csrf-input";
import { useT } from "~/i18n/use-t";
import { ActionResult } from "~/components/forms/action-result";
import "./rounds.css";

/** What the actions card needs to know about a stored round. */
export interface RoundSummary {
  id: number;
  phase: "upcoming" | "open" | "closed";
  rankedAt: string | null;
  publishedAt: string | null;
  perfectCount: number | null;
}

/** The answer to "close and rank" or "publish". */
export type RoundActionOutcome =
  { intent: "close" | "publish"; ok: string } | { intent: "close" | "publish"; error: string };

/** The organizer's actions on a round: close and rank (or rank again), then publish. */
export function RoundActions({
  round,
  canEdit,
  result,
}: {
  round: RoundSummary;
  canEdit: boolean;
  result: RoundActionOutcome | null;
}) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") !== "save";
  const rankLabel =
    round.phase === "open"
      ? t("round.actions.close")
      : round.rankedAt
        ? t("round.actions.rerank")
        : t("round.actions.rank");
  return (
    <section className="card" aria-labelledby="round-actions-title">
      <h2 id="round-actions-title">{t("round.actions.title")}</h2>
      <ActionResult result={result} />
      <p>
        {round.rankedAt
          ? t("round.actions.rankedAt", { time: round.rankedAt, perfect: round.perfectCount ?? 0 })
          : t("round.actions.notRankedYet")}
        {round.publishedAt ? (
          <>
            <br />
            {t("round.actions.publishedAt", { time: round.publishedAt })}
          </>
        ) : null}
      </p>
      {canEdit ? (
        <>
          <Form method="post">
            <CsrfInput />
            {round.phase === "upcoming" ? <p className="muted">{t("round.actions.notOpenYet")}</p> : null}
            {round.phase === "open" ? (
              <>
                <p className="badge warn round-close-warning">{t("round.actions.closeWarning")}</p>
                <CheckboxField
                  bare
                  choiceClassName="round-choice"
                  name="confirm"
                  required
                  label={t("round.actions.confirmClose")}
                />
              </>
            ) : null}
            <button
              type="submit"
              name="intent"
              value="close"
              className={round.phase === "open" ? "danger" : "secondary"}
              disabled={busy || round.phase === "upcoming" || round.publishedAt !== null}
            >
              {rankLabel}
            </button>
          </Form>
          <hr className="round-actions-rule" />
          <Form method="post">
            <CsrfInput />
            <p className="muted round-flush-top">
              {round.publishedAt
                ? null
                : round.rankedAt
                  ? t("round.actions.publishHint")
                  : t("round.actions.notRanked")}
            </p>
            <button
              type="submit"
              name="intent"
              value="publish"
              className="primary"
              disabled={busy || !round.rankedAt || round.publishedAt !== null}
            >
              {t("round.actions.publish")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
