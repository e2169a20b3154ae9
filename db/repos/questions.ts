import { z } from "zod";
import {
  DIFFICULTIES,
  QUESTION_STATUSES,
  type Difficulty,
  type QuestionDraft,
  type QuestionStatus,
  type QuestionType,
} from "~/rules/question";
import { foldForDuplicate } from "~/rules/text";
import type { Db } from "../connection";
import { copyPictures } from "./question-pictures";
import type { Question, QuestionVersion, Topic } from "../schema";

/** Topics by name, creating the missing ones at the end of the list. */
export async function ensureTopics(db: Db, names: readonly string[]): Promise<Map<string, Topic>> {
  const existing = await db.selectFrom("topics").selectAll().execute();
  const byName = new Map(existing.map((t) => [t.name, t]));
  let order = existing.reduce((max, t) => Math.max(max, t.sort_order), 0);
  for (const name of names) {
    if (byName.has(name)) continue;
    const topic = await db
      .insertInto("topics")
      .values({ name, sort_order: ++order })
      .returningAll()
      .executeTakeFirstOrThrow();
    byName.set(name, topic);
  }
  return byName;
}

export function listTopics(db: Db): Promise<Topic[]> {
  return db.selectFrom("topics").selectAll().orderBy("sort_order").orderBy("id").execute();
}

export interface InsertQuestionInput {
  draft: QuestionDraft;
  topicId: number;
  status: QuestionStatus;
  key: string | null;
  now: Date;
}

/** The version columns for a draft's validity and exclusion groups (null / "[]" when it has none). */
export function validityColumns(draft: QuestionDraft) {
  return {
    valid_from: draft.validFrom ?? null,
    valid_until: draft.validUntil ?? null,
    basis: JSON.stringify(draft.basis ?? []),
    exclusion_groups: JSON.stringify(draft.exclusionGroups ?? []),
  };
}

/** A new question with its first version. Run it inside a transaction with its siblings. */
export async function insertQuestion(db: Db, input: InsertQuestionInput): Promise<number> {
  const { draft, now } = input;
  const at = now.toISOString();
  const question = await db
    .insertInto("questions")
    .values({
      key: input.key,
      topic_id: input.topicId,
      difficulty: draft.difficulty,
      type: draft.type,
      status: input.status,
      current_version_id: null,
      text_folded: foldForDuplicate(draft.text),
      source_document: draft.source.document,
      tags: JSON.stringify(draft.tags),
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto("question_versions")
    .values({
      question_id: question.id,
      version: 1,
      text: draft.text,
      options: JSON.stringify(draft.options),
      correct: JSON.stringify(draft.correct),
      explanation: draft.explanation,
      source_document: draft.source.document,
      source_title: draft.source.title,
      source_article: draft.source.article,
      ...validityColumns(draft),
      created_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .updateTable("questions")
    .set({ current_version_id: version.id })
    .where("id", "=", question.id)
    .execute();
  return question.id;
}

// ——— Reading the bank (console list, counts, export) ———

export interface QuestionFilter {
  /** Matched against the question's text without diacritics, case or punctuation. */
  search?: string;
  topicId?: number;
  difficulty?: Difficulty;
  status?: QuestionStatus;
  /** The source document, exactly as stored. */
  source?: string;
}

export interface QuestionListRow {
  id: number;
  key: string | null;
  topicId: number;
  topicName: string;
  difficulty: Difficulty;
  type: QuestionType;
  status: QuestionStatus;
  text: string;
  sourceDocument: string;
  version: number;
  updatedAt: string;
}

const filterSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  topic: z.coerce.number().int().positive().optional().catch(undefined),
  difficulty: z.enum(DIFFICULTIES).optional().catch(undefined),
  status: z.enum(QUESTION_STATUSES).optional().catch(undefined),
  source: z.string().max(300).catch(""),
});

/** The filter from an address's query (q, topic, difficulty, status, source); anything odd is ignored. */
export function filterFromParams(params: URLSearchParams): QuestionFilter {
  const f = filterSchema.parse({
    q: params.get("q") ?? "",
    topic: params.get("topic") || undefined,
    difficulty: params.get("difficulty") || undefined,
    status: params.get("status") || undefined,
    source: params.get("source") ?? "",
  });
  return { search: f.q, topicId: f.topic, difficulty: f.difficulty, status: f.status, source: f.source };
}

function filtered(db: Db, filter: QuestionFilter) {
  let q = db
    .selectFrom("questions")
    .innerJoin("topics", "topics.id", "questions.topic_id")
    .innerJoin("question_versions", "question_versions.id", "questions.current_version_id");
  const search = foldForDuplicate(filter.search ?? "");
  // foldForDuplicate leaves letters, digits and spaces only, so the pattern holds no LIKE wildcards.
  if (search !== "") q = q.where("questions.text_folded", "like", `%${search}%`);
  if (filter.topicId !== undefined) q = q.where("questions.topic_id", "=", filter.topicId);
  if (filter.difficulty !== undefined) q = q.where("questions.difficulty", "=", filter.difficulty);
  if (filter.status !== undefined) q = q.where("questions.status", "=", filter.status);
  if (filter.source !== undefined && filter.source !== "")
    q = q.where("questions.source_document", "=", filter.source);
  return q;
}

export async function listQuestions(
  db: Db,
  filter: QuestionFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: QuestionListRow[]; total: number }> {
  const total = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, filter)
    .select([
      "questions.id",
      "questions.key",
      "questions.topic_id",
      "topics.name as topic_name",
      "questions.difficulty",
      "questions.type",
      "questions.status",
      "question_versions.text",
      "questions.source_document",
      "question_versions.version",
      "questions.updated_at",
    ])
    .orderBy("topics.sort_order")
    .orderBy("questions.id")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      id: r.id,
      key: r.key,
      topicId: r.topic_id,
      topicName: r.topic_name,
      difficulty: r.difficulty,
      type: r.type,
      status: r.status,
      text: r.text,
      sourceDocument: r.source_document,
      version: r.version,
      updatedAt: r.updated_at,
    })),
  };
}

