/** The audit log for admins: who changed or exported what, when; filterable and paged. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useLang, useT } from "~/i18n/use-t";
import { requireRole } from "~/lib/auth.server";
import { parseVnDateTimeLocal } from "~/rules/vn-time";
import { formatDateTimeIn } from "~/i18n/dates";
import { auditActionLabel, auditEntityLabel, auditEntryWords } from "~/i18n/audit-words";
import { auditFilterChoices, queryAuditLog } from "#db/repos/results";

export const meta: MetaFunction = () => [{ title: "Nhật ký thao tác — Bảng điều khiển" }];

const PAGE_SIZE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;
const optionalText = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((v) => (v ? v : undefined));
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
const filterSchema = z.object({
  action: optionalText,
  entity: optionalText,
  actor: z.coerce.number().int().positive().optional().catch(undefined),
  from: day,
  to: day,
  q: optionalText,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["admin"]);
  const { db } = context.services;
  const url = new URL(request.url);
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  const filter = filterSchema.parse(raw);
  // Days are Vietnam's days: "to" includes the whole day.
  const from = filter.from ? parseVnDateTimeLocal(`${filter.from}T00:00`) : null;
  const toStart = filter.to ? parseVnDateTimeLocal(`${filter.to}T00:00`) : null;
  const { rows, total } = await queryAuditLog(db, {
    action: filter.action,
    entity: filter.entity,
    actorUserId: filter.actor,
    from: from?.toISOString(),
    to: toStart ? new Date(toStart.getTime() + DAY_MS).toISOString() : undefined,
    text: filter.q,
    page: filter.page,
    pageSize: PAGE_SIZE,
  });
  const lang = context.lang;
  const choices = await auditFilterChoices(db);
  return {
    filter,
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    choices: {
      ...choices,
      // Labelled in words, sorted as the reader sees them; the value stays the stored code.
      actions: choices.actions
        .map((code) => ({ code, label: auditActionLabel(lang, code) }))
        .sort((a, b) => a.label.localeCompare(b.label, lang)),
      entities: choices.entities.map((code) => ({ code, label: auditEntityLabel(lang, code) })),
    },
    rows: rows.map((r) => {
      const words = auditEntryWords(lang, r);
      return {
        id: r.id,
        at: formatDateTimeIn(lang, new Date(r.at)),
        actor: r.actor_name ? `${r.actor_name}${r.actor_username ? ` (${r.actor_username})` : ""}` : null,
        code: r.action,
        action: words.action,
        entity: words.entity,
        entityId: r.entity_id,
        summary: words.summary,
      };
    }),
  };
}

export default function AuditLog() {
  const t = useT();
  const lang = useLang();
  const { filter, total, pages, choices, rows } = useLoaderData<typeof loader>();
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, page }))
      if (v !== undefined && v !== "") params.set(k, String(v));
    return `?${params.toString()}`;
  };
  return (
    <>
      <h1>{t("results.audit.title")}</h1>
      <p className="muted">{t("results.audit.intro")}</p>
      <Form method="get" className="card" aria-label={t("results.audit.filter")}>
        <div className="grid three">
          <div className="field">
            <label htmlFor="audit-action">{t("results.col.action")}</label>
            <select id="audit-action" name="action" defaultValue={filter.action ?? ""}>
              <option value="">{t("results.audit.any")}</option>
              {choices.actions.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-entity">{t("results.col.entity")}</label>
            <select id="audit-entity" name="entity" defaultValue={filter.entity ?? ""}>
              <option value="">{t("results.audit.any")}</option>
              {choices.entities.map((e) => (
                <option key={e.code} value={e.code}>
                  {e.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-actor">{t("results.col.actor")}</label>
            <select id="audit-actor" name="actor" defaultValue={filter.actor ? String(filter.actor) : ""}>
              <option value="">{t("results.audit.any")}</option>
              {choices.actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                  {a.username ? ` (${a.username})` : ""}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-from">{t("results.audit.from")}</label>
            <input id="audit-from" type="date" name="from" defaultValue={filter.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="audit-to">{t("results.audit.to")}</label>
            <input id="audit-to" type="date" name="to" defaultValue={filter.to ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="audit-q">{t("results.audit.text")}</label>
            <input id="audit-q" type="search" name="q" defaultValue={filter.q ?? ""} />
          </div>
        </div>
        <p style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
          <button type="submit" className="primary">
            {t("results.audit.filter")}
          </button>
          <Link className="button secondary" to="/console/audit">
            {t("results.audit.reset")}
          </Link>
        </p>
      </Form>
      <p role="status">
        {t("results.audit.total", { n: total.toLocaleString(lang === "en" ? "en-GB" : "vi-VN") })}
      </p>
      {rows.length === 0 ? (
        <p>{t("results.audit.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="audit-table">
            <thead>
              <tr>
                <th>{t("results.col.auditAt")}</th>
                <th>{t("results.col.actor")}</th>
                <th>{t("results.col.action")}</th>
                <th>{t("results.col.entity")}</th>
                <th>{t("results.col.details")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td style={{ whiteSpace: "nowrap" }}>{r.at}</td>
                  <td>{r.actor ?? t("results.system")}</td>
                  <td data-code={r.code}>{r.action}</td>
                  <td>
                    {r.entity}
                    {r.entityId ? ` #${r.entityId}` : ""}
                  </td>
                  <td className="small" style={{ overflowWrap: "anywhere", maxWidth: "40ch" }}>
                    {r.summary}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <p style={{ display: "flex", gap: 16, alignItems: "center" }}>
          {filter.page > 1 ? <Link to={pageLink(filter.page - 1)}>← {t("results.audit.prev")}</Link> : null}
          <span>{t("results.audit.page", { page: filter.page, pages })}</span>
          {filter.page < pages ? (
            <Link to={pageLink(filter.page + 1)}>{t("results.audit.next")} →</Link>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
