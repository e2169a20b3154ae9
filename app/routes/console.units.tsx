import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { UnitsPage, type UnitsActionResult } from "~/components/units/units-page";
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

type ActionResult = UnitsActionResult;

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

export default function UnitsRoute() {
  return <UnitsPage data={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
