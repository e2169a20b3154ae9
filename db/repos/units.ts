/**
 * A contest's units (đơn vị, at most two levels: xã → thôn) and contestant categories (đối tượng),
 * kept by organizers. Each change is written with its audit entry.
 */
import type { UnitKind, UnitRow } from "~/rules/unit-list";
import { foldForDuplicate } from "~/rules/text";
import type { Db } from "../connection";
import type { Category, Unit } from "../schema";
import { recordAudit } from "./audit";

export type UnitWithCount = Unit & { registered: number };

/** Units in display order (each parent followed by its sub-units), with registered contestants. */
export async function listUnitsWithCounts(db: Db, contestId: number): Promise<UnitWithCount[]> {
  const units = await db
    .selectFrom("units")
    .leftJoin("contestants", "contestants.unit_id", "units.id")
    .selectAll("units")
    .select((eb) => eb.fn.count<number>("contestants.id").as("registered"))
    .where("units.contest_id", "=", contestId)
    .groupBy("units.id")
    .orderBy("units.sort_order")
    .orderBy("units.id")
    .execute();
  const rows = units.map((u) => ({ ...u, registered: Number(u.registered) }));
  return orderAsTree(rows);
}

/** Parents in their order, each followed by its children in theirs. */
export function orderAsTree<T extends { id: number; parent_id: number | null }>(units: readonly T[]): T[] {
  const children = new Map<number, T[]>();
  for (const u of units) {
    if (u.parent_id === null) continue;
    const list = children.get(u.parent_id);
    if (list) list.push(u);
    else children.set(u.parent_id, [u]);
  }
  const ids = new Set(units.map((u) => u.id));
  const out: T[] = [];
  for (const u of units) {
    // An orphan (parent in another contest, which should not happen) is shown as top level.
    if (u.parent_id !== null && ids.has(u.parent_id)) continue;
    out.push(u, ...(children.get(u.id) ?? []));
  }
  return out;
}

/** Units a contestant may choose: those without sub-units. */
export function selectableUnitIds(units: readonly Pick<Unit, "id" | "parent_id">[]): number[] {
  const parents = new Set(units.map((u) => u.parent_id).filter((id): id is number => id !== null));
  return units.filter((u) => !parents.has(u.id)).map((u) => u.id);
}

async function nextSortOrder(db: Db, contestId: number): Promise<number> {
  const row = await db
    .selectFrom("units")
    .select((eb) => eb.fn.max<number>("sort_order").as("m"))
    .where("contest_id", "=", contestId)
    .executeTakeFirst();
  return Number(row?.m ?? 0) + 1;
}

export interface UnitInput {
  name: string;
  kind: UnitKind;
  parentId: number | null;
  expected: number | null;
}

export type UnitChangeResult =
  { ok: true; id: number } | { ok: false; problem: "parentInvalid" | "nameTaken" | "inUse" | "missing" };

async function parentProblem(db: Db, contestId: number, parentId: number | null, selfId?: number) {
  if (parentId === null) return null;
  if (parentId === selfId) return "parentInvalid" as const;
  const parent = await db
    .selectFrom("units")
    .select(["id", "parent_id"])
    .where("id", "=", parentId)
    .where("contest_id", "=", contestId)
    .executeTakeFirst();
  // Two levels at most: the parent must itself be top level.
  if (!parent || parent.parent_id !== null) return "parentInvalid" as const;
  if (selfId !== undefined) {
    const child = await db
      .selectFrom("units")
      .select("id")
      .where("parent_id", "=", selfId)
      .executeTakeFirst();
    if (child) return "parentInvalid" as const;
  }
  return null;
}

async function nameTaken(db: Db, contestId: number, input: UnitInput, selfId?: number): Promise<boolean> {
  const siblings = await db
    .selectFrom("units")
    .select(["id", "name"])
    .where("contest_id", "=", contestId)
    .where((eb) =>
      input.parentId === null ? eb("parent_id", "is", null) : eb("parent_id", "=", input.parentId),
    )
    .execute();
  const folded = foldForDuplicate(input.name);
  return siblings.some((s) => s.id !== selfId && foldForDuplicate(s.name) === folded);
}

export async function createUnit(
  db: Db,
  contestId: number,
  input: UnitInput,
  audit: { actorUserId: number; now: Date },
): Promise<UnitChangeResult> {
  return db.transaction().execute(async (trx) => {
    const problem = await parentProblem(trx, contestId, input.parentId);
    if (problem) return { ok: false as const, problem };
    if (await nameTaken(trx, contestId, input)) return { ok: false as const, problem: "nameTaken" as const };
    const row = await trx
      .insertInto("units")
      .values({
        contest_id: contestId,
        parent_id: input.parentId,
        name: input.name,
        kind: input.kind,
        expected_headcount: input.expected,
        sort_order: await nextSortOrder(trx, contestId),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      ...audit,
      action: "unit.create",
      entity: "unit",
      entityId: row.id,
      details: { ...input },
    });
    return { ok: true as const, id: row.id };
  });
}

