import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { useT } from "~/i18n/use-t";
import { translate } from "~/i18n";
import { requireEditor, requireStaff } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { DIFFICULTIES, QUESTION_STATUSES } from "~/rules/question";
import type { ExportFormat } from "~/rules/question-formats";
import { tidy } from "~/rules/text";
import { formatVnDate } from "~/rules/vn-time";
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
import "~/components/question-form.css";

const PAGE_SIZE = 50;
/**
 * EXPORT_FORMATS of the formats module, spelled out: that module reads zip files with node:zlib, so the
 * page's browser code must not import its values.
 */
const EXPORT_CHOICES: readonly ExportFormat[] = ["xlsx", "csv", "gift", "aiken"];

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
    rows: list.rows.map((r) => ({ ...r, updatedAt: formatVnDate(new Date(r.updatedAt)) })),
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

export default function QuestionBankPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { filter } = data;

  const count = (topicId: number, difficulty: string, status: string) =>
    data.counts
      .filter((c) => c.topicId === topicId && c.difficulty === difficulty && c.status === status)
      .reduce((n, c) => n + c.count, 0);
  const sum = (pick: (c: (typeof data.counts)[number]) => boolean) =>
    data.counts.filter(pick).reduce((n, c) => n + c.count, 0);

  const pageLink = (page: number) => {
    const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ""));
    params.set("page", String(page));
    return `?${params.toString()}`;
  };

  return (
    <div className="bank-page">
      <h1>{t("questions.list.title")}</h1>
      <p className="muted">{t("questions.list.intro")}</p>
      {data.notice ? (
        <p className="form-success" role="status">
          {data.notice}
        </p>
      ) : null}
      {result && "ok" in result ? (
        <p className="form-success" role="status">
          {result.ok}
        </p>
      ) : null}
      {result && "error" in result ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}
      <div className="bank-toolbar">
        {data.canEdit ? (
          <>
            <Link to="/console/questions/new" className="button">
              {t("questions.list.new")}
            </Link>
            <Link to="/console/questions/import" className="button secondary">
              {t("questions.list.import")}
            </Link>
          </>
        ) : null}
        <a href="/console/questions/template" className="button secondary" download>
          {t("questions.list.template")}
        </a>
      </div>

      <section className="card">
        <h2>{t("questions.counts.title")}</h2>
        <p className="muted small">{t("questions.counts.hint")}</p>
        <div className="table-wrap">
          <table className="bank-counts">
            <thead>
              <tr>
                <th>{t("questions.list.topic")}</th>
                {DIFFICULTIES.map((d) => (
                  <th key={d} className="num">
                    {t(`questions.difficulty.${d}`)}
                  </th>
                ))}
                <th className="num">{t("questions.counts.total")}</th>
              </tr>
            </thead>
            <tbody>
              {data.topics.map((topic) => (
                <tr key={topic.id}>
                  <th scope="row">
                    <Link to={`?topic=${topic.id}`}>{topic.name}</Link>
                  </th>
                  {DIFFICULTIES.map((d) => {
                    const approved = count(topic.id, d, "approved");
                    const drafts = count(topic.id, d, "draft");
                    return (
                      <td key={d} className={`num${approved === 0 ? " low" : ""}`}>
                        {approved}
                        {drafts > 0 ? <span className="muted"> ({drafts})</span> : null}
                      </td>
                    );
                  })}
                  <td className="num">
                    <strong>{sum((c) => c.topicId === topic.id && c.status === "approved")}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("questions.counts.total")}</th>
                {DIFFICULTIES.map((d) => (
                  <td key={d} className="num">
                    <strong>{sum((c) => c.difficulty === d && c.status === "approved")}</strong>
                  </td>
                ))}
                <td className="num">
                  <strong>{sum((c) => c.status === "approved")}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        {data.canEdit ? (
          <Form method="post" className="inline-form" style={{ marginTop: 12 }}>
            <CsrfInput />
            <input type="hidden" name="intent" value="addTopic" />
            <div className="field">
              <label htmlFor="topic-name">{t("questions.topics.name")}</label>
              <input id="topic-name" name="name" maxLength={200} />
            </div>
            <button type="submit" className="secondary">
              {t("questions.topics.add")}
            </button>
          </Form>
        ) : null}
      </section>

      {data.referenceDate ? (
        <section className="card" aria-labelledby="expiring-title" data-testid="expiring">
          <h2 id="expiring-title">{t("bankValidity.expiring.title", { year: data.year ?? "" })}</h2>
          <p className="muted small">{t("bankValidity.expiring.hint", { date: data.referenceDate })}</p>
          {data.expiring.length === 0 ? (
            <p>{t("bankValidity.expiring.none")}</p>
          ) : (
            <div className="table-wrap">
              <table className="small">
                <thead>
                  <tr>
                    <th>{t("bankValidity.expiring.until")}</th>
                    <th>{t("questions.list.topic")}</th>
                    <th>{t("bankValidity.expiring.question")}</th>
                    <th>{t("bankValidity.expiring.basis")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.expiring.map((q) => (
                    <tr key={q.id}>
                      <td className="num">{q.validUntil}</td>
                      <td>{q.topicName}</td>
                      <td>
                        <Link to={`/console/questions/${q.id}`}>
                          {q.key ? `${q.key}: ${q.text}` : q.text}
                        </Link>
                      </td>
                      <td>{q.basis.join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}

      <section className="card">
        <Form method="get" role="search" className="bank-filters">
          <div className="field wide">
            <label htmlFor="f-q">{t("questions.list.search")}</label>
            <input id="f-q" name="q" type="search" defaultValue={filter.q} aria-describedby="f-q-hint" />
            <span className="hint" id="f-q-hint">
              {t("questions.list.searchHint")}
            </span>
          </div>
          <div className="field">
            <label htmlFor="f-topic">{t("questions.list.topic")}</label>
            <select id="f-topic" name="topic" defaultValue={filter.topic}>
              <option value="">{t("questions.list.all")}</option>
              {data.topics.map((topic) => (
                <option key={topic.id} value={topic.id}>
                  {topic.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-difficulty">{t("questions.list.difficulty")}</label>
            <select id="f-difficulty" name="difficulty" defaultValue={filter.difficulty}>
              <option value="">{t("questions.list.all")}</option>
              {DIFFICULTIES.map((d) => (
                <option key={d} value={d}>
                  {t(`questions.difficulty.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-status">{t("questions.list.status")}</label>
            <select id="f-status" name="status" defaultValue={filter.status}>
              <option value="">{t("questions.list.all")}</option>
              {QUESTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`questions.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-source">{t("questions.list.source")}</label>
            <select id="f-source" name="source" defaultValue={filter.source}>
              <option value="">{t("questions.list.all")}</option>
              {data.sources.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div className="bank-filter-actions wide">
            <button type="submit" className="primary">
              {t("questions.list.filter")}
            </button>
            <Link to="/console/questions">{t("questions.list.clear")}</Link>
          </div>
        </Form>
      </section>

      <section className="card">
        <h2>{t("questions.list.found", { n: data.total.toLocaleString("vi-VN") })}</h2>
        {data.rows.length === 0 ? (
          <p>{t("questions.list.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th className="num">{t("questions.list.number")}</th>
                  <th>{t("questions.list.text")}</th>
                  <th>{t("questions.list.topic")}</th>
                  <th>{t("questions.list.difficulty")}</th>
                  <th>{t("questions.list.status")}</th>
                  <th>{t("questions.list.source")}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.id}>
                    <td className="num">{r.id}</td>
                    <td className="bank-text">
                      <Link to={`/console/questions/${r.id}`}>{r.text}</Link>
                      <div className="muted small">
                        {t(`questions.type.${r.type}`)} · {t("questions.list.version", { n: r.version })}
                        {r.key ? ` · ${r.key}` : ""}
                      </div>
                    </td>
                    <td>{r.topicName}</td>
                    <td>{t(`questions.difficulty.${r.difficulty}`)}</td>
                    <td className="bank-status">
                      <span className={`badge ${r.status}`}>{t(`questions.status.${r.status}`)}</span>
                    </td>
                    <td className="small bank-source">{r.sourceDocument}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {data.pages > 1 ? (
          <nav
            className="bank-pager"
            aria-label={t("questions.list.page", { page: data.page, pages: data.pages })}
          >
            {data.page > 1 ? (
              <Link to={pageLink(data.page - 1)}>{t("questions.list.previous")}</Link>
            ) : (
              <span />
            )}
            <span className="muted">{t("questions.list.page", { page: data.page, pages: data.pages })}</span>
            {data.page < data.pages ? (
              <Link to={pageLink(data.page + 1)}>{t("questions.list.next")}</Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>

      <section className="card">
        <h2>{t("questions.export.title")}</h2>
        <p className="muted small">{t("questions.export.hint", { n: data.total.toLocaleString("vi-VN") })}</p>
        <p className="muted small">{t("media.exportPicturesNote")}</p>
        {/* A plain form: the export is a file download, not a page. */}
        <form method="get" action="/console/questions/export" className="inline-form">
          {Object.entries(filter)
            .filter(([, v]) => v !== "")
            .map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
          <div className="field">
            <label htmlFor="export-format">{t("questions.export.format")}</label>
            <select id="export-format" name="format" defaultValue="xlsx">
              {EXPORT_CHOICES.map((f) => (
                <option key={f} value={f}>
                  {t(`questions.export.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="secondary">
            {t("questions.export.submit")}
          </button>
        </form>
      </section>
    </div>
  );
}
