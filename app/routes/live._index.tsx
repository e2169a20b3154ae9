/**
 * Joining a live final (issue 14): with the code shown in the hall (a contestant's account), or with
 * a seat code handed to an invited contestant (no account: it leads to /live/seat/:code).
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { useT } from "~/i18n/use-t";
import { requireRole } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { findLiveFinalIdByCode, findLiveSeat } from "#db/repos/live-finals";

/** Open to everyone: an invited contestant with a seat code has no account. */
export function loader() {
  return null;
}

const codeSchema = z
  .string()
  .trim()
  .regex(/^[2-9A-Za-z]{6}([2-9A-Za-z]{2})?$/);

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readProtectedForm(request, context);
  const code = codeSchema.safeParse(form.get("code"));
  if (!code.success) return { error: "badCode" as const };
  if (code.data.length === 8) {
    const seat = await findLiveSeat(context.services.db, code.data);
    if (!seat) return { error: "notFound" as const };
    return redirect(`/live/seat/${code.data.toUpperCase()}`);
  }
  await requireRole(request, context, ["contestant"]);
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
            maxLength={8}
            required
          />
        </label>
        <p>{t("live.join.seatHint")}</p>
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