export async function updateUnit(
  db: Db,
  contestId: number,
  id: number,
  input: UnitInput,
  audit: { actorUserId: number; now: Date },
): Promise<UnitChangeResult> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("units")
      .selectAll()
      .where("id", "=", id)
      .where("contest_id", "=", contestId)
      .executeTakeFirst();
    if (!current) return { ok: false as const, problem: "missing" as const };
    const problem = await parentProblem(trx, contestId, input.parentId, id);
    if (problem) return { ok: false as const, problem };
    if (await nameTaken(trx, contestId, input, id))
      return { ok: false as const, problem: "nameTaken" as const };
    // A unit with contestants cannot become a parent of others, and a parent cannot get contestants:
    // that is kept by only offering childless units at registration.
    await trx
      .updateTable("units")
      .set({
        name: input.name,
        kind: input.kind,
        parent_id: input.parentId,
        expected_headcount: input.expected,
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      ...audit,
      action: "unit.update",
      entity: "unit",
      entityId: id,
      details: {
        before: {
          name: current.name,
          kind: current.kind,
          parentId: current.parent_id,
          expected: current.expected_headcount,
        },
        after: { ...input },
      },
    });
    return { ok: true as const, id };
  });
}

/** Only a unit nobody registered under and with no sub-units can go. */
export async function deleteUnit(
  db: Db,
  contestId: number,
  id: number,
  audit: { actorUserId: number; now: Date },
): Promise<UnitChangeResult> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx
      .selectFrom("units")
      .selectAll()
      .where("id", "=", id)
      .where("contest_id", "=", contestId)
      .executeTakeFirst();
    if (!unit) return { ok: false as const, problem: "missing" as const };
    const used =
      (await trx.selectFrom("contestants").select("id").where("unit_id", "=", id).executeTakeFirst()) ??
      (await trx.selectFrom("units").select("id").where("parent_id", "=", id).executeTakeFirst());
    if (used) return { ok: false as const, problem: "inUse" as const };
    await trx.deleteFrom("units").where("id", "=", id).execute();
    await recordAudit(trx, {
      ...audit,
      action: "unit.delete",
      entity: "unit",
      entityId: id,
      details: { name: unit.name },
    });
    return { ok: true as const, id };
  });
}

export interface ImportSummary {
  created: number;
  updated: number;
}

export type ImportResult =
  | { ok: true; summary: ImportSummary }
  | {
      ok: false;
      problems: {
        line: number;
        key: "registration.units.import.parentUnknown" | "registration.units.import.parentIsChild";
        params: Record<string, string>;
      }[];
    };

/**
 * Adds the units of an imported list, or updates kind and expected headcount of those already there
 * (matched by name under the same parent, without diacritics or case). Nothing is deleted: a unit
 * missing from the file may already have contestants. All or nothing.
 */
