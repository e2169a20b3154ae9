import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { DateField, SelectField, TextField, TextareaField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import { translate, translateDynamic } from "~/i18n";
import { CCCD_POLICIES, contestSettingsSchema } from "~/rules/contest-settings";
import { EDITOR_ROLES, requireEditor, requireStaff } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { findCurrentContest, updateContestSettings } from "#db/repos/contests";
import { recordAudit } from "#db/repos/audit";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const contest = await findCurrentContest(context.services.db);
  if (!contest) throw new Response("Not found", { status: 404 });
  return {
    canEdit: EDITOR_ROLES.includes(user.role),
    values: {
      title: contest.title,
      organizerName: contest.organizer_name,
      description: contest.description,
      dataNotice: contest.data_notice,
      cccdPolicy: contest.cccd_policy,
      referenceDate: contest.reference_date ?? "",
      minAge: String(contest.min_age),
      maxAge: String(contest.max_age),
    },
  };
}

type Result = { ok: string } | { errors: Record<string, string> };

export async function action({ request, context }: ActionFunctionArgs): Promise<Result> {
  const user = await requireEditor(request, context);
  const form = await readProtectedForm(request, context);
  const { db, clock } = context.services;
  const contest = await findCurrentContest(db);
  if (!contest) throw new Response("Not found", { status: 404 });
  const parsed = contestSettingsSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0])] ??= translateDynamic(context.lang, issue.message);
    return { errors };
  }
  const changed = await db.transaction().execute(async (trx) => {
    const fields = await updateContestSettings(trx, contest.id, parsed.data);
    if (fields.length > 0)
      await recordAudit(trx, {
        actorUserId: user.id,
        action: "contest.update",
        entity: "contest",
        entityId: contest.id,
        details: { fields },
        now: clock.now(),
      });
    return fields;
  });
  return {
    ok: translate(context.lang, changed.length > 0 ? "console.contest.saved" : "console.contest.unchanged"),
  };
}

const FIELDS = [
  ["title", "console.contest.field.title"],
  ["organizerName", "console.contest.field.organizer"],
] as const;

export default function ContestPage() {
  const t = useT();
  const { values, canEdit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : {};
  const field = (name: keyof typeof values) => ({
    name,
    error: errors[name],
    defaultValue: values[name],
  });
  return (
    <>
      <h1>{t("console.contest.title")}</h1>
      <p className="muted">{t("console.contest.intro")}</p>
      {result && "ok" in result ? (
        <p className="form-success" role="status">
          {result.ok}
        </p>
      ) : null}
      <Form method="post" className="card" noValidate>
        <CsrfInput />
        <fieldset disabled={!canEdit} style={{ border: 0, padding: 0, margin: 0 }}>
          {FIELDS.map(([name, label]) => (
            <TextField key={name} label={t(label)} {...field(name)} />
          ))}
          <TextareaField label={t("console.contest.field.description")} {...field("description")} />
          <TextareaField label={t("console.contest.field.dataNotice")} rows={8} {...field("dataNotice")} />
          <DateField
            label={t("organizer.field.referenceDate")}
            hint={t("organizer.field.referenceDateHint")}
            {...field("referenceDate")}
          />
          <div className="grid three">
            <SelectField label={t("console.contest.field.cccdPolicy")} {...field("cccdPolicy")}>
              {CCCD_POLICIES.map((p) => (
                <option key={p} value={p}>
                  {t(`console.contest.cccd.${p}`)}
                </option>
              ))}
            </SelectField>
            <TextField label={t("console.contest.field.minAge")} inputMode="numeric" {...field("minAge")} />
            <TextField label={t("console.contest.field.maxAge")} inputMode="numeric" {...field("maxAge")} />
          </div>
          {canEdit ? (
            <button type="submit" className="primary">
              {t("form.save")}
            </button>
          ) : null}
        </fieldset>
      </Form>
    </>
  );
}