export interface BankCount {
  topicId: number;
  difficulty: Difficulty;
  status: QuestionStatus;
  count: number;
}

/** Questions per topic, difficulty and status: whether a round's draw can be filled. */
export async function countQuestions(db: Db): Promise<BankCount[]> {
  const rows = await db
    .selectFrom("questions")
    .select(["topic_id", "difficulty", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["topic_id", "difficulty", "status"])
    .execute();
  return rows.map((r) => ({
    topicId: r.topic_id,
    difficulty: r.difficulty,
    status: r.status,
    count: Number(r.n),
  }));
}

/** Every source document cited in the bank, for the filter. */
export async function listSourceDocuments(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom("questions")
    .select("source_document")
    .distinct()
    .where("source_document", "!=", "")
    .orderBy("source_document")
    .execute();
  return rows.map((r) => r.source_document);
}

/** The folded texts of every question in the bank, whatever its status: for duplicate checks. */
export async function bankFoldedTexts(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("questions").select("text_folded").execute();
  return rows.map((r) => r.text_folded);
}

function versionToDraft(
  topic: string,
  q: Pick<Question, "type" | "difficulty" | "tags">,
  v: QuestionVersion,
): QuestionDraft {
  return {
    topic,
    type: q.type,
    difficulty: q.difficulty,
    text: v.text,
    options: z.array(z.string()).parse(JSON.parse(v.options)),
    correct: z.array(z.number().int()).parse(JSON.parse(v.correct)),
    explanation: v.explanation,
    source: { document: v.source_document, title: v.source_title, article: v.source_article },
    tags: z.array(z.string()).parse(JSON.parse(q.tags)),
    ...(v.valid_from ? { validFrom: v.valid_from } : {}),
    ...(v.valid_until ? { validUntil: v.valid_until } : {}),
    ...optionalList("basis", v.basis),
    ...optionalList("exclusionGroups", v.exclusion_groups),
  };
}

function optionalList<K extends string>(name: K, json: string): Partial<Record<K, string[]>> {
  const list = z
    .array(z.string())
    .catch([])
    .parse(JSON.parse(json || "[]"));
  return list.length > 0 ? ({ [name]: list } as Partial<Record<K, string[]>>) : {};
}

/** The current version of every question matching the filter, as drafts: what an export writes. */
export async function exportDrafts(db: Db, filter: QuestionFilter): Promise<QuestionDraft[]> {
  const rows = await filtered(db, filter)
    .selectAll("question_versions")
    .select(["topics.name as topic_name", "questions.type", "questions.difficulty", "questions.tags"])
    .orderBy("topics.sort_order")
    .orderBy("questions.id")
    .execute();
  return rows.map((r) => versionToDraft(r.topic_name, r, r));
}

/**
 * The current version of every question still in use (drafts and approved), with its id and key: what the
 * editor compares one question against (leaks, near-duplicate stems, issue 12).
 */
export async function bankItems(db: Db): Promise<{ id: number; key: string | null; draft: QuestionDraft }[]> {
  const rows = await filtered(db, {})
    .where("questions.status", "!=", "retired")
    .selectAll("question_versions")
    .select([
      "questions.id as question_id",
      "questions.key as question_key",
      "topics.name as topic_name",
      "questions.type",
      "questions.difficulty",
      "questions.tags",
    ])
    .orderBy("questions.id")
    .execute();
  return rows.map((r) => ({
    id: r.question_id,
    key: r.question_key,
    draft: versionToDraft(r.topic_name, r, r),
  }));
}

/** The current version of each question `exportDrafts` returns, in the same order: to fetch their pictures. */
export async function exportVersionIds(db: Db, filter: QuestionFilter): Promise<number[]> {
  const rows = await filtered(db, filter)
    .select("question_versions.id as version_id")
    .orderBy("topics.sort_order")
    .orderBy("questions.id")
    .execute();
  return rows.map((r) => r.version_id);
}

// ——— One question ———

export interface QuestionDetail {
  question: Question;
  version: QuestionVersion;
  topic: Topic;
  draft: QuestionDraft;
  /** Attempts that refer to the current version: editing then makes a new version. */
  currentVersionUses: number;
  /** Whether any version of the question was ever in an attempt: then it can be retired, never deleted. */
  everUsed: boolean;
  versions: number;
}

export async function findQuestion(db: Db, id: number): Promise<QuestionDetail | undefined> {
  const question = await db.selectFrom("questions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!question || question.current_version_id === null) return undefined;
  const version = await db
    .selectFrom("question_versions")
    .selectAll()
    .where("id", "=", question.current_version_id)
    .executeTakeFirstOrThrow();
  const topic = await db
    .selectFrom("topics")
    .selectAll()
    .where("id", "=", question.topic_id)
    .executeTakeFirstOrThrow();
  const uses = await db
    .selectFrom("attempt_items")
    .innerJoin("question_versions", "question_versions.id", "attempt_items.question_version_id")
    .where("question_versions.question_id", "=", id)
    .select([
      (eb) => eb.fn.countAll<number>().as("all"),
      (eb) =>
        eb.fn
          .sum<number>(
            eb.case().when("attempt_items.question_version_id", "=", version.id).then(1).else(0).end(),
          )
          .as("current"),
    ])
    .executeTakeFirstOrThrow();
  const versions = await db
    .selectFrom("question_versions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("question_id", "=", id)
    .executeTakeFirstOrThrow();
  return {
    question,
    version,
    topic,
    draft: versionToDraft(topic.name, question, version),
    currentVersionUses: Number(uses.current ?? 0),
    everUsed: Number(uses.all) > 0,
    versions: Number(versions.n),
  };
}

/** True when some attempt refers to this version: it is then frozen for good. */
export async function isVersionUsed(db: Db, versionId: number): Promise<boolean> {
  const row = await db
    .selectFrom("attempt_items")
    .select("attempt_id")
    .where("question_version_id", "=", versionId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface UpdateQuestionInput {
  id: number;
  draft: QuestionDraft;
  topicId: number;
  now: Date;
}

/**
 * Saves an edit. A version an attempt refers to is never changed: the edit becomes version N+1 and the
 * question points to it. A version nobody has seen is changed in place. Run inside a transaction.
 */
export async function updateQuestion(
  db: Db,
  input: UpdateQuestionInput,
): Promise<{ versionId: number; version: number; newVersion: boolean }> {
  const { draft, now } = input;
  const at = now.toISOString();
  const question = await db
    .selectFrom("questions")
    .select(["id", "current_version_id"])
    .where("id", "=", input.id)
    .executeTakeFirstOrThrow();
  const current = await db
    .selectFrom("question_versions")
    .select(["id", "version"])
    .where("id", "=", question.current_version_id)
    .executeTakeFirstOrThrow();
  const content = {
    text: draft.text,
    options: JSON.stringify(draft.options),
    correct: JSON.stringify(draft.correct),
    explanation: draft.explanation,
    source_document: draft.source.document,
    source_title: draft.source.title,
    source_article: draft.source.article,
    ...validityColumns(draft),
  };
  let result: { versionId: number; version: number; newVersion: boolean };
  if (await isVersionUsed(db, current.id)) {
    const last = await db
      .selectFrom("question_versions")
      .select((eb) => eb.fn.max("version").as("v"))
      .where("question_id", "=", input.id)
      .executeTakeFirstOrThrow();
    const version = Number(last.v ?? current.version) + 1;
    const inserted = await db
      .insertInto("question_versions")
      .values({ question_id: input.id, version, created_at: at, ...content })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The picture belongs to the version; an edit of the text keeps it on the new one (issue 15).
    await copyPictures(db, current.id, inserted.id, now);
    result = { versionId: inserted.id, version, newVersion: true };
  } else {
    await db.updateTable("question_versions").set(content).where("id", "=", current.id).execute();
    result = { versionId: current.id, version: current.version, newVersion: false };
  }
  await db
    .updateTable("questions")
    .set({
      topic_id: input.topicId,
      difficulty: draft.difficulty,
      type: draft.type,
      current_version_id: result.versionId,
      text_folded: foldForDuplicate(draft.text),
      source_document: draft.source.document,
      tags: JSON.stringify(draft.tags),
      updated_at: at,
    })
    .where("id", "=", input.id)
    .execute();
  return result;
}

export async function setQuestionStatus(
  db: Db,
  id: number,
  status: QuestionStatus,
  now: Date,
): Promise<void> {
  await db
    .updateTable("questions")
    .set({ status, updated_at: now.toISOString() })
    .where("id", "=", id)
    .execute();
}

/**
 * Deletes a draft nobody has ever seen. Returns false (and deletes nothing) for any other question:
 * a question that was used is retired instead, so past attempts keep their text.
 */
export async function deleteUnusedDraft(db: Db, id: number): Promise<boolean> {
  const question = await db
    .selectFrom("questions")
    .select(["id", "status"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!question || question.status !== "draft") return false;
  const used = await db
    .selectFrom("attempt_items")
    .innerJoin("question_versions", "question_versions.id", "attempt_items.question_version_id")
    .select("attempt_items.attempt_id")
    .where("question_versions.question_id", "=", id)
    .limit(1)
    .executeTakeFirst();
  if (used) return false;
  await db.updateTable("questions").set({ current_version_id: null }).where("id", "=", id).execute();
  await db.deleteFrom("question_versions").where("question_id", "=", id).execute();
  await db.deleteFrom("questions").where("id", "=", id).execute();
  return true;
}

/** A new topic at the end of the organizer's list (or the existing one of that name). */
export async function addTopic(db: Db, name: string): Promise<Topic> {
  const topics = await ensureTopics(db, [name]);
  return topics.get(name)!;
}

export interface ExpiringQuestion {
  id: number;
  key: string | null;
  topicName: string;
  text: string;
  status: QuestionStatus;
  validUntil: string;
  basis: string[];
}

/**
 * Questions (not retired) whose key stops being true in [from, until]: validUntil after `from` and no
 * later than `until` (ISO dates). The console lists those expiring within the contest's year (issue 12).
 */
export async function listExpiringQuestions(
  db: Db,
  window: { from: string; until: string },
): Promise<ExpiringQuestion[]> {
  const rows = await db
    .selectFrom("questions")
    .innerJoin("topics", "topics.id", "questions.topic_id")
    .innerJoin("question_versions", "question_versions.id", "questions.current_version_id")
    .select([
      "questions.id",
      "questions.key",
      "topics.name as topic_name",
      "question_versions.text",
      "questions.status",
      "question_versions.valid_until",
      "question_versions.basis",
    ])
    .where("questions.status", "!=", "retired")
    .where("question_versions.valid_until", ">", window.from)
    .where("question_versions.valid_until", "<=", window.until)
    .orderBy("question_versions.valid_until")
    .orderBy("questions.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    topicName: r.topic_name,
    text: r.text,
    status: r.status,
    validUntil: r.valid_until!,
    basis: z
      .array(z.string())
      .catch([])
      .parse(JSON.parse(r.basis || "[]")),
  }));
}
