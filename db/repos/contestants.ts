/**
 * Contestants of a contest: registration, corrections, status, and the organizer's list.
 * Every change is written together with its audit entry (who, when, what), in one transaction.
 * One account per phone and per CCCD in a contest is settled by the unique constraints
 * `contestants_phone_unique` and `contestants_cccd_unique`, never by a check-then-insert alone.
 */
import { sql, type Expression, type SqlBool } from "kysely";
import type { IdentityData } from "~/rules/registration";
import { foldForSearch } from "~/rules/text";
import type { DuplicateCandidate } from "~/rules/duplicates";
import type { Db } from "../connection";
import type { Contestant, ContestantStatus, User } from "../schema";
import { recordAudit } from "./audit";
import { createUser } from "./users";

export { mayEnterRankedRounds } from "~/rules/registration";

/** Contestant accounts registered with this phone number (one per contest). */
export function findContestantUsersByPhone(db: Db, phone: string): Promise<User[]> {
  return db
    .selectFrom("contestants")
    .innerJoin("users", "users.id", "contestants.user_id")
    .selectAll("users")
    .where("contestants.phone", "=", phone)
    .orderBy("contestants.id", "desc")
    .execute();
}

export type ContestantView = Contestant & {
  unit_name: string;
  parent_unit_name: string | null;
  category_name: string;
  disabled_at: string | null;
};

function contestantView(db: Db) {
  return db
    .selectFrom("contestants")
    .innerJoin("units", "units.id", "contestants.unit_id")
    .leftJoin("units as parent", "parent.id", "units.parent_id")
    .innerJoin("categories", "categories.id", "contestants.category_id")
    .innerJoin("users", "users.id", "contestants.user_id")
    .selectAll("contestants")
    .select([
      "units.name as unit_name",
      "parent.name as parent_unit_name",
      "categories.name as category_name",
      "users.disabled_at as disabled_at",
    ]);
}

export function findContestant(db: Db, id: number): Promise<ContestantView | undefined> {
  return contestantView(db).where("contestants.id", "=", id).executeTakeFirst();
}

export function findContestantByUserId(db: Db, userId: number): Promise<ContestantView | undefined> {
  return contestantView(db).where("contestants.user_id", "=", userId).executeTakeFirst();
}

export type TakenField = "phone" | "cccd";

/** Which of phone and CCCD another contestant of the contest already holds (the friendly early answer). */
export async function findTakenIdentity(
  db: Db,
  input: { contestId: number; phone: string; cccd: string | null; exceptId?: number },
): Promise<TakenField | null> {
  let q = db
    .selectFrom("contestants")
    .select(["phone", "cccd"])
    .where("contest_id", "=", input.contestId)
    .where((eb) =>
      input.cccd
        ? eb.or([eb("phone", "=", input.phone), eb("cccd", "=", input.cccd)])
        : eb("phone", "=", input.phone),
    );
  if (input.exceptId !== undefined) q = q.where("id", "!=", input.exceptId);
  const rows = await q.execute();
  if (rows.some((r) => r.phone === input.phone)) return "phone";
  if (input.cccd && rows.some((r) => r.cccd === input.cccd)) return "cccd";
  return null;
}

/**
 * Which unique constraint a failed insert or update ran into, if it was one of ours. SQLite names the
 * columns ("UNIQUE constraint failed: contestants.contest_id, contestants.phone"); PostgreSQL names the
 * constraint; both are recognised.
 */
export function takenFieldOf(error: unknown): TakenField | null {
  const message = error instanceof Error ? error.message : String(error);
  if (/contestants\.phone|contestants_phone_unique/.test(message)) return "phone";
  if (/contestants\.cccd|contestants_cccd_unique/.test(message)) return "cccd";
  return null;
}

export interface RegisterInput {
  contestId: number;
  identity: IdentityData;
  passwordHash: string;
  consentAt: Date;
  now: Date;
}

export type RegisterResult =
  { ok: true; contestant: Contestant; userId: number } | { ok: false; taken: TakenField };

