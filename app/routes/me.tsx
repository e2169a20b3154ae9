import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { SiteHeader } from "~/components/site-header";
import { CsrfInput } from "~/components/csrf-input";
import {
  FACTS,
  IdentityFields,
  identityValues,
  useRegistrationForm,
  valuesFromForm,
  type FormValues,
} from "~/components/registration-fields";
import { useT } from "~/i18n/use-t";
import { translate } from "~/i18n";
import {
  IDENTITY_FIELDS,
  birthDateBounds,
  fieldErrors,
  identitySchema,
  rulesFromData,
  type FieldError,
  type RegistrationRulesData,
} from "~/rules/registration";
import { formatDateTimeIn } from "~/i18n/dates";
import { requireRole } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { findContest } from "#db/repos/contests";
import {
  findContestantByUserId,
  findTakenIdentity,
  hasRankedAttempt,
  updateContestant,
} from "#db/repos/contestants";
import { registrationChoices } from "#db/repos/units";
import type { Db } from "#db/connection";

export const meta: MetaFunction = () => [{ title: "Thông tin dự thi — Hội thi tìm hiểu về Chuyển đổi số" }];

async function load(db: Db, userId: number, now: Date) {
  const contestant = await findContestantByUserId(db, userId);
  if (!contestant) return null;
  const contest = await findContest(db, contestant.contest_id);
  if (!contest) return null;
  const choices = await registrationChoices(db, contest.id);
  const rules: RegistrationRulesData = {
    now: now.toISOString(),
    minAge: contest.min_age,
    maxAge: contest.max_age,
    cccdPolicy: contest.cccd_policy,
    // The unit or category chosen at registration stays valid even if it was since made a parent.
    unitIds: [...new Set([...choices.unitIds, contestant.unit_id])],
    categoryIds: choices.categoryIds,
  };
  const locked = await hasRankedAttempt(db, contestant.id);
  return { contestant, contest, choices, rules, locked };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, ["contestant"]);
  const { db, clock } = context.services;
  const now = clock.now();
  const found = await load(db, user.id, now);
  if (!found) return { profile: null };
  const { contestant: c, contest, choices, rules, locked } = found;
  return {
    profile: {
      values: identityValues(c),
      unitName: c.parent_unit_name ? `${c.unit_name} (${c.parent_unit_name})` : c.unit_name,
      categoryName: c.category_name,
      status: c.status,
      statusReason: c.status_reason,
      staffMember: c.is_staff_member === 1,
      consentAt: formatDateTimeIn(context.lang, new Date(c.consent_at)),
      locked,
      rules,
      units: choices.units,
      categories: choices.categories,
      birthDateRange: birthDateBounds(now, contest.min_age, contest.max_age),
    },
  };
}

type ActionResult = { ok: string } | { errors: Record<string, FieldError>; values: FormValues };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ["contestant"]);
  const form = await readProtectedForm(request, context);
  const { db, clock } = context.services;
  const now = clock.now();
  const found = await load(db, user.id, now);
  if (!found) throw new Response("Not found", { status: 404 });
  // After the first ranked attempt the record is what the result stands on: organizers only.
  if (found.locked) throw new Response("Locked", { status: 403 });
  const values = valuesFromForm(form, IDENTITY_FIELDS);
  const parsed = identitySchema(rulesFromData(found.rules)).safeParse(values);
  if (!parsed.success)
    return data<ActionResult>({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  const identity = parsed.data;
  const taken = await findTakenIdentity(db, {
    contestId: found.contest.id,
    phone: identity.phone,
    cccd: identity.cccd,
    exceptId: found.contestant.id,
  });
  const takenError = (field: "phone" | "cccd") =>
    data<ActionResult>(
      { errors: { [field]: { key: `registration.error.${field}Taken` } }, values },
      { status: 409 },
    );
  if (taken) return takenError(taken);
  const result = await updateContestant(db, found.contestant.id, {
    identity,
    actorUserId: user.id,
    action: "contestant.selfEdit",
    now,
  });
  if (!result.ok) {
    if ("taken" in result) return takenError(result.taken);
    throw new Response("Not found", { status: 404 });
  }
  return data<ActionResult>({
    ok: translate(
      context.lang,
      result.changed.length ? "registration.me.saved" : "registration.me.unchanged",
    ),
  });
}

export default function MePage() {
  const t = useT();
  const { profile } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <SiteHeader />
      <main id="main" className="page narrow">
        <h1>{t("registration.me.title")}</h1>
        {params.get("welcome") ? (
          <p className="form-success" role="status">
            {t("registration.me.welcome")}
          </p>
        ) : null}
        {profile ? <Profile profile={profile} /> : <p>{t("registration.me.noProfile")}</p>}
        <p>
          <Link to="/account">{t("registration.me.account")}</Link>
        </p>
      </main>
    </>
  );
}

