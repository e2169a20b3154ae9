import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { useT } from "~/i18n/use-t";
import { translate, translateDynamic, type Lang } from "~/i18n";
import { tidy } from "~/rules/text";
import {
  UNIT_KINDS,
  UNIT_NAME_MAX_LENGTH,
  parseHeadcount,
  parseUnitTable,
  unitNameProblem,
  type UnitProblem,
} from "~/rules/unit-list";
import { readUnitFile } from "~/rules/unit-list-file.server";
import { EDITOR_ROLES, requireEditor, requireStaff } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { findCurrentContest } from "#db/repos/contests";
import {
  createUnit,
  deleteCategory,
  deleteUnit,
  importUnits,
  listCategoriesWithCounts,
  listUnitsWithCounts,
  saveCategory,
  updateUnit,
} from "#db/repos/units";

export const meta: MetaFunction = () => [{ title: "Đơn vị và đối tượng — Bảng điều khiển" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { db } = context.services;
  const contest = await findCurrentContest(db);
  if (!contest) throw new Response("Not found", { status: 404 });
  const units = await listUnitsWithCounts(db, contest.id);
  const categories = await listCategoriesWithCounts(db, contest.id);
  return {
    canEdit: EDITOR_ROLES.includes(user.role),
    units: units.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      parentId: u.parent_id,
      expected: u.expected_headcount,
      // A parent counts its sub-units too, so its rate compares like with like.
      registered: units
        .filter((c) => c.id === u.id || c.parent_id === u.id)
        .reduce((n, c) => n + c.registered, 0),
      hasChildren: units.some((c) => c.parent_id === u.id),
    })),
    categories: categories.map((c) => ({ id: c.id, name: c.name, registered: c.registered })),
  };
}

const optionalId = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === "") return null;
    if (!/^\d{1,10}$/.test(v)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "registration.units.problem.parentInvalid" });
      return z.NEVER;
    }
    return Number(v);
  });

const unitSchema = z.object({
  name: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const name = tidy(v);
      const problem = unitNameProblem(name);
      if (problem) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `registration.units.import.${problem}`,
          params: { max: UNIT_NAME_MAX_LENGTH },
        });
        return z.NEVER;
      }
      return name;
    }),
  kind: z.enum(UNIT_KINDS, { errorMap: () => ({ message: "registration.units.import.kindUnknown" }) }),
  parentId: optionalId,
  expected: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const n = parseHeadcount(v);
      if (Number.isNaN(n)) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: "registration.units.import.expectedInvalid",
          params: { value: v.slice(0, 20) },
        });
        return z.NEVER;
      }
      return n;
    }),
});

const categorySchema = z.object({
  name: z
    .string()
    .default("")
    .transform((v) => tidy(v))
    // eslint-disable-next-line no-control-regex
    .refine((v) => [...v].length >= 2 && [...v].length <= 100 && !/[\u0000-\u001f\u007f<>]/.test(v), {
      message: "registration.categories.nameInvalid",
    }),
});

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

type ActionResult = { ok: string } | { error: string; lines?: string[] };

function firstIssue(lang: Lang, error: z.ZodError): string {
  const issue = error.issues[0];
  const params =
    issue.code === z.ZodIssueCode.custom ? (issue.params as Record<string, string | number>) : undefined;
  return translateDynamic(lang, issue.message, params);
}

