/**
 * `/setup?code=…`: the first-run page of a real installation (`npm run setup`, issue 11). It asks for the
 * contest and the admin's own password, then loads the bundled question bank and leads to the unit list
 * import. It works once, with the code printed on the server's console, and only before anything exists.
 */
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { TextField } from "~/components/forms/fields";
import { SiteHeader } from "~/components/site-header";
import {
  ContestFields,
  EMPTY_CONTEST,
  type ContestFieldErrors,
  type ContestFieldValues,
} from "~/components/organizer/contest-fields";
import { translate, translateDynamic } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { startSession } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { defaultDataNotice } from "~/rules/data-notice";
import { ADMIN_PASSWORD_MIN, firstRunSchema } from "~/rules/first-run";
import { recordAudit } from "#db/repos/audit";
import { createContest, isInstalled, loadBankInto } from "#db/repos/contest-life";
import { createUser } from "#db/repos/users";
import { BANK_TOPICS } from "#db/seed/demo-contest";
import { hashPassword } from "#server/security/password";
import { checkSetupToken, clearSetupToken, setupPending } from "#server/setup-token";
import { loadBundledBank } from "../../question-bank/load";

export const meta: MetaFunction = () => [{ title: "Cài đặt hội thi — Hội thi tìm hiểu về Chuyển đổi số" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { db, config } = context.services;
  if (await isInstalled(db)) throw redirect("/");
  const code = new URL(request.url).searchParams.get("code");
  return {
    pending: setupPending(config.dataDir),
    codeOk: checkSetupToken(config.dataDir, code),
    code: code ?? "",
  };
}

type Result = { errors: ContestFieldErrors; values: ContestFieldValues };

export async function action({ request, context }: ActionFunctionArgs): Promise<Result | Response> {
  const form = await readProtectedForm(request, context);
  const { db, config, clock } = context.services;
  if (await isInstalled(db)) throw redirect("/");
  if (!checkSetupToken(config.dataDir, String(form.get("code") ?? "")))
    throw new Response("Forbidden", { status: 403 });
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
  const parsed = firstRunSchema.safeParse({
    contest: values,
    password: field("password"),
    confirm: field("confirm"),
  });
  if (!parsed.success) {
    const errors: ContestFieldErrors = {};
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] === "contest" ? issue.path[1] : issue.path[0]);
      errors[name] ??= translateDynamic(context.lang, issue.message, { min: ADMIN_PASSWORD_MIN });
    }
    return { errors, values };
  }
  const now = clock.now();
  const { contest } = parsed.data;
  const bank = await loadBundledBank(path.join(process.cwd(), "question-bank"));
  const passwordHash = await hashPassword(parsed.data.password);
  const adminId = await db.transaction().execute(async (trx) => {
    const admin = await createUser(trx, {
      role: "admin",
      username: "admin",
      displayName: translate(context.lang, "organizer.setup.adminName"),
      passwordHash,
      now,
    });
    const contestId = await createContest(trx, {
      ...contest,
      description: "",
      dataNotice: defaultDataNotice(contest.organizerName, contest.startsOn, now.toISOString().slice(0, 10)),
      now,
    });
    const questions = await loadBankInto(trx, bank, BANK_TOPICS, now);
    await recordAudit(trx, {
      actorUserId: admin.id,
      action: "contest.create",
      entity: "contest",
      entityId: contestId,
      details: { title: contest.title, firstRun: true, questions },
      now,
    });
    return admin.id;
  });
  clearSetupToken(config.dataDir);
  const cookie = await startSession(request, context, adminId);
  return redirect("/console/units?welcome=1", { headers: { "Set-Cookie": cookie } });
}

export default function Setup() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = result?.errors ?? {};
  const values = result?.values ?? EMPTY_CONTEST;
  return (
    <>
      <SiteHeader />
      <main id="main" className="page narrow">
        <h1>{t("organizer.setup.title")}</h1>
        {!data.codeOk ? (
          <p className="form-error" role="alert">
            {t(data.pending ? "organizer.setup.needCode" : "organizer.setup.notPending")}
          </p>
        ) : (
          <>
            <p className="muted">{t("organizer.setup.intro")}</p>
            <Form method="post" className="card" noValidate>
              <CsrfInput />
              <input type="hidden" name="code" value={data.code} />
              <h2>{t("organizer.setup.contest")}</h2>
              <ContestFields values={values} errors={errors} />
              <h2>{t("organizer.setup.admin")}</h2>
              <p className="muted">{t("organizer.setup.adminHint")}</p>
              <TextField
                name="password"
                label={t("organizer.setup.password")}
                hint={t("organizer.setup.passwordHint", { min: ADMIN_PASSWORD_MIN })}
                error={errors.password}
                type="password"
                autoComplete="new-password"
              />
              <TextField
                name="confirm"
                label={t("organizer.setup.confirm")}
                error={errors.confirm}
                type="password"
                autoComplete="new-password"
              />
              <p className="muted">{t("organizer.setup.next")}</p>
              <button type="submit" className="primary" disabled={navigation.state === "submitting"}>
                {t("organizer.setup.submit")}
              </button>
            </Form>
          </>
        )}
      </main>
    </>
  );
}
