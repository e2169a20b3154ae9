import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { CheckboxField, TextField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import { translate } from "~/i18n";
import { EDITOR_ROLES, requireEditor, requireStaff } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { roundPhase } from "~/rules/deadline";
import { checkRoundForm, defaultRoundSettings, roundFormValues } from "~/rules/round-settings";
import { parseVnDateTimeLocal, toVnDateTimeLocal } from "~/rules/vn-time";
import { formatDateTimeIn } from "~/i18n/dates";
import { contestReferenceDate, findCurrentContest, listCategories } from "#db/repos/contests";
import { listRounds, roundSettings } from "#db/repos/rounds";
import {
  approvedPoolCounts,
  createRound,
  roundAttemptCounts,
  setPracticeEnabled,
} from "#db/repos/round-settings";
import { recordAudit } from "#db/repos/audit";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { db, clock } = context.services;
  const contest = await findCurrentContest(db);
  const now = clock.now();
  const rounds = contest ? await listRounds(db, contest.id) : [];
  const attempts = contest ? await roundAttemptCounts(db, contest.id) : new Map();
  return {
    canEdit: EDITOR_ROLES.includes(user.role),
    contest: contest ? { title: contest.title, practiceEnabled: contest.practice_enabled === 1 } : null,
    rounds: rounds.map((row) => {
      const round = roundSettings(row);
      const counts = attempts.get(round.id);
      return {
        id: round.id,
        title: round.title,
        phase: roundPhase(now, round.opensAt, round.closesAt),
        opensAt: formatDateTimeIn(context.lang, round.opensAt),
        closesAt: formatDateTimeIn(context.lang, round.closesAt),
        minutes: Math.round(round.durationSeconds / 60),
        questionCount: round.questionCount,
        started: counts?.started ?? 0,
        submitted: counts?.submitted ?? 0,
        ranked: round.rankedAt !== null,
        published: round.publishedAt !== null,
        rehearsal: round.isRehearsal,
      };
    }),
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("practice"), enabled: z.enum(["0", "1"]) }),
  z.object({ intent: z.literal("create"), title: z.string(), rehearsal: z.literal("1").optional() }),
]);

const DAY_MS = 24 * 60 * 60 * 1000;

/** A new round opens tomorrow at 08:00 and closes a week later at 20:00, Vietnam time (as the editor's). */
function newRoundTimes(now: Date): { opensAt: Date; closesAt: Date } {
  const tomorrow = toVnDateTimeLocal(new Date(now.getTime() + DAY_MS)).slice(0, 10);
  const opensAt = parseVnDateTimeLocal(`${tomorrow}T08:00`)!;
  const closeDay = toVnDateTimeLocal(new Date(opensAt.getTime() + 6 * DAY_MS)).slice(0, 10);
  return { opensAt, closesAt: parseVnDateTimeLocal(`${closeDay}T20:00`)! };
}

type ActionResult = { ok: string } | { createError: string; title: string };

export async function action({ request, context }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const user = await requireEditor(request, context);
  const form = await readProtectedForm(request, context);
  const parsed = actionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const { db, clock } = context.services;
  const contest = await findCurrentContest(db);
  if (!contest) throw new Response("Not found", { status: 404 });
  if (parsed.data.intent === "create") {
    // Writing a round starts here with its name and whether it is the organizers' rehearsal (issue 11);
    // it is stored with the default paper, opening tomorrow, and the editor that follows sets the rest.
    const { title } = parsed.data;
    const rehearsal = parsed.data.rehearsal === "1";
    const now = clock.now();
    const times = newRoundTimes(now);
    const values = { ...roundFormValues(defaultRoundSettings(times.opensAt, times.closesAt)), title };
    const outcome = await db.transaction().execute(async (trx) => {
      const referenceDate = await contestReferenceDate(trx, contest.id, now);
      const categories = await listCategories(trx, contest.id);
      const check = checkRoundForm(values, {
        poolCounts: await approvedPoolCounts(trx, referenceDate),
        hasAttempts: false,
        previousDrawSpec: null,
        categoryIds: categories.map((c) => c.id),
      });
      if (!check.ok) return { problems: check.problems };
      const created = await createRound(trx, {
        contestId: contest.id,
        settings: check.value,
        now,
        rehearsal,
      });
      await recordAudit(trx, {
        actorUserId: user.id,
        action: "round.create",
        entity: "round",
        entityId: created.id,
        details: {
          title: created.title,
          opensAt: created.opens_at,
          closesAt: created.closes_at,
          ...(rehearsal ? { rehearsal: true } : {}),
        },
        now,
      });
      return { id: created.id };
    });
    if ("id" in outcome) return redirect(`/console/rounds/${outcome.id}?created=1`);
    const titleProblem = outcome.problems.find((p) => p.field === "title");
    return {
      title,
      createError: titleProblem
        ? translate(context.lang, `round.problem.${titleProblem.code}` as "round.problem.titleRequired")
        : translate(context.lang, "organizer.newRound.defaultRefused"),
    };
  }
  const enabled = parsed.data.enabled === "1";
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await setPracticeEnabled(trx, contest.id, enabled);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: enabled ? "contest.practice.enable" : "contest.practice.disable",
      entity: "contest",
      entityId: contest.id,
      now,
    });
  });
  return { ok: translate(context.lang, enabled ? "round.practice.enabled" : "round.practice.disabled") };
}