type LoadedProfile = NonNullable<Awaited<ReturnType<typeof loader>>["profile"]>;

function Profile({ profile }: { profile: LoadedProfile }) {
  const t = useT();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const schema = useMemo(() => identitySchema(rulesFromData(profile.rules)), [profile.rules]);
  const failed = result && "errors" in result ? result : undefined;
  const state = useRegistrationForm(schema, failed?.values ?? profile.values, failed?.errors);
  const v = profile.values;
  return (
    <>
      {profile.status === "disqualified" ? (
        <p className="form-error" role="alert">
          {t("registration.me.disqualified", { reason: profile.statusReason ?? "" })}
        </p>
      ) : null}
      {profile.staffMember ? (
        <p className="badge warn" role="note">
          {t("registration.me.staffMember")}
        </p>
      ) : null}
      {result && "ok" in result ? (
        <p className="form-success" role="status">
          {result.ok}
        </p>
      ) : null}
      {profile.locked ? (
        <section className="card">
          <p className="muted">{t("registration.me.locked")}</p>
          <dl style={FACTS}>
            <dt style={{ fontWeight: 600 }}>{t("registration.field.fullName")}</dt>
            <dd style={{ margin: 0 }}>{v.fullName}</dd>
            <dt style={{ fontWeight: 600 }}>{t("registration.field.birthDate")}</dt>
            <dd style={{ margin: 0 }}>{v.birthDate.split("-").reverse().join("/")}</dd>
            <dt style={{ fontWeight: 600 }}>{t("registration.field.gender")}</dt>
            <dd style={{ margin: 0 }}>{t.dynamic(`registration.gender.${v.gender}`)}</dd>
            <dt style={{ fontWeight: 600 }}>{t("registration.field.phone")}</dt>
            <dd style={{ margin: 0 }}>{v.phone}</dd>
            {v.cccd ? (
              <>
                <dt style={{ fontWeight: 600 }}>{t("registration.field.cccd")}</dt>
                <dd style={{ margin: 0 }}>{v.cccd}</dd>
              </>
            ) : null}
            <dt style={{ fontWeight: 600 }}>{t("registration.field.unit")}</dt>
            <dd style={{ margin: 0 }}>{profile.unitName}</dd>
            <dt style={{ fontWeight: 600 }}>{t("registration.field.category")}</dt>
            <dd style={{ margin: 0 }}>{profile.categoryName}</dd>
          </dl>
        </section>
      ) : (
        <section className="card">
          <p className="muted">{t("registration.me.editHint")}</p>
          <Form method="post" noValidate onSubmit={state.onSubmit}>
            <CsrfInput />
            <IdentityFields
              state={state}
              units={profile.units}
              categories={profile.categories}
              cccdPolicy={profile.rules.cccdPolicy}
              birthDateRange={profile.birthDateRange}
            />
            <button type="submit" className="primary block" disabled={busy}>
              {t("registration.me.save")}
            </button>
          </Form>
        </section>
      )}
      <p className="muted small">
        {t("registration.me.consentAt", { time: profile.consentAt })}{" "}
        <Link to="/data-notice">{t("registration.notice.title")}</Link>
      </p>
    </>
  );
}
