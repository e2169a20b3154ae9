/**
 * Read-only queries behind the organizers' results: the export workbook, the statistics dashboard,
 * the printable and public winners lists, and the filterable audit log. Each reads what one sheet or
 * chart needs in one query; the shaping is done by the pure functions in server/results/.
 */
import { sql, type SqlBool } from "kysely";
import type { Db } from "../connection";
import type { AuditEntry, ContestantStatus, Gender, RoundRanking } from "../schema";

/** A ranked (not practice) attempt of a round with its contestant, unit and category. */
export interface AttemptDetail {
  attemptId: number;
  roundId: number;
  contestantId: number;
  status: "in_progress" | "submitted";
  startedAt: string;
  submittedAt: string | null;
  score: number | null;
  correctCount: number | null;
  durationMs: number | null;
  prediction: number | null;
  allCorrect: boolean;
  fullName: string;
  birthDate: string;
  gender: Gender;
  phone: string;
  contestantStatus: ContestantStatus;
  unitId: number;
  unitName: string;
  /** The unit's parent (xã for a thôn), or the unit itself when it is top level. */
  topUnitId: number;
  topUnitName: string;
  categoryId: number;
  categoryName: string;
}

function attemptDetails(db: Db) {
  return db
    .selectFrom("attempts")
    .innerJoin("contestants", "contestants.id", "attempts.contestant_id")
    .innerJoin("units", "units.id", "contestants.unit_id")
    .leftJoin("units as parent", "parent.id", "units.parent_id")
    .innerJoin("categories", "categories.id", "contestants.category_id")
    .select([
      "attempts.id",
      "attempts.round_id",
      "attempts.contestant_id",
      "attempts.status",
      "attempts.started_at",
      "attempts.submitted_at",
      "attempts.score",
      "attempts.correct_count",
      "attempts.duration_ms",
      "attempts.prediction",
      "attempts.all_correct",
      "contestants.full_name",
      "contestants.birth_date",
      "contestants.gender",
      "contestants.phone",
      "contestants.status as contestant_status",
      "contestants.unit_id",
      "units.name as unit_name",
      "parent.id as parent_id",
      "parent.name as parent_name",
      "contestants.category_id",
      "categories.name as category_name",
    ])
    .where("attempts.is_practice", "=", 0);
}

type DetailRow = Awaited<ReturnType<ReturnType<typeof attemptDetails>["execute"]>>[number];

function toDetail(r: DetailRow): AttemptDetail {
  return {
    attemptId: r.id,
    roundId: r.round_id ?? 0,
    contestantId: r.contestant_id,
    status: r.status,
    startedAt: r.started_at,
    submittedAt: r.submitted_at,
    score: r.score,
    correctCount: r.correct_count,
    durationMs: r.duration_ms,
    prediction: r.prediction,
    allCorrect: r.all_correct === 1,
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender,
    phone: r.phone,
    contestantStatus: r.contestant_status,
    unitId: r.unit_id,
    unitName: r.unit_name,
    topUnitId: r.parent_id ?? r.unit_id,
    topUnitName: r.parent_name ?? r.unit_name,
    categoryId: r.category_id,
    categoryName: r.category_name,
  };
}

/** Every ranked attempt of a round, in progress or submitted, oldest first. */
export async function listRoundAttemptDetails(db: Db, roundId: number): Promise<AttemptDetail[]> {
  const rows = await attemptDetails(db)
    .where("attempts.round_id", "=", roundId)
    .orderBy("attempts.id")
    .execute();
  return rows.map(toDetail);
}

/** Every ranked attempt of every round of a contest, oldest first. */
export async function listContestAttemptDetails(db: Db, contestId: number): Promise<AttemptDetail[]> {
  const rows = await attemptDetails(db)
    .innerJoin("rounds", "rounds.id", "attempts.round_id")
    .where("rounds.contest_id", "=", contestId)
    .where("rounds.is_rehearsal", "=", 0)
    .orderBy("attempts.id")
    .execute();
  return rows.map(toDetail);
}

/** The stored official snapshot of a round, in rank order. */
export function listStoredRanking(db: Db, roundId: number): Promise<RoundRanking[]> {
  return db
    .selectFrom("round_rankings")
    .selectAll()
    .where("round_id", "=", roundId)
    .orderBy("rank")
    .execute();
}

/** One question as one contestant saw and answered it. */
export interface AnswerDetail {
  attemptId: number;
  position: number;
  questionId: number;
  questionVersionId: number;
  version: number;
  questionKey: string | null;
  text: string;
  options: string[];
  /** Original indexes. */
  correct: number[];
  /** optionOrder[displayIndex] = original index. */
  optionOrder: number[];
  chosen: number[] | null;
  answeredAt: string | null;
  isCorrect: boolean | null;
}

