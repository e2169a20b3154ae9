import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { CheckboxField, TextField } from "~/components/forms/fields";
import {
  FACTS,
  IdentityFields,
  identityValues,
  useRegistrationForm,
  valuesFromForm,
  type FormValues,
} from "~/components/registration-fields";
import { useT } from "~/i18n/use-t";
import { translate, translateDynamic, type Lang, type MessageKey } from "~/i18n";
import {
  IDENTITY_FIELDS,
  birthDateBounds,
  fieldErrors,
  identitySchema,
  rulesFromData,
  statusChangeSchema,
  type FieldError,
  type RegistrationRulesData,
} from "~/rules/registration";
import { formatDateTimeIn } from "~/i18n/dates";
import { EDITOR_ROLES, requireEditor, requireStaff } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { findContest } from "#db/repos/contests";
import {
  findContestant,
  findTakenIdentity,
  hasRankedAttempt,
  listContestantAudit,
  setContestantStatus,
  updateContestant,
} from "#db/repos/contestants";
import { registrationChoices } from "#db/repos/units";
import { setPassword } from "#db/repos/users";
import { deleteUserSessions } from "#db/repos/sessions";
import { revokeSessions } from "#server/security/sessions";
import { recordAudit } from "#db/repos/audit";
import type { Db } from "#db/connection";
import { generatePassword, hashPassword } from "#server/security/password";

export const meta: MetaFunction = () => [{ title: "Hồ sơ thí sinh — Bảng điều khiển" }];

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

async function load(db: Db, idParam: string | undefined, now: Date) {
  const id = idSchema.safeParse(idParam);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const contestant = await findContestant(db, id.data);
  if (!contestant) throw new Response("Not found", { status: 404 });
  const contest = await findContest(db, contestant.contest_id);
  if (!contest) throw new Response("Not found", { status: 404 });
  const choices = await registrationChoices(db, contest.id);
  const rules: RegistrationRulesData = {
    now: now.toISOString(),
    minAge: contest.min_age,
    maxAge: contest.max_age,
    cccdPolicy: contest.cccd_policy,
    unitIds: [...new Set([...choices.unitIds, contestant.unit_id])],
    categoryIds: choices.categoryIds,
  };
  return { contestant, contest, choices, rules };
}

const FIELD_LABELS: Record<string, MessageKey> = {
  fullName: "registration.field.fullName",
  birthDate: "registration.field.birthDate",
  gender: "registration.field.gender",
  phone: "registration.field.phone",
  cccd: "registration.field.cccd",
  unitId: "registration.field.unit",
  categoryId: "registration.field.category",
  isStaffMember: "registration.detail.staffMember",
};

/** One line of history in words: what changed from what to what, or the reason given. */
function describeAudit(lang: Lang, action: string, detailsJson: string): string {
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(detailsJson) as Record<string, unknown>;
  } catch {
    // Unreadable details are shown as nothing rather than breaking the page.
  }
  const changes = details.changes as Record<string, [unknown, unknown]> | undefined;
  if (changes) {
    return Object.entries(changes)
      .map(([field, [from, to]]) => {
        const label = FIELD_LABELS[field] ? translate(lang, FIELD_LABELS[field]) : field;
        return `${label}: ${String(from ?? "—")} → ${String(to ?? "—")}`;
      })
      .join("; ");
  }
  if (typeof details.reason === "string") return details.reason;
  return "";
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { db, clock } = context.services;
  const now = clock.now();
  const { contestant: c, contest, choices, rules } = await load(db, params.id, now);
  const history = await listContestantAudit(db, c.id);
  return {
    canEdit: EDITOR_ROLES.includes(user.role),
    contestant: {
      id: c.id,
      fullName: c.full_name,
      values: identityValues(c),
      unitName: c.parent_unit_name ? `${c.unit_name} (${c.parent_unit_name})` : c.unit_name,
      categoryName: c.category_name,
      status: c.status,
      statusReason: c.status_reason,
      staffMember: c.is_staff_member === 1,
      consentAt: formatDateTimeIn(context.lang, new Date(c.consent_at)),
      createdAt: formatDateTimeIn(context.lang, new Date(c.created_at)),
      rankedAttempt: await hasRankedAttempt(db, c.id),
    },
    rules,
    units: choices.units,
    categories: choices.categories,
    birthDateRange: birthDateBounds(now, contest.min_age, contest.max_age),
    history: history.map((h) => ({
      id: h.id,
      at: formatDateTimeIn(context.lang, new Date(h.at)),
      who: h.actor_name ?? "—",
      action: translateDynamic(context.lang, `registration.audit.${h.action}`),
      what: describeAudit(context.lang, h.action, h.details),
    })),
  };
}