function problemText(lang: Lang, p: Pick<UnitProblem, "key" | "params">): string {
  return translateDynamic(lang, p.key, p.params);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const organizer = await requireEditor(request, context);
  const form = await readProtectedForm(request, context);
  const { db, clock } = context.services;
  const lang = context.lang;
  const contest = await findCurrentContest(db);
  if (!contest) throw new Response("Not found", { status: 404 });
  const audit = { actorUserId: organizer.id, now: clock.now() };
  const intent = String(form.get("intent") ?? "");
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : undefined;
  };
  const fail = (error: string, lines?: string[]) => data<ActionResult>({ error, lines }, { status: 400 });

  if (intent === "createUnit" || intent === "updateUnit") {
    const parsed = unitSchema.safeParse({
      name: text("name"),
      kind: text("kind"),
      parentId: text("parentId"),
      expected: text("expected"),
    });
    if (!parsed.success) return fail(firstIssue(lang, parsed.error));
    const input = { ...parsed.data };
    const result =
      intent === "createUnit"
        ? await createUnit(db, contest.id, input, audit)
        : await updateUnit(db, contest.id, idSchema.catch(0).parse(text("unitId")), input, audit);
    if (!result.ok) return fail(translateDynamic(lang, `registration.units.problem.${result.problem}`));
    return data<ActionResult>({
      ok: translate(
        lang,
        intent === "createUnit" ? "registration.units.created" : "registration.units.updated",
      ),
    });
  }

  if (intent === "deleteUnit") {
    const result = await deleteUnit(db, contest.id, idSchema.catch(0).parse(text("unitId")), audit);
    if (!result.ok) return fail(translateDynamic(lang, `registration.units.problem.${result.problem}`));
    return data<ActionResult>({ ok: translate(lang, "registration.units.deleted") });
  }

  if (intent === "importUnits") {
    const file = form.get("file");
    if (!file || typeof file === "string" || file.size === 0)
      return fail(translate(lang, "registration.units.import.noFile"));
    const read = await readUnitFile(new Uint8Array(await file.arrayBuffer()));
    if ("problem" in read) return fail(problemText(lang, read.problem));
    const { rows, problems } = parseUnitTable(read.table);
    const lineText = (p: {
      line: number | null;
      key: UnitProblem["key"] | string;
      params?: Record<string, string | number>;
    }) =>
      p.line === null
        ? translateDynamic(lang, p.key, p.params)
        : translate(lang, "registration.units.import.line", {
            line: p.line,
            message: translateDynamic(lang, p.key, p.params),
          });
    if (problems.length > 0)
      return fail(translate(lang, "registration.units.import.failed"), problems.slice(0, 50).map(lineText));
    const result = await importUnits(db, contest.id, rows, { ...audit, fileName: file.name.slice(0, 200) });
    if (!result.ok)
      return fail(
        translate(lang, "registration.units.import.failed"),
        result.problems.slice(0, 50).map(lineText),
      );
    return data<ActionResult>({
      ok: translate(lang, "registration.units.import.done", { ...result.summary }),
    });
  }

  if (intent === "saveCategory") {
    const parsed = categorySchema.safeParse({ name: text("name") });
    if (!parsed.success) return fail(firstIssue(lang, parsed.error));
    const idText = text("categoryId");
    const id = idText ? idSchema.catch(0).parse(idText) : null;
    const result = await saveCategory(db, contest.id, { id, name: parsed.data.name }, audit);
    if (!result.ok) return fail(translateDynamic(lang, `registration.categories.problem.${result.problem}`));
    return data<ActionResult>({ ok: translate(lang, "registration.categories.saved") });
  }

  if (intent === "deleteCategory") {
    const result = await deleteCategory(db, contest.id, idSchema.catch(0).parse(text("categoryId")), audit);
    if (!result.ok) return fail(translateDynamic(lang, `registration.categories.problem.${result.problem}`));
    return data<ActionResult>({ ok: translate(lang, "registration.categories.deleted") });
  }
  throw new Response("Bad request", { status: 400 });
}

function rate(registered: number, expected: number | null): string {
  if (!expected) return "—";
  return `${Math.round((registered / expected) * 1000) / 10}%`.replace(".", ",");
}

type UnitRowData = ReturnType<typeof useLoaderData<typeof loader>>["units"][number];

function UnitFields({
  unit,
  parents,
  idPrefix,
}: {
  unit?: UnitRowData;
  parents: UnitRowData[];
  idPrefix: string;
}) {
  const t = useT();
  return (
    <div className="grid two">
      <div className="field">
        <label htmlFor={`${idPrefix}-name`}>{t("registration.units.name")}</label>
        <input id={`${idPrefix}-name`} name="name" defaultValue={unit?.name ?? ""} required maxLength={250} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-parent`}>{t("registration.units.parent")}</label>
        <select id={`${idPrefix}-parent`} name="parentId" defaultValue={unit?.parentId ?? ""}>
          <option value="">{t("registration.units.noParent")}</option>
          {parents
            .filter((p) => p.id !== unit?.id)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-kind`}>{t("registration.units.kind")}</label>
        <select id={`${idPrefix}-kind`} name="kind" defaultValue={unit?.kind ?? "area"}>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`registration.units.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-expected`}>{t("registration.units.expected")}</label>
        <input
          id={`${idPrefix}-expected`}
          name="expected"
          inputMode="numeric"
          defaultValue={unit?.expected ?? ""}
          aria-describedby={`${idPrefix}-expected-hint`}
        />
        <span className="hint" id={`${idPrefix}-expected-hint`}>
          {t("registration.units.expectedHint")}
        </span>
      </div>
    </div>
  );
}

/** After the first-run page (issue 11): the unit list import is the next step. */
function WelcomeAfterSetup() {
  const t = useT();
  const [params] = useSearchParams();
  return params.get("welcome") === "1" ? (
    <p className="form-success" role="status">
      {t("organizer.setup.welcome")}
    </p>
  ) : null;
}

