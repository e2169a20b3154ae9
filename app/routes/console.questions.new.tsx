import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { QuestionForm, emptyValues, parseQuestionForm } from "~/components/question-form";
import { useT } from "~/i18n/use-t";
import { requireEditor } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { insertQuestion, listTopics } from "#db/repos/questions";
import { recordAudit } from "#db/repos/audit";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireEditor(request, context);
  const topics = await listTopics(context.services.db);
  return { topics: topics.map((t) => ({ id: t.id, name: t.name })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireEditor(request, context);
  const form = await readProtectedForm(request, context);
  const { db, clock } = context.services;
  const topics = await listTopics(db);
  // A new question is a draft: it is approved on its own page, after a look at the preview.
  const parsed = parseQuestionForm(form, topics, "draft", context.lang);
  if ("errors" in parsed) return { errors: parsed.errors };
  const now = clock.now();
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertQuestion(trx, {
      draft: parsed.draft,
      topicId: parsed.topicId,
      status: "draft",
      key: null,
      now,
    });
    await recordAudit(trx, {
      actorUserId: user.id,
      action: "question.create",
      entity: "question",
      entityId: created,
      details: { topic: parsed.draft.topic, difficulty: parsed.draft.difficulty, type: parsed.draft.type },
      now,
    });
    return created;
  });
  return redirect(`/console/questions/${id}?created=1`);
}

export default function NewQuestionPage() {
  const t = useT();
  const { topics } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="bank-page">
      <p>
        <Link to="/console/questions">{t("questions.form.back")}</Link>
      </p>
      <h1>{t("questions.form.newTitle")}</h1>
      <QuestionForm
        topics={topics}
        initial={emptyValues(topics[0]?.id)}
        errors={result?.errors}
        readOnly={false}
        submitLabel={t("questions.form.create")}
        hidden={{ intent: "save" }}
        status="draft"
      />
    </div>
  );
}
