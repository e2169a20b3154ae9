import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { SiteHeader } from "~/components/site-header";
import { CsrfInput } from "~/components/csrf-input";
import { TextField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import { translate } from "~/i18n";
import { formatVnTime } from "~/rules/vn-time";
import { getCurrentUser, homeFor, safeNext, startSession } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { attemptLogin } from "#server/security/login";
import { findUserById } from "#db/repos/users";

export const meta: MetaFunction = () => [{ title: "Đăng nhập — Hội thi tìm hiểu về Chuyển đổi số" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request, context);
  if (user) throw redirect(homeFor(user.role));
  // A refusal before any password was checked comes back here as a redirect (see the action).
  const url = new URL(request.url);
  const refused = url.searchParams.get("refused");
  const lang = context.lang;
  if (refused === "busy") return { refused: translate(lang, "security.login.busy") };
  const until = new Date(url.searchParams.get("until") ?? "");
  if (refused === "throttled" && Number.isFinite(until.getTime())) {
    const minutes = Math.max(
      1,
      Math.ceil((until.getTime() - context.services.clock.now().getTime()) / 60_000),
    );
    return { refused: translate(lang, "auth.login.throttled", { time: formatVnTime(until), minutes }) };
  }
  return { refused: null };
}

/**
 * A login refused before its password was checked (throttled, or the check queue full) is answered
 * with a redirect, which costs no page render: a storm of them must not slow the pages and sockets
 * of a running round. The page it leads to says why.
 */
function refusedRedirect(form: FormData, params: Record<string, string>): Response {
  const search = new URLSearchParams(params);
  const next = form.get("next");
  if (typeof next === "string" && next !== "") search.set("next", safeNext(next, "/"));
  return redirect(`/login?${search.toString()}`);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readProtectedForm(request, context);
  const login = String(form.get("login") ?? "").slice(0, 200);
  const password = String(form.get("password") ?? "").slice(0, 200);
  const lang = context.lang;
  if (!login.trim() || !password) return { error: translate(lang, "auth.login.missing"), login };

  const { db, clock, logger } = context.services;
  const now = clock.now();
  const result = await attemptLogin(db, { login, password, ip: context.ip, now });
  if (!result.ok) {
    logger.info({ reason: result.reason, requestId: context.requestId }, "login refused");
    if (result.reason === "throttled")
      throw refusedRedirect(form, { refused: "throttled", until: result.retryAt.toISOString() });
    if (result.reason === "busy") throw refusedRedirect(form, { refused: "busy" });
    return {
      error: translate(lang, result.reason === "disabled" ? "auth.login.disabled" : "auth.login.wrong"),
      login,
    };
  }
  const user = await findUserById(db, result.userId);
  const cookie = await startSession(request, context, result.userId);
  const next = result.mustChangePassword
    ? "/account?must-change=1"
    : safeNext(form.get("next"), homeFor(user?.role ?? "contestant"));
  return redirect(next, { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const t = useT();
  const data = useActionData<typeof action>();
  const { refused } = useLoaderData<typeof loader>();
  const error = data?.error ?? refused;
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <SiteHeader />
      <main id="main" className="page narrow">
        <div className="card">
          <h1>{t("auth.login.title")}</h1>
          <p className="muted">{t("auth.login.intro")}</p>
          {error ? (
            <p className="form-error" role="alert" id="login-error">
              {error}
            </p>
          ) : null}
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="next" value={params.get("next") ?? ""} />
            <TextField
              name="login"
              label={t("auth.login.login")}
              autoComplete="username"
              required
              defaultValue={data?.login ?? ""}
              invalid={Boolean(error)}
              describedBy={error ? "login-error" : undefined}
              messageRoom={false}
            />
            <TextField
              name="password"
              label={t("auth.login.password")}
              type="password"
              autoComplete="current-password"
              required
              messageRoom={false}
            />
            <button type="submit" className="primary block" disabled={busy}>
              {t("auth.login.submit")}
            </button>
          </Form>
          <p>
            {t("auth.login.noAccount")} <Link to="/register">{t("nav.register")}</Link>
          </p>
        </div>
      </main>
    </>
  );
}
