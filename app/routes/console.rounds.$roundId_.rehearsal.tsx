/**
 * `/console/rounds/:id/rehearsal`: mark a round as the organizers' rehearsal, wipe a rehearsal's attempts,
 * delete a round nobody has started (issue 11). Every removal asks for a ticked confirmation and is audited.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { CheckboxField } from "~/components/forms/fields";
import { translate } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { EDITOR_ROLES, requireEditor, requireStaff } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { recordAudit } from "#db/repos/audit";
import { findContest } from "#db/repos/contests";
import { findRound } from "#db/repos/rounds";
import { roundAttemptCounts } from "#db/repos/round-settings";
import { CSRF_FIELD } from "#server/security/csrf";
import { deleteRoundWithoutAttempts, setRoundRehearsal, wipeRoundAttempts } from "#db/repos/rehearsals";
import { ActionResult } from "~/components/forms/action-result";

export const meta: MetaFunction = () => [{ title: "Thi thử và xóa đợt — Bảng điều khiển" }];

function roundIdOf(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0 || id > 2 ** 31 - 1) throw new Response("Not found", { status: 404 });
  return id;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { db } = context.services;
  const round = await findRound(db, roundIdOf(params.roundId));
  if (!round) throw new Response("Not found", { status: 404 });
  const contest = await findContest(db, round.contest_id);
  const counts = (await roundAttemptCounts(db, round.contest_id)).get(round.id);
  return {
    canEdit: EDITOR_ROLES.includes(user.role) && !contest?.closed_at,
    closed: Boolean(contest?.closed_at),
    round: { id: round.id, title: round.title, rehearsal: round.is_rehearsal === 1 },
    attempts: counts?.started ?? 0,
  };
}

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("flag"), rehearsal: z.literal("1").optional() }),
  z.object({ intent: z.literal("wipe"), confirm: z.literal("yes").optional() }),
  z.object({ intent: z.literal("delete"), confirm: z.literal("yes").optional() }),
]);

type Result = { ok: string } | { error: string };

export async function action({ request, context, params }: ActionFunctionArgs): Promise<Result | Response> {
  const user = await requireEditor(request, context);
  const form = await readProtectedForm(request, context);
  const parsed = schema.safeParse(Object.fromEntries([...form].filter(([k]) => k !== CSRF_FIELD)));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const { db, clock } = context.services;
  const lang = context.lang;
  const round = await findRound(db, roundIdOf(params.roundId));
  if (!round) throw new Response("Not found", { status: 404 });
  const contest = await findContest(db, round.contest_id);
  if (contest?.closed_at) return { error: translate(lang, "organizer.readOnly") };
  const now = clock.now();
  const input = parsed.data;
  const audit = { actorUserId: user.id, entity: "round", entityId: round.id, now };
  const rehearsal = round.is_rehearsal === 1;

  if (input.intent === "flag") {
    const next = input.rehearsal === "1";
    if (next !== rehearsal)
      await db.transaction().execute(async (trx) => {
        await setRoundRehearsal(trx, round.id, next);
        await recordAudit(trx, {
          ...audit,
          action: "round.rehearsal",
          details: { title: round.title, rehearsal: next },
        });
      });
    return { ok: translate(lang, next ? "organizer.rehearsal.flagOn" : "organizer.rehearsal.flagOff") };
  }
  if (input.confirm !== "yes") return { error: translate(lang, "organizer.rehearsal.confirmRequired") };
  if (input.intent === "wipe") {
    if (!rehearsal) return { error: translate(lang, "organizer.rehearsal.wipeOnlyRehearsal") };
    const removed = await db.transaction().execute(async (trx) => {
      const n = await wipeRoundAttempts(trx, round.id);
      await recordAudit(trx, {
        ...audit,
        action: "round.wipe",
        details: { title: round.title, attempts: n, rehearsal: true },
      });
      return n;
    });
    context.services.events.emit("roundRanked", { roundId: round.id });
    return { ok: translate(lang, "organizer.rehearsal.wiped", { n: removed }) };
  }
  const outcome = await db.transaction().execute(async (trx) => {
    const result = await deleteRoundWithoutAttempts(trx, round.id);
    if (result === "deleted")
      await recordAudit(trx, {
        ...audit,
        action: "round.delete",
        details: { title: round.title, rehearsal },
      });
    return result;
  });
  if (outcome === "hasAttempts") return { error: translate(lang, "organizer.rehearsal.deleteBlocked") };
  return redirect("/console/rounds");
}

export default function RoundRehearsal() {
  const t = useT();
  const { round, attempts, canEdit, closed } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/console/rounds/${round.id}`}>← {t("organizer.rehearsal.back")}</Link>
      </p>
      <h1>{t("organizer.rehearsal.title", { round: round.title })}</h1>
      <p className="muted">{t("organizer.rehearsal.intro")}</p>
      {closed ? <p className="form-error">{t("organizer.readOnly")}</p> : null}
      <div aria-live="polite" style={{ minHeight: "1.5em" }}>
        <ActionResult result={result} />
      </div>
      <p>
        {round.rehearsal ? <span className="badge">{t("organizer.rehearsal.badge")}</span> : null}{" "}
        <span data-testid="attempt-count">{t("organizer.rehearsal.attempts", { n: attempts })}</span>
      </p>
      <Form method="post" className="card">
        <CsrfInput />
        <CheckboxField
          bare
          name="rehearsal"
          value="1"
          defaultChecked={round.rehearsal}
          disabled={!canEdit}
          key={String(round.rehearsal)}
          label={t("organizer.rehearsal.flag")}
        />
        {canEdit ? (
          <p>
            <button type="submit" name="intent" value="flag">
              {t("organizer.rehearsal.saveFlag")}
            </button>
          </p>
        ) : null}
      </Form>
      {canEdit && round.rehearsal && attempts > 0 ? (
        <Form method="post" className="card">
          <CsrfInput />
          <h2>{t("organizer.rehearsal.wipeTitle")}</h2>
          <CheckboxField
            bare
            name="confirm"
            value="yes"
            label={t("organizer.rehearsal.wipeConfirm", { n: attempts })}
          />
          <p>
            <button type="submit" name="intent" value="wipe" className="danger">
              {t("organizer.rehearsal.wipe")}
            </button>
          </p>
        </Form>
      ) : null}
      {canEdit ? (
        <Form method="post" className="card">
          <CsrfInput />
          <h2>{t("organizer.rehearsal.deleteTitle")}</h2>
          {attempts > 0 ? (
            <p className="muted">{t("organizer.rehearsal.deleteBlocked")}</p>
          ) : (
            <>
              <CheckboxField
                bare
                name="confirm"
                value="yes"
                label={t("organizer.rehearsal.deleteConfirm", { round: round.title })}
              />
              <p>
                <button type="submit" name="intent" value="delete" className="danger">
                  {t("organizer.rehearsal.delete")}
                </button>
              </p>
            </>
          )}
        </Form>
      ) : null}
    </>
  );
}
