import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import {
  QuestionForm,
  describeAll,
  parseQuestionForm,
  valuesOfDraft,
  type FormField,
} from "~/components/question-form";
import { useT } from "~/i18n/use-t";
import { translate } from "~/i18n";
import { requireEditor, requireStaff } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { questionProblems } from "~/rules/question";
import { formatDateTimeIn } from "~/i18n/dates";
import { bankFindings } from "~/rules/item-writing";
import {
  bankItems,
  deleteUnusedDraft,
  findQuestion,
  listTopics,
  setQuestionStatus,
  updateQuestion,
} from "#db/repos/questions";
import { recordAudit } from "#db/repos/audit";
import { picturesOfVersions } from "#db/repos/question-pictures";
import { QuestionPictureEditor } from "~/components/media/question-picture-editor";
import { ActionResult } from "~/components/forms/action-result";

const idSchema = z.coerce.number().int().positive();

async function load(context: LoaderFunctionArgs["context"], rawId: string | undefined) {
  const id = idSchema.safeParse(rawId);
  const found = id.success ? await findQuestion(context.services.db, id.data) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  return found;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const found = await load(context, params.id);
  const topics = await listTopics(context.services.db);
  const url = new URL(request.url);
  const pictures = await picturesOfVersions(context.services.db, [found.version.id]);
  // The bank-wide checks (a key that stands among another question's options, a near-duplicate stem),
  // for this question against every other one in use, as questions:check and the import preview do.
  const others = (await bankItems(context.services.db)).filter((item) => item.id !== found.question.id);
  // Last in the list: a near-duplicate is reported on the later of the two questions.
  const findings = bankFindings([
    ...others.map((item) => ({ ref: item.key ?? `#${item.id}`, draft: item.draft })),
    { ref: found.question.key ?? `#${found.question.id}`, draft: found.draft },
  ]);
  return {
    bankCues: describeAll(context.lang, findings.perItem[others.length] ?? []),
    picture: pictures.get(found.version.id)?.question ?? null,
    id: found.question.id,
    canEdit: user.role !== "judge",
    topics: topics.map((t) => ({ id: t.id, name: t.name })),
    topicId: found.topic.id,
    draft: found.draft,
    status: found.question.status,
    key: found.question.key,
    version: found.version.version,
    versionId: found.version.id,
    updatedAt: found.question.updated_at,
    updatedAtText: formatDateTimeIn(context.lang, new Date(found.question.updated_at)),
    currentVersionUses: found.currentVersionUses,
    everUsed: found.everUsed,
    created: url.searchParams.get("created") === "1",
  };
}

const statusSchema = z.object({ intent: z.enum(["approve", "retire", "restore", "delete"]) });

type ActionResult =
  { ok: string } | { error: string } | { errors: { messages: string[]; fields: FormField[] } };

export async function action({ request, params, context }: ActionFunctionArgs): Promise<ActionResult> {
  const user = await requireEditor(request, context);
  const form = await readProtectedForm(request, context);
  const found = await load(context, params.id);
  const { db, clock } = context.services;
  const lang = context.lang;
  const now = clock.now();
  const id = found.question.id;
  const audit = (action: string, details: Record<string, unknown> = {}) => ({
    actorUserId: user.id,
    action,
    entity: "question",
    entityId: id,
    details,
    now,
  });

  if (form.get("intent") === "save") {
    // Someone saved since this page was opened: saving now would silently undo their change.
    if (form.get("updatedAt") !== found.question.updated_at)
      return { error: translate(lang, "questions.form.stale") };
    const topics = await listTopics(db);
    const parsed = parseQuestionForm(form, topics, found.question.status, lang);
    if ("errors" in parsed) return { errors: parsed.errors };
    const saved = await db.transaction().execute(async (trx) => {
      const result = await updateQuestion(trx, { id, draft: parsed.draft, topicId: parsed.topicId, now });
      await recordAudit(
        trx,
        audit("question.update", { version: result.version, newVersion: result.newVersion }),
      );
      return result;
    });
    return {
      ok: saved.newVersion
        ? translate(lang, "questions.form.savedNewVersion", { version: saved.version })
        : translate(lang, "questions.form.savedInPlace"),
    };
  }

  const parsed = statusSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  switch (parsed.data.intent) {
    case "approve": {
      const problems = questionProblems(found.draft);
      if (problems.length > 0)
        return {
          error: translate(lang, "questions.actions.cannotApprove", {
            problems: describeAll(lang, problems).join("; "),
          }),
        };
      await db.transaction().execute(async (trx) => {
        await setQuestionStatus(trx, id, "approved", now);
        await recordAudit(trx, audit("question.approve", { version: found.version.version }));
      });
      return { ok: translate(lang, "questions.actions.approved") };
    }
    case "retire":
      await db.transaction().execute(async (trx) => {
        await setQuestionStatus(trx, id, "retired", now);
        await recordAudit(trx, audit("question.retire"));
      });
      return { ok: translate(lang, "questions.actions.retired") };
    case "restore":
      await db.transaction().execute(async (trx) => {
        await setQuestionStatus(trx, id, "draft", now);
        await recordAudit(trx, audit("question.restore"));
      });
      return { ok: translate(lang, "questions.actions.restored") };
    case "delete": {
      const deleted = await db.transaction().execute(async (trx) => {
        const done = await deleteUnusedDraft(trx, id);
        if (done) await recordAudit(trx, audit("question.delete", { text: found.draft.text }));
        return done;
      });
      if (!deleted) return { error: translate(lang, "questions.actions.cannotDelete") };
      throw redirect("/console/questions?deleted=1");
    }
  }
}