/** Creates the account and the contestant in one transaction; a taken phone or CCCD rolls both back. */
export async function registerContestant(db: Db, input: RegisterInput): Promise<RegisterResult> {
  const at = input.now.toISOString();
  const { identity } = input;
  try {
    return await db.transaction().execute(async (trx) => {
      const user = await createUser(trx, {
        role: "contestant",
        username: null,
        displayName: identity.fullName,
        passwordHash: input.passwordHash,
        now: input.now,
      });
      const contestant = await trx
        .insertInto("contestants")
        .values({
          user_id: user.id,
          contest_id: input.contestId,
          full_name: identity.fullName,
          name_folded: foldForSearch(identity.fullName),
          birth_date: identity.birthDate,
          gender: identity.gender,
          phone: identity.phone,
          cccd: identity.cccd,
          unit_id: identity.unitId,
          category_id: identity.categoryId,
          is_staff_member: 0,
          status: "active",
          status_reason: null,
          consent_at: input.consentAt.toISOString(),
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actorUserId: user.id,
        action: "contestant.register",
        entity: "contestant",
        entityId: contestant.id,
        details: { unitId: identity.unitId, categoryId: identity.categoryId },
        now: input.now,
      });
      return { ok: true as const, contestant, userId: user.id };
    });
  } catch (error) {
    const taken = takenFieldOf(error);
    if (taken) return { ok: false, taken };
    throw error;
  }
}

const EDITABLE: Record<keyof IdentityData, keyof Contestant> = {
  fullName: "full_name",
  birthDate: "birth_date",
  gender: "gender",
  phone: "phone",
  cccd: "cccd",
  unitId: "unit_id",
  categoryId: "category_id",
};

export interface UpdateInput {
  identity: IdentityData;
  /** Set by organizers only. */
  isStaffMember?: boolean;
  actorUserId: number;
  /** "contestant.selfEdit" or "contestant.edit". */
  action: string;
  now: Date;
}

export type UpdateResult =
  { ok: true; changed: string[] } | { ok: false; taken: TakenField } | { ok: false; missing: true };

/**
 * Writes the fields that changed and records old and new values in the audit log (the log is read by
 * admins only). The account's display name follows the full name.
 */
export async function updateContestant(db: Db, id: number, input: UpdateInput): Promise<UpdateResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom("contestants").selectAll().where("id", "=", id).executeTakeFirst();
      if (!current) return { ok: false as const, missing: true as const };
      const changes: Record<string, [unknown, unknown]> = {};
      const set: Partial<Record<keyof Contestant, unknown>> = {};
      for (const [field, column] of Object.entries(EDITABLE) as [keyof IdentityData, keyof Contestant][]) {
        const next = input.identity[field];
        if (current[column] !== next) {
          changes[field] = [current[column], next];
          set[column] = next;
        }
      }
      if (input.isStaffMember !== undefined && (current.is_staff_member === 1) !== input.isStaffMember) {
        changes.isStaffMember = [current.is_staff_member === 1, input.isStaffMember];
        set.is_staff_member = input.isStaffMember ? 1 : 0;
      }
      const changed = Object.keys(changes);
      if (changed.length === 0) return { ok: true as const, changed };
      await trx
        .updateTable("contestants")
        .set({
          ...(set as Partial<Contestant>),
          ...(changes.fullName ? { name_folded: foldForSearch(input.identity.fullName) } : {}),
          updated_at: input.now.toISOString(),
        })
        .where("id", "=", id)
        .execute();
      if (changes.fullName) {
        await trx
          .updateTable("users")
          .set({ display_name: input.identity.fullName })
          .where("id", "=", current.user_id)
          .execute();
      }
      await recordAudit(trx, {
        actorUserId: input.actorUserId,
        action: input.action,
        entity: "contestant",
        entityId: id,
        details: { changes },
        now: input.now,
      });
      return { ok: true as const, changed };
    });
  } catch (error) {
    const taken = takenFieldOf(error);
    if (taken) return { ok: false, taken };
    throw error;
  }
}

/** Disqualify or reinstate, with the reason, in the audit log too. */
export async function setContestantStatus(
  db: Db,
  id: number,
  input: { status: ContestantStatus; reason: string; actorUserId: number; now: Date },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("contestants")
      .select(["id", "status"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (!current) return false;
    await trx
      .updateTable("contestants")
      .set({ status: input.status, status_reason: input.reason, updated_at: input.now.toISOString() })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actorUserId: input.actorUserId,
      action: input.status === "disqualified" ? "contestant.disqualify" : "contestant.reinstate",
      entity: "contestant",
      entityId: id,
      details: { from: current.status, to: input.status, reason: input.reason },
      now: input.now,
    });
    return true;
  });
}