export async function importUnits(
  db: Db,
  contestId: number,
  rows: readonly UnitRow[],
  audit: { actorUserId: number; now: Date; fileName: string },
): Promise<ImportResult> {
  return db
    .transaction()
    .execute(async (trx) => {
      const existing = await trx
        .selectFrom("units")
        .selectAll()
        .where("contest_id", "=", contestId)
        .execute();
      const key = (parentId: number | null, name: string) => `${parentId ?? ""}|${foldForDuplicate(name)}`;
      const byKey = new Map(existing.map((u) => [key(u.parent_id, u.name), u]));
      const topByName = new Map(
        existing.filter((u) => u.parent_id === null).map((u) => [foldForDuplicate(u.name), u.id]),
      );
      const childNames = new Set(
        existing.filter((u) => u.parent_id !== null).map((u) => foldForDuplicate(u.name)),
      );
      let order = await nextSortOrder(trx, contestId);
      const summary: ImportSummary = { created: 0, updated: 0 };
      const problems: Extract<ImportResult, { ok: false }>["problems"] = [];

      const upsert = async (row: UnitRow, parentId: number | null) => {
        const found = byKey.get(key(parentId, row.name));
        if (found) {
          if (
            found.kind !== row.kind ||
            (row.expected !== null && found.expected_headcount !== row.expected)
          ) {
            await trx
              .updateTable("units")
              .set({ kind: row.kind, expected_headcount: row.expected ?? found.expected_headcount })
              .where("id", "=", found.id)
              .execute();
            summary.updated++;
          }
          return found.id;
        }
        const created = await trx
          .insertInto("units")
          .values({
            contest_id: contestId,
            parent_id: parentId,
            name: row.name,
            kind: row.kind,
            expected_headcount: row.expected,
            sort_order: order++,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        summary.created++;
        return created.id;
      };

      // Top-level rows first, so that sub-units further up the file find their parent.
      for (const row of rows.filter((r) => r.parent === null)) {
        topByName.set(foldForDuplicate(row.name), await upsert(row, null));
      }
      for (const row of rows.filter((r) => r.parent !== null)) {
        const parentName = foldForDuplicate(row.parent ?? "");
        const parentId = topByName.get(parentName);
        if (parentId === undefined) {
          const key = childNames.has(parentName)
            ? ("registration.units.import.parentIsChild" as const)
            : ("registration.units.import.parentUnknown" as const);
          problems.push({ line: row.line, key, params: { parent: row.parent ?? "" } });
          continue;
        }
        await upsert(row, parentId);
      }
      if (problems.length > 0) {
        // Throwing rolls the transaction back; the problems go back to the organizer.
        throw new ImportRollback(problems);
      }
      await recordAudit(trx, {
        actorUserId: audit.actorUserId,
        now: audit.now,
        action: "unit.import",
        entity: "unit",
        details: { file: audit.fileName, rows: rows.length, ...summary },
      });
      return { ok: true as const, summary };
    })
    .catch((error: unknown) => {
      if (error instanceof ImportRollback) return { ok: false as const, problems: error.problems };
      throw error;
    });
}

class ImportRollback extends Error {
  constructor(readonly problems: Extract<ImportResult, { ok: false }>["problems"]) {
    super("unit import rolled back");
  }
}

// ---------------------------------------------------------------------------------------------------
// Categories

export type CategoryWithCount = Category & { registered: number };

export async function listCategoriesWithCounts(db: Db, contestId: number): Promise<CategoryWithCount[]> {
  const rows = await db
    .selectFrom("categories")
    .leftJoin("contestants", "contestants.category_id", "categories.id")
    .selectAll("categories")
    .select((eb) => eb.fn.count<number>("contestants.id").as("registered"))
    .where("categories.contest_id", "=", contestId)
    .groupBy("categories.id")
    .orderBy("categories.sort_order")
    .orderBy("categories.id")
    .execute();
  return rows.map((r) => ({ ...r, registered: Number(r.registered) }));
}

export type CategoryChangeResult = { ok: true } | { ok: false; problem: "nameTaken" | "inUse" | "missing" };

export async function saveCategory(
  db: Db,
  contestId: number,
  input: { id: number | null; name: string },
  audit: { actorUserId: number; now: Date },
): Promise<CategoryChangeResult> {
  return db.transaction().execute(async (trx) => {
    const all = await trx.selectFrom("categories").selectAll().where("contest_id", "=", contestId).execute();
    const folded = foldForDuplicate(input.name);
    if (all.some((c) => c.id !== input.id && foldForDuplicate(c.name) === folded))
      return { ok: false as const, problem: "nameTaken" as const };
    if (input.id === null) {
      const order = Math.max(0, ...all.map((c) => c.sort_order)) + 1;
      const row = await trx
        .insertInto("categories")
        .values({ contest_id: contestId, name: input.name, sort_order: order })
        .returning("id")
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        ...audit,
        action: "category.create",
        entity: "category",
        entityId: row.id,
        details: { name: input.name },
      });
      return { ok: true as const };
    }
    const current = all.find((c) => c.id === input.id);
    if (!current) return { ok: false as const, problem: "missing" as const };
    await trx.updateTable("categories").set({ name: input.name }).where("id", "=", current.id).execute();
    await recordAudit(trx, {
      ...audit,
      action: "category.rename",
      entity: "category",
      entityId: current.id,
      details: { from: current.name, to: input.name },
    });
    return { ok: true as const };
  });
}

export async function deleteCategory(
  db: Db,
  contestId: number,
  id: number,
  audit: { actorUserId: number; now: Date },
): Promise<CategoryChangeResult> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("categories")
      .selectAll()
      .where("id", "=", id)
      .where("contest_id", "=", contestId)
      .executeTakeFirst();
    if (!current) return { ok: false as const, problem: "missing" as const };
    const used = await trx
      .selectFrom("contestants")
      .select("id")
      .where("category_id", "=", id)
      .executeTakeFirst();
    if (used) return { ok: false as const, problem: "inUse" as const };
    await trx.deleteFrom("categories").where("id", "=", id).execute();
    await recordAudit(trx, {
      ...audit,
      action: "category.delete",
      entity: "category",
      entityId: id,
      details: { name: current.name },
    });
    return { ok: true as const };
  });
}

export interface UnitChoice {
  id: number;
  name: string;
  /** Sub-units to choose from instead of the unit itself; empty when the unit is chosen directly. */
  children: { id: number; name: string }[];
}

/** What the registration form offers: units as a two-level tree, categories, and the ids that may be chosen. */
export async function registrationChoices(db: Db, contestId: number) {
  const units = orderAsTree(
    await db
      .selectFrom("units")
      .selectAll()
      .where("contest_id", "=", contestId)
      .orderBy("sort_order")
      .orderBy("id")
      .execute(),
  );
  const categories = await db
    .selectFrom("categories")
    .select(["id", "name"])
    .where("contest_id", "=", contestId)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  const tree: UnitChoice[] = [];
  for (const u of units) {
    if (u.parent_id === null) tree.push({ id: u.id, name: u.name, children: [] });
    else tree.find((p) => p.id === u.parent_id)?.children.push({ id: u.id, name: u.name });
  }
  return {
    units: tree,
    categories,
    unitIds: selectableUnitIds(units),
    categoryIds: categories.map((c) => c.id),
  };
}
