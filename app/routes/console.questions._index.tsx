import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { QuestionBankPage } from "~/components/questions/question-bank-page";
import { translate } from "~/i18n";
import { requireEditor, requireStaff } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { tidy } from "~/rules/text";
import { formatDateIn } from "~/i18n/dates";
import {
  addTopic,
  countQuestions,
  filterFromParams,
  listQuestions,
  listSourceDocuments,
  listExpiringQuestions,
  listTopics,
} from "#db/repos/questions";
import { contestReferenceDate, findCurrentContest } from "#db/repos/contests";
import { contestYearWindow, isoToVnDate } from "~/rules/validity";
import { recordAudit } from "#db/repos/audit";

const PAGE_SIZE = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { db, clock } = context.services;
  const url = new URL(request.url);
  const filter = filterFromParams(url.searchParams);
  // Questions whose key stops being true between the contest's reference date and the end of its year.
  const contest = await findCurrentContest(db);
  const referenceDate = contest ? await contestReferenceDate(db, contest.id, clock.now()) : null;
  const expiring = referenceDate ? await listExpiringQuestions(db, contestYearWindow(referenceDate)) : [];
  const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get("page")) || 1));
  const [list, topics, counts, sources] = await Promise.all([
    listQuestions(db, filter, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    listTopics(db),
    countQuestions(db),
    listSourceDocuments(db),
  ]);
  const imported = Number(url.searchParams.get("imported"));
  return {
    canEdit: user.role !== "judge",
    filter: {
      q: filter.search ?? "",
      topic: filter.topicId ? String(filter.topicId) : "",
      difficulty: filter.difficulty ?? "",
      status: filter.status ?? "",
      source: filter.source ?? "",
    },
    page,
    pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
    total: list.total,
    rows: list.rows.map((r) => ({ ...r, updatedAt: formatDateIn(context.lang, new Date(r.updatedAt)) })),
    topics: topics.map((t) => ({ id: t.id, name: t.name })),
    counts,
    sources,
    referenceDate: referenceDate ? isoToVnDate(referenceDate) : null,
    year: referenceDate ? referenceDate.slice(0, 4) : null,
    expiring: expiring.map((q) => ({ ...q, validUntil: isoToVnDate(q.validUntil) })),
    notice:
      imported > 0
        ? translate(context.lang, "questions.list.imported", {
            n: imported,
            approved: Number(url.searchParams.get("approved")) || 0,
          })
        : url.searchParams.get("deleted")
          ? translate(context.lang, "questions.list.deleted")
          : null,
  };
}

const topicSchema = z.object({
  intent: z.literal("addTopic"),
  name: z.string().transform(tidy).pipe(z.string().min(2).max(200)),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireEditor(request, context);
  const form = await readProtectedForm(request, context);
  const { db, clock } = context.services;
  const parsed = topicSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    if (form.get("intent") !== "addTopic") throw new Response("Bad request", { status: 400 });
    return { error: translate(context.lang, "questions.topics.invalid") };
  }
  const now = clock.now();
  const topic = await db.transaction().execute(async (trx) => {
    const created = await addTopic(trx, parsed.data.name);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: "topic.create",
      entity: "topic",
      entityId: created.id,
      details: { name: created.name },
      now,
    });
    return created;
  });
  return { ok: translate(context.lang, "questions.topics.added", { name: topic.name }) };
}

export default function QuestionBankRoute() {
  return <QuestionBankPage data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
