import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { SelectField, TextField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import { findDuplicates } from "~/rules/duplicates";
import { formatDateIn } from "~/i18n/dates";
import type { Lang } from "~/i18n";
import { requireStaff } from "~/lib/auth.server";
import { findCurrentContest } from "#db/repos/contests";
import {
  CONTESTANT_FILTER_STATUSES,
  findContestantsByIds,
  listContestants,
  listDuplicateCandidates,
  type ContestantView,
} from "#db/repos/contestants";
import { listCategoriesWithCounts, listUnitsWithCounts } from "#db/repos/units";

export const meta: MetaFunction = () => [{ title: "Thí sinh — Bảng điều khiển" }];

const PAGE_SIZE = 50;

/** Filters from the address bar; anything malformed is simply ignored. */
const filterSchema = z.object({
  q: z.string().max(100).catch(""),
  unit: z.coerce.number().int().positive().optional().catch(undefined),
  category: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(CONTESTANT_FILTER_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

function row(c: ContestantView, lang: Lang) {
  return {
    id: c.id,
    fullName: c.full_name,
    birthDate: c.birth_date.split("-").reverse().join("/"),
    phone: c.phone,
    cccd: c.cccd,
    unit: c.parent_unit_name ? `${c.unit_name} (${c.parent_unit_name})` : c.unit_name,
    category: c.category_name,
    status: c.status,
    staffMember: c.is_staff_member === 1,
    createdAt: formatDateIn(lang, new Date(c.created_at)),
  };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const { db } = context.services;
  const contest = await findCurrentContest(db);
  if (!contest) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const filter = filterSchema.parse({
    q: url.searchParams.get("q") ?? "",
    unit: url.searchParams.get("unit") || undefined,
    category: url.searchParams.get("category") || undefined,
    status: url.searchParams.get("status") || undefined,
    page: url.searchParams.get("page") ?? 1,
  });
  const { rows, total } = await listContestants(db, {
    contestId: contest.id,
    q: filter.q,
    unitId: filter.unit,
    categoryId: filter.category,
    status: filter.status,
    page: filter.page,
    pageSize: PAGE_SIZE,
  });
  const units = await listUnitsWithCounts(db, contest.id);
  const categories = await listCategoriesWithCounts(db, contest.id);

  const groups = findDuplicates(await listDuplicateCandidates(db, contest.id));
  const members = new Map(
    (await findContestantsByIds(db, [...new Set(groups.flatMap((g) => g.ids))])).map((c) => [
      c.id,
      row(c, context.lang),
    ]),
  );

  // A parent unit counts its sub-units too.
  const byUnit = units
    .filter((u) => u.parent_id === null)
    .map((u) => {
      const children = units.filter((c) => c.parent_id === u.id);
      return {
        id: u.id,
        name: u.name,
        registered: u.registered + children.reduce((n, c) => n + c.registered, 0),
        expected: u.expected_headcount,
      };
    });

  return {
    rows: rows.map((c) => row(c, context.lang)),
    total,
    page: filter.page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    units: units.map((u) => ({ id: u.id, name: u.name, child: u.parent_id !== null })),
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    duplicates: groups.map((g) => ({
      reason: g.reason,
      members: g.ids.map((id) => members.get(id)).filter((m) => m !== undefined),
    })),
    byUnit,
  };
}

function rate(registered: number, expected: number | null): string {
  if (!expected) return "—";
  return `${Math.round((registered / expected) * 1000) / 10}%`.replace(".", ",");
}

export default function ContestantsPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };
  const statusLabel = (r: { status: string; staffMember: boolean }) =>
    r.status === "disqualified"
      ? t("registration.console.status.disqualified")
      : r.staffMember
        ? t("registration.console.status.staff")
        : t("registration.console.status.active");

  return (
    <>
      <h1>{t("registration.console.title")}</h1>
      {data.duplicates.length > 0 ? (
        <p>
          <a className="badge warn" href="#duplicates">
            {t("registration.console.duplicates", { n: data.duplicates.length })}
          </a>
        </p>
      ) : null}
      <section className="card">
        <Form method="get" role="search">
          <div className="grid two">
            <TextField
              name="q"
              type="search"
              label={t("registration.console.search")}
              hint={t("registration.console.searchHint")}
              defaultValue={params.get("q") ?? ""}
              messageRoom={false}
            />
            <SelectField
              name="unit"
              label={t("registration.field.unit")}
              defaultValue={params.get("unit") ?? ""}
              messageRoom={false}
            >
              <option value="">{t("registration.console.all")}</option>
              {data.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.child ? `— ${u.name}` : u.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              name="category"
              label={t("registration.field.category")}
              defaultValue={params.get("category") ?? ""}
              messageRoom={false}
            >
              <option value="">{t("registration.console.all")}</option>
              {data.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              name="status"
              label={t("registration.console.status")}
              defaultValue={params.get("status") ?? ""}
              messageRoom={false}
            >
              <option value="">{t("registration.console.all")}</option>
              {CONTESTANT_FILTER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`registration.console.status.${s}`)}
                </option>
              ))}
            </SelectField>
          </div>
          <div style={{ display: "flex", gap: 10, flexWrap: "wrap", alignItems: "center" }}>
            <button type="submit" className="primary">
              {t("registration.console.filter")}
            </button>
            <Link to="/console/contestants">{t("registration.console.clear")}</Link>
          </div>
        </Form>
      </section>

      <section className="card" aria-labelledby="list-title">
        <h2 id="list-title">{t("registration.console.total", { n: data.total.toLocaleString("vi-VN") })}</h2>
        {data.rows.length === 0 ? (
          <p className="muted">{t("registration.console.none")}</p>
        ) : (
          <ContestantTable rows={data.rows} statusLabel={statusLabel} />
        )}
        {data.pages > 1 ? (
          <nav style={{ display: "flex", gap: 14, alignItems: "center", marginTop: 10 }}>
            {data.page > 1 ? (
              <Link to={pageLink(data.page - 1)}>{t("registration.console.prev")}</Link>
            ) : null}
            <span>{t("registration.console.page", { page: data.page, pages: data.pages })}</span>
            {data.page < data.pages ? (
              <Link to={pageLink(data.page + 1)}>{t("registration.console.next")}</Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section className="card" id="duplicates" aria-labelledby="duplicates-title">
        <h2 id="duplicates-title">{t("registration.console.duplicates", { n: data.duplicates.length })}</h2>
        {data.duplicates.length === 0 ? (
          <p className="muted">{t("registration.console.duplicatesNone")}</p>
        ) : (
          <>
            <p className="muted">{t("registration.console.duplicatesIntro")}</p>
            {data.duplicates.map((g, i) => (
              <div key={i} className="duplicate-group" style={{ marginBottom: 14 }}>
                <h3 style={{ fontSize: "1rem" }}>{t(`registration.duplicate.${g.reason}`)}</h3>
                <ContestantTable rows={g.members} statusLabel={statusLabel} />
              </div>
            ))}
          </>
        )}
      </section>

      <section className="card" aria-labelledby="units-title">
        <h2 id="units-title">{t("registration.console.byUnit")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("registration.field.unit")}</th>
                <th className="num">{t("registration.console.registered")}</th>
                <th className="num">{t("registration.console.expected")}</th>
                <th className="num">{t("registration.console.rate")}</th>
              </tr>
            </thead>
            <tbody>
              {data.byUnit.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link to={`/console/contestants?unit=${u.id}`}>{u.name}</Link>
                  </td>
                  <td className="num">{u.registered}</td>
                  <td className="num">{u.expected ?? "—"}</td>
                  <td className="num">{rate(u.registered, u.expected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

const NOWRAP = { whiteSpace: "nowrap" } as const;

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

function ContestantTable({ rows, statusLabel }: { rows: Row[]; statusLabel: (r: Row) => string }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>{t("registration.field.fullName")}</th>
            <th>{t("registration.field.birthDate")}</th>
            <th>{t("registration.field.phone")}</th>
            <th>CCCD</th>
            <th>{t("registration.field.unit")}</th>
            <th>{t("registration.field.category")}</th>
            <th>{t("registration.console.status")}</th>
            <th>{t("registration.console.registeredAt")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td style={{ minWidth: "10em" }}>
                <Link to={`/console/contestants/${r.id}`}>{r.fullName}</Link>
              </td>
              <td style={NOWRAP}>{r.birthDate}</td>
              <td style={NOWRAP}>{r.phone}</td>
              <td style={NOWRAP}>{r.cccd ?? "—"}</td>
              <td>{r.unit}</td>
              <td>{r.category}</td>
              <td>
                <span
                  className={`badge ${r.status === "disqualified" ? "closed" : r.staffMember ? "warn" : "open"}`}
                >
                  {statusLabel(r)}
                </span>
              </td>
              <td>{r.createdAt}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