type ActionResult =
  | { ok: string; intent: string }
  | { errors: Record<string, FieldError>; values?: FormValues; intent: string };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const organizer = await requireEditor(request, context);
  const form = await readProtectedForm(request, context);
  const { db, clock } = context.services;
  const lang = context.lang;
  const now = clock.now();
  const { contestant, contest, rules } = await load(db, params.id, now);
  const intent = String(form.get("intent") ?? "");

  if (intent === "edit") {
    const values = valuesFromForm(form, IDENTITY_FIELDS);
    const parsed = identitySchema(rulesFromData(rules)).safeParse(values);
    if (!parsed.success)
      return data<ActionResult>({ errors: fieldErrors(parsed.error), values, intent }, { status: 400 });
    const taken = await findTakenIdentity(db, {
      contestId: contest.id,
      phone: parsed.data.phone,
      cccd: parsed.data.cccd,
      exceptId: contestant.id,
    });
    const takenError = (field: "phone" | "cccd") =>
      data<ActionResult>(
        { errors: { [field]: { key: `registration.error.${field}Taken` } }, values, intent },
        { status: 409 },
      );
    if (taken) return takenError(taken);
    const result = await updateContestant(db, contestant.id, {
      identity: parsed.data,
      isStaffMember: form.get("isStaffMember") === "on",
      actorUserId: organizer.id,
      action: "contestant.edit",
      now,
    });
    if (!result.ok) {
      if ("taken" in result) return takenError(result.taken);
      throw new Response("Not found", { status: 404 });
    }
    const fields = result.changed.map((f) => translate(lang, FIELD_LABELS[f] ?? "form.saved")).join(", ");
    return data<ActionResult>({
      ok: result.changed.length
        ? translate(lang, "registration.detail.saved", { fields })
        : translate(lang, "registration.me.unchanged"),
      intent,
    });
  }

  if (intent === "disqualify" || intent === "reinstate") {
    const parsed = statusChangeSchema.safeParse({ reason: form.get("reason") ?? undefined });
    if (!parsed.success)
      return data<ActionResult>({ errors: fieldErrors(parsed.error), intent }, { status: 400 });
    await setContestantStatus(db, contestant.id, {
      status: intent === "disqualify" ? "disqualified" : "active",
      reason: parsed.data.reason,
      actorUserId: organizer.id,
      now,
    });
    return data<ActionResult>({
      ok: translate(
        lang,
        intent === "disqualify" ? "registration.detail.disqualified" : "registration.detail.reinstated",
      ),
      intent,
    });
  }

  if (intent === "reset") {
    const password = generatePassword();
    const hash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      await setPassword(trx, contestant.user_id, hash, true);
      await deleteUserSessions(trx, contestant.user_id);
      await recordAudit(trx, {
        actorUserId: organizer.id,
        action: "contestant.resetPassword",
        entity: "contestant",
        entityId: contestant.id,
        now,
      });
    });
    await revokeSessions(context.services, { userId: contestant.user_id });
    return data<ActionResult>({
      ok: translate(lang, "registration.detail.passwordReset", { name: contestant.full_name, password }),
      intent,
    });
  }
  throw new Response("Bad request", { status: 400 });
}