export default function RoundsPage() {
  const t = useT();
  const { canEdit, contest, rounds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <div
        style={{
          display: "flex",
          flexWrap: "wrap",
          gap: 12,
          alignItems: "center",
          justifyContent: "space-between",
        }}
      >
        <h1 style={{ margin: 0 }}>{t("round.list.title")}</h1>
        {canEdit && contest ? (
          <Link to="/console/rounds/new" className="button secondary">
            {t("round.list.new")}
          </Link>
        ) : null}
      </div>
      <p className="muted" style={{ margin: 0 }}>
        {t("round.list.intro")}
      </p>
      {result && "ok" in result ? (
        <p className="form-success" role="status">
          {result.ok}
        </p>
      ) : null}

      {canEdit && contest ? (
        <Form method="post" className="card" noValidate aria-labelledby="new-round-title">
          <CsrfInput />
          <h2 id="new-round-title">{t("organizer.newRound.title")}</h2>
          <TextField
            id="new-round-name"
            name="title"
            label={t("round.form.title")}
            maxLength={300}
            defaultValue={result && "createError" in result ? result.title : ""}
            hint={t("organizer.newRound.hint")}
            error={result && "createError" in result ? result.createError : undefined}
          />
          <CheckboxField
            name="rehearsal"
            value="1"
            label={t("organizer.rehearsal.flag")}
            hint={t("organizer.newRound.rehearsalHint")}
            messageRoom={false}
          />
          <button type="submit" name="intent" value="create" className="primary">
            {t("round.form.create")}
          </button>
        </Form>
      ) : null}

      {/* min-width 0: in the console's grid a wide table scrolls inside its card, not the whole page. */}
      <section className="card" style={{ minWidth: 0 }}>
        {rounds.length === 0 ? (
          <p>{contest ? t("round.list.empty") : t("home.noContest")}</p>
        ) : (
          // position: relative keeps the visually hidden header inside the scrolling box at 360 px.
          <div className="table-wrap" style={{ position: "relative" }}>
            <table>
              <thead>
                <tr>
                  <th>{t("round.list.round")}</th>
                  <th>{t("round.list.phase")}</th>
                  <th>{t("round.list.time")}</th>
                  <th>{t("round.list.paper")}</th>
                  <th>{t("round.list.attempts")}</th>
                  <th>
                    <span className="visually-hidden">{t("round.list.edit")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((r) => (
                  <tr key={r.id}>
                    <td style={{ minWidth: 180 }}>
                      <Link to={`/console/rounds/${r.id}`}>
                        <strong>{r.title}</strong>
                      </Link>
                    </td>
                    <td>
                      <div
                        style={{ display: "flex", flexDirection: "column", alignItems: "flex-start", gap: 4 }}
                      >
                        <span className={`badge ${r.phase}`} style={{ whiteSpace: "nowrap" }}>
                          {t(`round.phase.${r.phase}`)}
                        </span>
                        {r.published ? (
                          <span className="badge" style={{ whiteSpace: "nowrap" }}>
                            {t("round.status.published")}
                          </span>
                        ) : r.ranked ? (
                          <span className="badge" style={{ whiteSpace: "nowrap" }}>
                            {t("round.status.ranked")}
                          </span>
                        ) : null}
                        {r.rehearsal ? (
                          <span className="badge" style={{ whiteSpace: "nowrap" }}>
                            {t("organizer.rehearsal.badge")}
                          </span>
                        ) : null}
                      </div>
                    </td>
                    <td style={{ whiteSpace: "nowrap" }}>
                      <div>{t("round.list.from", { time: r.opensAt })}</div>
                      <div>{t("round.list.to", { time: r.closesAt })}</div>
                    </td>
                    <td style={{ whiteSpace: "nowrap" }}>
                      {t("round.list.paperValue", { n: r.questionCount, minutes: r.minutes })}
                    </td>
                    <td style={{ whiteSpace: "nowrap" }}>
                      {t("round.list.attemptsValue", {
                        started: r.started.toLocaleString("vi-VN"),
                        submitted: r.submitted.toLocaleString("vi-VN"),
                      })}
                    </td>
                    <td>
                      <div style={{ display: "flex", flexDirection: "column", gap: 4, whiteSpace: "nowrap" }}>
                        <Link
                          to={`/console/rounds/${r.id}`}
                          aria-label={`${canEdit ? t("round.list.edit") : t("round.list.view")}: ${r.title}`}
                        >
                          {canEdit ? t("round.list.edit") : t("round.list.view")}
                        </Link>
                        <Link to={`/screen/${r.id}`}>{t("round.list.screen")}</Link>
                        <Link to={`/console/rounds/${r.id}/rehearsal`}>{t("organizer.rehearsal.link")}</Link>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {contest ? (
        <section className="card" aria-labelledby="practice-title">
          <h2 id="practice-title">
            {t("round.practice.title")}{" "}
            <span className={`badge ${contest.practiceEnabled ? "open" : "closed"}`}>
              {contest.practiceEnabled ? t("round.practice.on") : t("round.practice.off")}
            </span>
          </h2>
          <p className="muted">{t("round.practice.intro")}</p>
          {canEdit ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="practice" />
              <input type="hidden" name="enabled" value={contest.practiceEnabled ? "0" : "1"} />
              <button type="submit" className="secondary">
                {contest.practiceEnabled ? t("round.practice.disable") : t("round.practice.enable")}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