export default function UnitsPage() {
  const t = useT();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const parents = d.units.filter((u) => u.parentId === null);
  const totals = parents.reduce(
    (acc, u) => ({ registered: acc.registered + u.registered, expected: acc.expected + (u.expected ?? 0) }),
    { registered: 0, expected: 0 },
  );
  const kindLabel = (kind: string) => t.dynamic(`registration.units.kind.${kind}`);

  return (
    <>
      <h1>{t("registration.units.title")}</h1>
      <WelcomeAfterSetup />
      <p className="muted">{t("registration.units.intro")}</p>
      {result && "ok" in result ? (
        <p className="form-success" role="status">
          {result.ok}
        </p>
      ) : null}
      {result && "error" in result ? (
        <div className="form-error" role="alert">
          <p style={{ margin: 0 }}>{result.error}</p>
          {result.lines?.length ? (
            <ul style={{ margin: "6px 0 0" }}>
              {result.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <section className="card">
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("registration.units.name")}</th>
                <th>{t("registration.units.kind")}</th>
                <th className="num">{t("registration.console.registered")}</th>
                <th className="num">{t("registration.console.expected")}</th>
                <th className="num">{t("registration.console.rate")}</th>
                {d.canEdit ? <th /> : null}
              </tr>
            </thead>
            <tbody>
              {d.units.map((u) => (
                <tr key={u.id}>
                  <td style={u.parentId !== null ? { paddingLeft: 28 } : undefined}>
                    {u.parentId !== null ? "— " : ""}
                    {u.name}
                  </td>
                  <td>{kindLabel(u.kind)}</td>
                  <td className="num">{u.registered}</td>
                  <td className="num">{u.expected ?? "—"}</td>
                  <td className="num">{rate(u.registered, u.expected)}</td>
                  {d.canEdit ? (
                    <td>
                      <details>
                        <summary>{t("registration.units.edit")}</summary>
                        <Form method="post" style={{ minWidth: 260, marginTop: 8 }}>
                          <CsrfInput />
                          <input type="hidden" name="unitId" value={u.id} />
                          <UnitFields unit={u} parents={parents} idPrefix={`unit-${u.id}`} />
                          <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
                            <button
                              type="submit"
                              name="intent"
                              value="updateUnit"
                              className="primary"
                              disabled={busy}
                            >
                              {t("registration.units.save")}
                            </button>
                            {u.registered === 0 && !u.hasChildren ? (
                              <button
                                type="submit"
                                name="intent"
                                value="deleteUnit"
                                className="danger"
                                disabled={busy}
                              >
                                {t("registration.units.delete")}
                              </button>
                            ) : null}
                          </div>
                        </Form>
                      </details>
                    </td>
                  ) : null}
                </tr>
              ))}
              <tr>
                <th>{t("registration.units.total")}</th>
                <th />
                <th className="num">{totals.registered}</th>
                <th className="num">{totals.expected || "—"}</th>
                <th className="num">{rate(totals.registered, totals.expected)}</th>
                {d.canEdit ? <th /> : null}
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      {d.canEdit ? (
        <>
          <section className="card">
            <h2>{t("registration.units.add")}</h2>
            <Form method="post">
              <CsrfInput />
              <UnitFields parents={parents} idPrefix="new-unit" />
              <button type="submit" name="intent" value="createUnit" className="primary" disabled={busy}>
                {t("registration.units.add")}
              </button>
            </Form>
          </section>
          <section className="card">
            <h2>{t("registration.units.import.title")}</h2>
            <p className="muted">{t("registration.units.import.hint")}</p>
            <Form method="post" encType="multipart/form-data">
              <CsrfInput />
              <div className="field">
                <label htmlFor="unit-file">{t("registration.units.import.file")}</label>
                <input
                  id="unit-file"
                  name="file"
                  type="file"
                  accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                />
              </div>
              <button type="submit" name="intent" value="importUnits" className="primary" disabled={busy}>
                {t("registration.units.import.submit")}
              </button>
            </Form>
          </section>
        </>
      ) : null}

      <section className="card">
        <h2>{t("registration.categories.title")}</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{t("registration.categories.name")}</th>
                <th className="num">{t("registration.console.registered")}</th>
                {d.canEdit ? <th /> : null}
              </tr>
            </thead>
            <tbody>
              {d.categories.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td className="num">{c.registered}</td>
                  {d.canEdit ? (
                    <td>
                      <details>
                        <summary>{t("registration.categories.rename")}</summary>
                        <Form method="post" style={{ marginTop: 8 }}>
                          <CsrfInput />
                          <input type="hidden" name="categoryId" value={c.id} />
                          <div className="field">
                            <label htmlFor={`category-${c.id}`}>{t("registration.categories.name")}</label>
                            <input
                              id={`category-${c.id}`}
                              name="name"
                              defaultValue={c.name}
                              maxLength={120}
                            />
                          </div>
                          <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
                            <button
                              type="submit"
                              name="intent"
                              value="saveCategory"
                              className="primary"
                              disabled={busy}
                            >
                              {t("registration.units.save")}
                            </button>
                            {c.registered === 0 ? (
                              <button
                                type="submit"
                                name="intent"
                                value="deleteCategory"
                                className="danger"
                                disabled={busy}
                              >
                                {t("registration.units.delete")}
                              </button>
                            ) : null}
                          </div>
                        </Form>
                      </details>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {d.canEdit ? (
          <Form method="post" style={{ marginTop: 14 }}>
            <CsrfInput />
            <div className="field">
              <label htmlFor="new-category">{t("registration.categories.name")}</label>
              <input id="new-category" name="name" maxLength={120} />
            </div>
            <button type="submit" name="intent" value="saveCategory" className="primary" disabled={busy}>
              {t("registration.categories.add")}
            </button>
          </Form>
        ) : null}
      </section>
    </>
  );
}