export default function ContestantPage() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const c = d.contestant;
  const schema = useMemo(() => identitySchema(rulesFromData(d.rules)), [d.rules]);
  const editFailed = result && "errors" in result && result.intent === "edit" ? result : undefined;
  const state = useRegistrationForm(schema, editFailed?.values ?? c.values, editFailed?.errors);
  const reasonError =
    result && "errors" in result && result.intent !== "edit" ? result.errors.reason : undefined;
  const v = c.values;

  return (
    <>
      <p>
        <Link to="/console/contestants">{t("registration.detail.back")}</Link>
      </p>
      <h1>{c.fullName}</h1>
      {result && "ok" in result ? (
        <p className="form-success" role="status">
          {result.ok}
        </p>
      ) : null}
      <section className="card">
        <dl style={FACTS}>
          <dt style={{ fontWeight: 600 }}>{t("registration.field.birthDate")}</dt>
          <dd style={{ margin: 0 }}>{v.birthDate.split("-").reverse().join("/")}</dd>
          <dt style={{ fontWeight: 600 }}>{t("registration.field.gender")}</dt>
          <dd style={{ margin: 0 }}>{t.dynamic(`registration.gender.${v.gender}`)}</dd>
          <dt style={{ fontWeight: 600 }}>{t("registration.field.phone")}</dt>
          <dd style={{ margin: 0 }}>{v.phone}</dd>
          <dt style={{ fontWeight: 600 }}>CCCD</dt>
          <dd style={{ margin: 0 }}>{v.cccd || "—"}</dd>
          <dt style={{ fontWeight: 600 }}>{t("registration.field.unit")}</dt>
          <dd style={{ margin: 0 }}>{c.unitName}</dd>
          <dt style={{ fontWeight: 600 }}>{t("registration.field.category")}</dt>
          <dd style={{ margin: 0 }}>{c.categoryName}</dd>
          <dt style={{ fontWeight: 600 }}>{t("registration.console.status")}</dt>
          <dd style={{ margin: 0 }}>
            {c.status === "disqualified"
              ? t("registration.console.status.disqualified")
              : t("registration.console.status.active")}
            {c.staffMember ? ` · ${t("registration.console.status.staff")}` : ""}
            {c.statusReason ? ` — ${t("registration.detail.currentReason", { reason: c.statusReason })}` : ""}
          </dd>
          <dt style={{ fontWeight: 600 }}>{t("registration.console.registeredAt")}</dt>
          <dd style={{ margin: 0 }}>{c.createdAt}</dd>
          <dt style={{ fontWeight: 600 }}>{t("registration.detail.consentAt")}</dt>
          <dd style={{ margin: 0 }}>{c.consentAt}</dd>
          <dt style={{ fontWeight: 600 }}>{t("registration.detail.attempts")}</dt>
          <dd style={{ margin: 0 }}>
            {c.rankedAttempt
              ? t("registration.detail.rankedAttempt")
              : t("registration.detail.noRankedAttempt")}
          </dd>
        </dl>
      </section>

      {d.canEdit ? (
        <>
          <section className="card">
            <h2>{t("registration.detail.statusTitle")}</h2>
            {/* Keyed by status, so the reason typed for one change is not left in the field for the next. */}
            <Form method="post" noValidate key={c.status}>
              <CsrfInput />
              <TextField
                name="reason"
                label={t("registration.detail.reason")}
                hint={t("registration.detail.reasonHint")}
                error={reasonError ? t.dynamic(reasonError.key) : undefined}
                maxLength={500}
              />
              {c.status === "disqualified" ? (
                <button type="submit" name="intent" value="reinstate" className="secondary" disabled={busy}>
                  {t("registration.detail.reinstate")}
                </button>
              ) : (
                <button type="submit" name="intent" value="disqualify" className="danger" disabled={busy}>
                  {t("registration.detail.disqualify")}
                </button>
              )}
            </Form>
          </section>

          <section className="card">
            <h2>{t("registration.detail.edit")}</h2>
            <Form method="post" noValidate onSubmit={state.onSubmit}>
              <CsrfInput />
              <input type="hidden" name="intent" value="edit" />
              <div className="grid two">
                <IdentityFields
                  state={state}
                  units={d.units}
                  categories={d.categories}
                  cccdPolicy={d.rules.cccdPolicy === "hidden" ? "optional" : d.rules.cccdPolicy}
                  birthDateRange={d.birthDateRange}
                />
              </div>
              <CheckboxField
                name="isStaffMember"
                label={t("registration.detail.staffMember")}
                defaultChecked={c.staffMember}
              />
              <button type="submit" className="primary" disabled={busy}>
                {t("form.save")}
              </button>
            </Form>
          </section>

          <section className="card">
            <h2>{t("registration.detail.resetTitle")}</h2>
            <p className="muted">{t("registration.detail.resetHint")}</p>
            <Form method="post">
              <CsrfInput />
              <button type="submit" name="intent" value="reset" className="secondary" disabled={busy}>
                {t("registration.detail.resetPassword")}
              </button>
            </Form>
          </section>
        </>
      ) : null}

      <section className="card">
        <h2>{t("registration.detail.history")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("registration.detail.when")}</th>
                <th>{t("registration.detail.who")}</th>
                <th>{t("registration.detail.what")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {d.history.map((h) => (
                <tr key={h.id}>
                  <td>{h.at}</td>
                  <td>{h.who}</td>
                  <td>{h.action}</td>
                  <td>{h.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
