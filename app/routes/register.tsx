import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { SiteHeader } from "~/components/site-header";
import { CsrfInput } from "~/components/csrf-input";
import {
  ConsentField,
  IdentityFields,
  PasswordField,
  useRegistrationForm,
  valuesFromForm,
  type FormValues,
} from "~/components/registration-fields";
import { useT } from "~/i18n/use-t";
import {
  REGISTRATION_FIELDS,
  birthDateBounds,
  fieldErrors,
  registrationSchema,
  rulesFromData,
  type FieldError,
  type RegistrationRulesData,
} from "~/rules/registration";
import { getCurrentUser, homeFor, startSession } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { findCurrentContest } from "#db/repos/contests";
import { findTakenIdentity, registerContestant, type TakenField } from "#db/repos/contestants";
import { registrationChoices } from "#db/repos/units";
import type { Db } from "#db/connection";
import type { Contest } from "#db/schema";
import { hashPassword } from "#server/security/password";
import { reserveRegistration } from "#server/security/login";
import { translate } from "~/i18n";

export const meta: MetaFunction = () => [{ title: "Đăng ký dự thi — Hội thi tìm hiểu về Chuyển đổi số" }];

async function formSetup(db: Db, contest: Contest, now: Date) {
  const choices = await registrationChoices(db, contest.id);
  const rules: RegistrationRulesData = {
    now: now.toISOString(),
    minAge: contest.min_age,
    maxAge: contest.max_age,
    cccdPolicy: contest.cccd_policy,
    unitIds: choices.unitIds,
    categoryIds: choices.categoryIds,
  };
  return { choices, rules };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request, context);
  if (user) throw redirect(user.role === "contestant" ? "/me" : homeFor(user.role));
  const { db, clock } = context.services;
  const contest = await findCurrentContest(db);
  if (!contest) return { form: null };
  const now = clock.now();
  const { choices, rules } = await formSetup(db, contest, now);
  return {
    form: {
      title: contest.title,
      rules,
      units: choices.units,
      categories: choices.categories,
      birthDateRange: birthDateBounds(now, contest.min_age, contest.max_age),
    },
  };
}

type ActionResult = {
  errors: Record<string, FieldError>;
  values: FormValues;
  taken?: TakenField;
  /** Too many registrations from this address: the message, and nothing was checked or saved. */
  throttled?: string;
};

const TAKEN_ERROR: Record<TakenField, FieldError> = {
  phone: { key: "registration.error.phoneTaken" },
  cccd: { key: "registration.error.cccdTaken" },
};

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readProtectedForm(request, context);
  const { db, clock, logger, config } = context.services;
  const contest = await findCurrentContest(db);
  if (!contest) throw new Response("No contest", { status: 404 });
  const now = clock.now();
  // Counted before anything is checked, per address: a script cannot fill the contestant list.
  const reserved = await reserveRegistration(db, context.ip, now, config.registrationsPerAddress);
  if (!reserved.ok) {
    const minutes = Math.max(1, Math.ceil((reserved.retryAt.getTime() - now.getTime()) / 60_000));
    return data<ActionResult>(
      {
        errors: {},
        values: { ...valuesFromForm(form, REGISTRATION_FIELDS), password: "" },
        throttled: translate(context.lang, "security.register.throttled", { minutes }),
      },
      { status: 429 },
    );
  }
  const { rules } = await formSetup(db, contest, now);
  const values = valuesFromForm(form, REGISTRATION_FIELDS);
  // The password never travels back to the page.
  const echo = (): FormValues => ({ ...values, password: "" });

  const parsed = registrationSchema(rulesFromData(rules)).safeParse(values);
  if (!parsed.success)
    return data<ActionResult>({ errors: fieldErrors(parsed.error), values: echo() }, { status: 400 });
  const { password, ...rest } = parsed.data;
  const identity = { ...rest, consent: undefined };

  // The early, friendly answer; the unique constraints settle a race (two tabs) below.
  const early = await findTakenIdentity(db, {
    contestId: contest.id,
    phone: identity.phone,
    cccd: identity.cccd,
  });
  if (early)
    return data<ActionResult>(
      { errors: { [early]: TAKEN_ERROR[early] }, values: echo(), taken: early },
      { status: 409 },
    );

  const result = await registerContestant(db, {
    contestId: contest.id,
    identity,
    passwordHash: await hashPassword(password),
    consentAt: now,
    now,
  });
  if (!result.ok) {
    logger.info(
      { requestId: context.requestId, taken: result.taken },
      "registration refused by unique constraint",
    );
    return data<ActionResult>(
      { errors: { [result.taken]: TAKEN_ERROR[result.taken] }, values: echo(), taken: result.taken },
      { status: 409 },
    );
  }
  const cookie = await startSession(request, context, result.userId);
  return redirect("/me?welcome=1", { headers: { "Set-Cookie": cookie } });
}

export default function RegisterPage() {
  const t = useT();
  const { form } = useLoaderData<typeof loader>();
  return (
    <>
      <SiteHeader />
      <main id="main" className="page narrow">
        {form ? <RegistrationForm form={form} /> : <p>{t("registration.noContest")}</p>}
      </main>
    </>
  );
}

type LoadedForm = NonNullable<Awaited<ReturnType<typeof loader>>["form"]>;

function RegistrationForm({ form }: { form: LoadedForm }) {
  const t = useT();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const schema = useMemo(() => registrationSchema(rulesFromData(form.rules)), [form.rules]);
  const state = useRegistrationForm(schema, result?.values ?? {}, result?.errors);
  const serverCount = result ? Object.keys(result.errors).length : 0;
  const count = state.blockedCount || (result && !result.taken ? serverCount : 0);

  return (
    <div className="card">
      <h1>{t("registration.title")}</h1>
      <p className="muted">{t("registration.intro")}</p>
      {result?.throttled ? (
        <p className="form-error" role="alert">
          {result.throttled}
        </p>
      ) : result?.taken ? (
        <div className="form-error" role="alert">
          <p style={{ margin: "0 0 8px" }}>
            {t(TAKEN_ERROR[result.taken].key as "registration.error.phoneTaken")}
          </p>
          <Link className="button secondary" to="/login">
            {t("registration.loginInstead")}
          </Link>
        </div>
      ) : count > 0 ? (
        <p className="form-error" role="alert">
          {t("registration.summary", { n: count })}
        </p>
      ) : null}
      <Form method="post" noValidate onSubmit={state.onSubmit}>
        <CsrfInput />
        <IdentityFields
          state={state}
          units={form.units}
          categories={form.categories}
          cccdPolicy={form.rules.cccdPolicy}
          birthDateRange={form.birthDateRange}
        />
        <PasswordField state={state} />
        <ConsentField state={state}>
          {t("registration.consent.before")}
          <Link to="/data-notice" target="_blank" rel="noopener">
            {t("registration.consent.link")}
          </Link>
          {t("registration.consent.after")}
        </ConsentField>
        <button type="submit" className="primary block" disabled={busy}>
          {t("registration.submit")}
        </button>
      </Form>
      <p>
        {t("registration.haveAccount")} <Link to="/login">{t("nav.login")}</Link>
      </p>
    </div>
  );
}