export default function QuestionPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const formErrors = result && "errors" in result ? result.errors : undefined;
  return (
    <div className="bank-page">
      <p>
        <Link to="/console/questions">{t("questions.form.back")}</Link>
      </p>
      <h1>{t("questions.form.editTitle", { id: data.id })}</h1>
      <p className="muted">
        <span className={`badge ${data.status}`}>{t(`questions.status.${data.status}`)}</span>{" "}
        {t("questions.form.meta", {
          version: data.version,
          updated: data.updatedAtText,
        })}
        {data.key ? ` · ${data.key}` : ""}
      </p>
      {data.created && !result ? (
        <p className="form-success" role="status">
          {t("questions.form.created")}
        </p>
      ) : null}
      <ActionResult result={result} />
      {data.currentVersionUses > 0 ? (
        <p className="badge warn" role="note">
          {t("questions.form.usedNote", { version: data.version, n: data.currentVersionUses })}
        </p>
      ) : null}
      {!data.canEdit ? <p className="muted">{t("questions.form.readOnly")}</p> : null}

      {data.canEdit ? (
        <section className="card">
          <h2>{t("questions.actions.title")}</h2>
          <Form method="post" className="bank-toolbar">
            <CsrfInput />
            {data.status !== "approved" ? (
              <button
                type="submit"
                name="intent"
                value="approve"
                className="primary"
                title={t("questions.actions.approveHint")}
              >
                {t("questions.actions.approve")}
              </button>
            ) : null}
            {data.status !== "retired" ? (
              <button
                type="submit"
                name="intent"
                value="retire"
                className="secondary"
                title={t("questions.actions.retireHint")}
              >
                {t("questions.actions.retire")}
              </button>
            ) : null}
            {data.status !== "draft" ? (
              <button type="submit" name="intent" value="restore" className="secondary">
                {t("questions.actions.restore")}
              </button>
            ) : null}
            {data.status === "draft" && !data.everUsed ? (
              <button
                type="submit"
                name="intent"
                value="delete"
                className="danger"
                onClick={(e) => {
                  if (!window.confirm(t("questions.actions.deleteConfirm"))) e.preventDefault();
                }}
              >
                {t("questions.actions.delete")}
              </button>
            ) : null}
          </Form>
        </section>
      ) : null}

      <QuestionForm
        key={`${data.versionId}-${data.updatedAt}`}
        topics={data.topics}
        initial={valuesOfDraft(data.draft, data.topicId)}
        errors={formErrors}
        readOnly={!data.canEdit}
        submitLabel={t("questions.form.save")}
        hidden={{ intent: "save", updatedAt: data.updatedAt }}
        status={data.status}
        bankCues={data.bankCues}
      />
      <QuestionPictureEditor
        key={`picture-${data.versionId}-${data.updatedAt}`}
        questionId={data.id}
        picture={data.picture}
        maxMb={5}
        canEdit={data.canEdit}
      />
    </div>
  );
}
