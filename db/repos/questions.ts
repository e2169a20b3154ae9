import type { QuestionDraft, QuestionStatus } from "~/rules/question";
import { foldForDuplicate } from "~/rules/text";
import type { Db } from "../connection";
import type { Topic } from "../schema";

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
