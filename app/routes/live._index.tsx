/** Joining a live final with the code shown in the hall (issue 14). */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { useT } from "~/i18n/use-t";
import { requireRole } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { findLiveFinalIdByCode } from "#db/repos/live-finals";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["contestant"]);
  return null;
}

const codeSchema = z
  .string()
  .trim()
  .regex(/^[2-9A-Za-z]{6}$/);

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, ["contestant"]);
  const form = await readProtectedForm(request, context);
  const code = codeSchema.safeParse(form.get("code"));
  if (!code.success) return { error: "badCode" as const };
  const roundId = await findLiveFinalIdByCode(context.services.db, code.data);
  if (roundId === undefined) return { error: "notFound" as const };
  return redirect(`/live/${roundId}`);
}

export default function JoinLive() {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <main className="live-phone">
      <h1>{t("live.join.title")}</h1>
      <Form method="post" className="stack">
        <CsrfInput />
        <label>
          {t("live.join.code")}
          <input
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            inputMode="text"
            maxLength={6}
            required
          />
        </label>
        {result?.error ? (
          <p role="alert">{result.error === "badCode" ? t("live.join.badCode") : t("live.error.notFound")}</p>
        ) : null}
        <button type="submit" className="live-option">
          {t("live.join.submit")}
        </button>
      </Form>
    </main>
  );
}