/** The items of a round's submitted ranked attempts, by attempt and position. */
export async function listRoundAnswers(db: Db, roundId: number): Promise<AnswerDetail[]> {
  const rows = await db
    .selectFrom("attempt_items")
    .innerJoin("attempts", "attempts.id", "attempt_items.attempt_id")
    .innerJoin("question_versions", "question_versions.id", "attempt_items.question_version_id")
    .innerJoin("questions", "questions.id", "question_versions.question_id")
    .select([
      "attempt_items.attempt_id",
      "attempt_items.position",
      "attempt_items.option_order",
      "attempt_items.chosen",
      "attempt_items.answered_at",
      "attempt_items.is_correct",
      "question_versions.id as version_id",
      "question_versions.question_id",
      "question_versions.version",
      "question_versions.text",
      "question_versions.options",
      "question_versions.correct",
      "questions.key",
    ])
    .where("attempts.round_id", "=", roundId)
    .where("attempts.is_practice", "=", 0)
    .where("attempts.status", "=", "submitted")
    .orderBy("attempt_items.attempt_id")
    .orderBy("attempt_items.position")
    .execute();
  // Versions repeat across thousands of items: parse each one's JSON once.
  const versions = new Map<number, { options: string[]; correct: number[] }>();
  return rows.map((r) => {
    let version = versions.get(r.version_id);
    if (!version) {
      version = { options: JSON.parse(r.options) as string[], correct: JSON.parse(r.correct) as number[] };
      versions.set(r.version_id, version);
    }
    return {
      attemptId: r.attempt_id,
      position: r.position,
      questionId: r.question_id,
      questionVersionId: r.version_id,
      version: r.version,
      questionKey: r.key,
      text: r.text,
      options: version.options,
      correct: version.correct,
      optionOrder: JSON.parse(r.option_order) as number[],
      chosen: r.chosen === null ? null : (JSON.parse(r.chosen) as number[]),
      answeredAt: r.answered_at,
      isCorrect: r.is_correct === null ? null : r.is_correct === 1,
    };
  });
}

/** Registered contestants per unit and per category (active or not: registration is what it counts). */
export async function registrationCounts(
  db: Db,
  contestId: number,
): Promise<{ byUnit: Map<number, number>; byCategory: Map<number, number> }> {
  const units = await db
    .selectFrom("contestants")
    .select(["unit_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("contest_id", "=", contestId)
    .groupBy("unit_id")
    .execute();
  const categories = await db
    .selectFrom("contestants")
    .select(["category_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("contest_id", "=", contestId)
    .groupBy("category_id")
    .execute();
  return {
    byUnit: new Map(units.map((r) => [r.unit_id, Number(r.n)])),
    byCategory: new Map(categories.map((r) => [r.category_id, Number(r.n)])),
  };
}

// ---------------------------------------------------------------------------------------------------
// The audit log, filtered and paged for admins (db/repos/audit.ts keeps the writer).

export interface AuditQuery {
  action?: string;
  entity?: string;
  actorUserId?: number;
  /** ISO instants, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  /** Matches inside the details JSON and the entity id. */
  text?: string;
  page?: number;
  pageSize?: number;
}

export type AuditLogRow = AuditEntry & { actor_name: string | null; actor_username: string | null };

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function queryAuditLog(
  db: Db,
  query: AuditQuery,
): Promise<{ rows: AuditLogRow[]; total: number }> {
  let q = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .selectAll("audit_log")
    .select(["users.display_name as actor_name", "users.username as actor_username"]);
  if (query.action) q = q.where("audit_log.action", "=", query.action);
  if (query.entity) q = q.where("audit_log.entity", "=", query.entity);
  if (query.actorUserId) q = q.where("audit_log.actor_user_id", "=", query.actorUserId);
  if (query.from) q = q.where("audit_log.at", ">=", query.from);
  if (query.to) q = q.where("audit_log.at", "<", query.to);
  if (query.text) {
    const like = `%${escapeLike(query.text)}%`;
    q = q.where((eb) =>
      eb.or([
        // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
        sql<SqlBool>`lower(audit_log.details) like lower(${like}) escape '\\'`,
        eb("audit_log.entity_id", "=", query.text ?? ""),
      ]),
    );
  }
  const count = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const pageSize = query.pageSize ?? 100;
  const page = Math.max(1, query.page ?? 1);
  const rows = await q
    .orderBy("audit_log.id", "desc")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { rows, total: Number(count.n) };
}

/** The actions and entities present, and the staff who acted: the audit page's filter choices. */
export async function auditFilterChoices(db: Db) {
  const actions = await db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute();
  const entities = await db.selectFrom("audit_log").select("entity").distinct().orderBy("entity").execute();
  const actors = await db
    .selectFrom("users")
    .select(["id", "display_name", "username", "role"])
    .where("role", "!=", "contestant")
    .orderBy("display_name")
    .execute();
  return {
    actions: actions.map((a) => a.action),
    entities: entities.map((e) => e.entity),
    actors: actors.map((a) => ({ id: a.id, name: a.display_name, username: a.username, role: a.role })),
  };
}
