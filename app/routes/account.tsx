import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SiteHeader } from "~/components/site-header";
import { CsrfInput } from "~/components/csrf-input";
import { TextField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import { translate } from "~/i18n";
import { requireRole } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { findUserById, setPassword } from "#db/repos/users";
import { revokeSessions } from "#server/security/sessions";
import { recordAudit } from "#db/repos/audit";
import { hashPassword, verifyPassword } from "#server/security/password";

const ANY_ROLE = ["admin", "organizer", "judge", "contestant"] as const;
const MIN_PASSWORD_LENGTH = 8;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, ANY_ROLE);
  return { displayName: user.displayName, role: user.role, mustChange: user.mustChangePassword };
}

type Result = { ok: string } | { error: string; field: "current" | "next" | "confirm" };

export async function action({ request, context }: ActionFunctionArgs): Promise<Result> {
  const user = await requireRole(request, context, ANY_ROLE);
  const form = await readProtectedForm(request, context);
  const { db, clock } = context.services;
  const lang = context.lang;
  const current = String(form.get("current") ?? "");
  const next = String(form.get("next") ?? "");
  const confirm = String(form.get("confirm") ?? "");
  const stored = await findUserById(db, user.id);
  if (!stored || !(await verifyPassword(current, stored.password_hash)))
    return { error: translate(lang, "auth.account.currentWrong"), field: "current" };
  if (next.length < MIN_PASSWORD_LENGTH || next.length > 200)
    return { error: translate(lang, "auth.account.passwordTooShort"), field: "next" };
  if (next !== confirm) return { error: translate(lang, "auth.account.passwordMismatch"), field: "confirm" };
  await db.transaction().execute(async (trx) => {
    await setPassword(trx, user.id, await hashPassword(next), false);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: "account.changePassword",
      entity: "user",
      entityId: user.id,
      now: clock.now(),
    });
  });
  // Every other session of the account ends (a stolen one included), with its sockets.
  await revokeSessions(context.services, { userId: user.id, except: user.sessionId });
  return { ok: translate(lang, "auth.account.passwordChanged") };
}

export default function AccountPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const error = result && "error" in result ? result : null;
  const field = (name: "current" | "next" | "confirm") =>
    // What is wrong is said once above the form (#password-error); the field it concerns points to it.
    ({
      invalid: error?.field === name,
      describedBy: error?.field === name ? "password-error" : undefined,
      messageRoom: false,
    }) as const;
  return (
    <>
      <SiteHeader />
      <main id="main" className="page narrow">
        <h1>{t("auth.account.title")}</h1>
        <p>
          <strong>{data.displayName}</strong> — {t(`auth.role.${data.role}`)}
        </p>
        {data.mustChange || params.get("must-change") ? (
          <p className="form-error" role="alert">
            {t("auth.account.mustChange")}
          </p>
        ) : null}
        <section className="card">
          <h2>{t("auth.account.changePassword")}</h2>
          {result && "ok" in result ? (
            <p className="form-success" role="status">
              {result.ok}
            </p>
          ) : null}
          {error ? (
            <p className="form-error" role="alert" id="password-error">
              {error.error}
            </p>
          ) : null}
          <Form method="post" noValidate>
            <CsrfInput />
            <TextField
              name="current"
              label={t("auth.account.currentPassword")}
              type="password"
              autoComplete="current-password"
              {...field("current")}
            />
            <TextField
              name="next"
              label={t("auth.account.newPassword")}
              hint={t("auth.account.newPasswordHint")}
              type="password"
              autoComplete="new-password"
              {...field("next")}
            />
            <TextField
              name="confirm"
              label={t("auth.account.confirmPassword")}
              type="password"
              autoComplete="new-password"
              {...field("confirm")}
            />
            <button type="submit" className="primary">
              {t("auth.account.changePassword")}
            </button>
          </Form>
        </section>
        <section className="card">
          <h2>{t("auth.account.sessions")}</h2>
          <p className="muted">{t("auth.account.logoutEverywhereHint")}</p>
          <Form method="post" action="/logout">
            <CsrfInput />
            <input type="hidden" name="everywhere" value="1" />
            <button type="submit" className="secondary">
              {t("auth.account.logoutEverywhere")}
            </button>
          </Form>
        </section>
      </main>
    </>
  );
}
