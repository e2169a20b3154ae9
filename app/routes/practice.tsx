import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { SiteHeader } from "~/components/site-header";
import { CsrfInput } from "~/components/csrf-input";
import { useT } from "~/i18n/use-t";
import { translate } from "~/i18n";
import { requireRole } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { startPracticeAttempt } from "#server/contest/attempts";
import { PRACTICE, PRACTICE_QUESTION_COUNT } from "~/rules/practice";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["contestant"]);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ["contestant"]);
  await readProtectedForm(request, context);
  const result = await startPracticeAttempt(context.services, { userId: user.id });
  if (result.ok) return redirect(`/attempts/${result.attemptId}`);
  return { error: translate(context.lang, `attempt.problem.${result.code}`, { time: "" }) };
}

export default function PracticePage() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <>
      <SiteHeader />
      <main id="main" className="page narrow">
        <div className="card">
          <h1>{t("attempt.practice.title")}</h1>
          <p>
            {t("attempt.practice.intro", {
              count: PRACTICE_QUESTION_COUNT,
              minutes: PRACTICE.durationSeconds / 60,
            })}
          </p>
          {result?.error ? (
            <p className="form-error" role="alert">
              {result.error}
            </p>
          ) : null}
          <Form method="post">
            <CsrfInput />
            <button type="submit" className="primary block">
              {t("attempt.practice.start")}
            </button>
          </Form>
        </div>
      </main>
    </>
  );
}
