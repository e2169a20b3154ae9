/**
 * `/console/contests`: the contests of this installation (issue 11). The newest is the current one (the
 * home page, registration and the console work on it); the older ones are closed and stay readable: their
 * results, workbooks and winners pages. "Next year's contest" starts a new one without carrying anyone over.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { CheckboxField } from "~/components/forms/fields";
import {
  ContestFields,
  type ContestFieldErrors,
  type ContestFieldValues,
} from "~/components/organizer/contest-fields";
import { translate, translateDynamic } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { EDITOR_ROLES, requireEditor, requireStaff } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { defaultDataNotice } from "~/rules/data-notice";
import { newContestSchema } from "~/rules/first-run";
import { formatDateTimeIn } from "~/i18n/dates";
import { recordAudit } from "#db/repos/audit";
import { closeOtherContests, createContest } from "#db/repos/contest-life";
import { findCurrentContest, listContests } from "#db/repos/contests";
import { listRounds } from "#db/repos/rounds";

export const meta: MetaFunction = () => [{ title: "Các hội thi — Bảng điều khiển" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { db } = context.services;
  const contests = await listContests(db);
  const current = contests[0];
  const list = [];
  for (const c of contests) {
    const rounds = await listRounds(db, c.id);
    list.push({
      id: c.id,
      title: c.title,
      current: c.id === current?.id,
      demo: c.is_demo === 1,
      closedAt: c.closed_at ? formatDateTimeIn(context.lang, new Date(c.closed_at)) : null,
      dates: [c.starts_on, c.ends_on].filter(Boolean).join(" – "),
      rounds: rounds
        .filter((r) => r.is_rehearsal === 0)
        .map((r) => ({ id: r.id, title: r.title, published: r.published_at !== null })),
    });
  }
  const next = current
    ? {
        title: current.title.replace(/\d{4}/, (y) => String(Number(y) + 1)),
        organizerName: current.organizer_name,
        startsOn: "",
        endsOn: "",
        referenceDate: "",
        cccdPolicy: current.cccd_policy,
        minAge: String(current.min_age),
        maxAge: String(current.max_age),
      }
    : null;
  return { canEdit: EDITOR_ROLES.includes(user.role), contests: list, next };
}

type Result = { errors: ContestFieldErrors; values: ContestFieldValues };

export async function action({ request, context }: ActionFunctionArgs): Promise<Result | Response> {
  const user = await requireEditor(request, context);
  const form = await readProtectedForm(request, context);
  const { db, clock } = context.services;
  const field = (name: string) => String(form.get(name) ?? "");
  const values: ContestFieldValues = {
    title: field("title"),
    organizerName: field("organizerName"),
    startsOn: field("startsOn"),
    endsOn: field("endsOn"),
    referenceDate: field("referenceDate"),
    cccdPolicy: field("cccdPolicy"),
    minAge: field("minAge"),
    maxAge: field("maxAge"),
  };
  const errors: ContestFieldErrors = {};
  const parsed = newContestSchema.safeParse(values);
  if (!parsed.success)
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0])] ??= translateDynamic(context.lang, issue.message);
  if (form.get("confirm") !== "yes")
    errors.confirm = translate(context.lang, "organizer.contests.confirmRequired");
  if (!parsed.success || errors.confirm) return { errors, values };
  const now = clock.now();
  const previous = await findCurrentContest(db);
  const copyUnits = form.get("copyUnits") === "1";
  await db.transaction().execute(async (trx) => {
    const contestId = await createContest(
      trx,
      {
        ...parsed.data,
        description: previous?.description ?? "",
        dataNotice: defaultDataNotice(
          parsed.data.organizerName,
          parsed.data.startsOn,
          now.toISOString().slice(0, 10),
        ),
        now,
      },
      previous ? { categoriesFrom: previous.id, unitsFrom: copyUnits ? previous.id : undefined } : {},
    );
    const closed = await closeOtherContests(trx, contestId, now);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: "contest.create",
      entity: "contest",
      entityId: contestId,
      details: { title: parsed.data.title, closed, copiedUnits: copyUnits },
      now,
    });
  });
  return redirect("/console/contest");
}

export default function Contests() {
  const t = useT();
  const { contests, next, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <>
      <h1>{t("organizer.contests.title")}</h1>
      <p className="muted">{t("organizer.contests.intro")}</p>
      {contests.map((c) => (
        <section key={c.id} className="card" data-contest={c.id}>
          <h2>{c.title}</h2>
          <p>
            {c.current ? <span className="badge open">{t("organizer.contests.current")}</span> : null}{" "}
            {c.closedAt ? (
              <span className="badge">{t("organizer.contests.closedAt", { time: c.closedAt })}</span>
            ) : null}{" "}
            {c.demo ? <span className="badge warn">{t("organizer.contests.demo")}</span> : null}{" "}
            {c.dates ? <span className="muted">{c.dates}</span> : null}
          </p>
          <p>
            <a href={`/console/results/export?contest=${c.id}&format=xlsx`}>
              {t("organizer.contests.workbook")}
            </a>
          </p>
          {c.rounds.length > 0 ? (
            <ul>
              {c.rounds.map((r) => (
                <li key={r.id}>
                  {r.title} — <Link to={`/console/results/${r.id}`}>{t("organizer.contests.results")}</Link>
                  {r.published ? (
                    <>
                      {" · "}
                      <Link to={`/winners/${r.id}`}>{t("organizer.contests.winners")}</Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      {canEdit && next ? (
        <Form method="post" className="card" noValidate>
          <CsrfInput />
          <h2>{t("organizer.contests.new")}</h2>
          <p className="muted">{t("organizer.contests.newIntro")}</p>
          <ContestFields values={result?.values ?? next} errors={errors} />
          <CheckboxField
            name="copyUnits"
            value="1"
            defaultChecked
            label={t("organizer.contests.copyUnits")}
            messageRoom={false}
          />
          <CheckboxField
            name="confirm"
            value="yes"
            label={t("organizer.contests.confirm")}
            error={errors.confirm}
          />
          <button type="submit" className="primary">
            {t("organizer.contests.create")}
          </button>
        </Form>
      ) : null}
    </>
  );
}