/**
 * True once the contestant has started a ranked attempt: from then on their identity is what the
 * result stands on, so only an organizer may correct it.
 */
export async function hasRankedAttempt(db: Db, contestantId: number): Promise<boolean> {
  const row = await db
    .selectFrom("attempts")
    .select("id")
    .where("contestant_id", "=", contestantId)
    .where("is_practice", "=", 0)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export const CONTESTANT_FILTER_STATUSES = ["active", "disqualified", "staff"] as const;
export type ContestantFilterStatus = (typeof CONTESTANT_FILTER_STATUSES)[number];

export interface ContestantFilter {
  contestId: number;
  /** Name (without diacritics), phone or CCCD digits. */
  q?: string;
  /** A unit, or a parent unit with all its sub-units. */
  unitId?: number;
  categoryId?: number;
  status?: ContestantFilterStatus;
  page?: number;
  pageSize?: number;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listContestants(
  db: Db,
  filter: ContestantFilter,
): Promise<{ rows: ContestantView[]; total: number }> {
  let q = contestantView(db).where("contestants.contest_id", "=", filter.contestId);
  const text = foldForSearch(filter.q ?? "").slice(0, 100);
  if (text !== "") {
    const digits = text.replace(/[\s.+-]/g, "");
    const name = `%${escapeLike(text)}%`;
    q = q.where((eb) => {
      const options: Expression<SqlBool>[] = [sql<SqlBool>`contestants.name_folded like ${name} escape '\\'`];
      if (/^\d{3,}$/.test(digits)) {
        const local = digits.startsWith("84") && digits.length > 9 ? `0${digits.slice(2)}` : digits;
        options.push(eb("contestants.phone", "like", `%${local}%`));
        options.push(eb("contestants.cccd", "like", `%${digits}%`));
      }
      return eb.or(options);
    });
  }
  if (filter.unitId) {
    const unitId = filter.unitId;
    q = q.where((eb) => eb.or([eb("units.id", "=", unitId), eb("units.parent_id", "=", unitId)]));
  }
  if (filter.categoryId) q = q.where("contestants.category_id", "=", filter.categoryId);
  if (filter.status === "active") q = q.where("contestants.status", "=", "active");
  if (filter.status === "disqualified") q = q.where("contestants.status", "=", "disqualified");
  if (filter.status === "staff") q = q.where("contestants.is_staff_member", "=", 1);

  const countRow = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const pageSize = filter.pageSize ?? 50;
  const page = Math.max(1, filter.page ?? 1);
  const rows = await q
    .orderBy("contestants.name_folded")
    .orderBy("contestants.id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(countRow.n) };
}

/** Registered contestants per unit (sub-units counted on their own rows). */
export async function countContestantsByUnit(db: Db, contestId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("contestants")
    .select(["unit_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("contest_id", "=", contestId)
    .groupBy("unit_id")
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

/** The few columns duplicate detection needs, for the whole contest. */
export async function listDuplicateCandidates(db: Db, contestId: number): Promise<DuplicateCandidate[]> {
  const rows = await db
    .selectFrom("contestants")
    .select(["id", "full_name", "birth_date", "phone", "cccd"])
    .where("contest_id", "=", contestId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    phone: r.phone,
    cccd: r.cccd,
  }));
}

export function findContestantsByIds(db: Db, ids: readonly number[]): Promise<ContestantView[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return contestantView(db).where("contestants.id", "in", ids).execute();
}

export type ContestantAuditRow = {
  id: number;
  at: string;
  action: string;
  details: string;
  actor_name: string | null;
};

/** What was done to this contestant's record, newest first: shown to organizers beside the record. */
export function listContestantAudit(db: Db, contestantId: number): Promise<ContestantAuditRow[]> {
  return db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.details",
      "users.display_name as actor_name",
    ])
    .where("audit_log.entity", "=", "contestant")
    .where("audit_log.entity_id", "=", String(contestantId))
    .orderBy("audit_log.id", "desc")
    .limit(200)
    .execute();
}
