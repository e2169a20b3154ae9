/**
 * Importing a question file in two steps (docs/decisions/0001-import-preview.md): the preview parses the
 * file, flags every row's problems and duplicates, and keeps the valid rows here under a random token;
 * the confirm step writes exactly those rows, all in one transaction or none.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import {
  questionDraftSchema,
  questionProblems,
  type Difficulty,
  type Problem,
  type QuestionDraft,
} from "~/rules/question";
import { detectFormat, findDuplicates, parseQuestionFile, type ImportFormat } from "~/rules/question-formats";
import {
  type EncodedPicture,
  type PictureEncoder,
  type PictureSlot,
} from "~/rules/question-formats/pictures";
import { problem } from "~/rules/question-formats/problems";
import { foldForDuplicate, tidy } from "~/rules/text";
import { bankFindings, questionWarnings } from "~/rules/item-writing";
import type { Db } from "../connection";
import { recordAudit } from "./audit";
import { savePictures } from "./question-pictures";
import { bankFoldedTexts, ensureTopics, insertQuestion, listTopics } from "./questions";

/** How long a preview waits for its confirmation. */
export const IMPORT_TTL_MS = 60 * 60 * 1000;

export interface PreviewRow {
  line: number;
  /** Null when the row could not be read as a question at all. */
  draft: QuestionDraft | null;
  problems: Problem[];
  /** What does not stop the row: a missing explanation or source, item-writing cues (issue 12). */
  warnings?: Problem[];
  /** Re-encoded pictures of the row (issue 15). */
  pictures: { slot: PictureSlot; picture: EncodedPicture }[];
}

export interface ImportPreview {
  /** Null when nothing can be imported (no valid row, or the file could not be read). */
  token: string | null;
  fileName: string;
  format: ImportFormat | null;
  fileProblems: Problem[];
  rows: PreviewRow[];
  validCount: number;
  problemCount: number;
  /** Topics the import would add to the organizer's list. */
  newTopics: string[];
  expiresAt: string | null;
}

export interface PreviewInput {
  userId: number;
  fileName: string;
  bytes: Uint8Array;
  defaults?: { topic?: string; difficulty?: Difficulty };
  now: Date;
  /** Re-encodes the pictures a file carries; without it a row with pictures cannot be imported. */
  encodePicture?: PictureEncoder;
}

/** Aiken cannot carry an explanation or a source: such rows are kept (as future drafts) with them empty. */
const storedDraftSchema = questionDraftSchema.extend({
  explanation: z.string().max(3000),
  source: questionDraftSchema.shape.source.extend({ document: z.string().max(300) }),
});
const storedPictureSchema = z.object({
  slot: z.string().regex(/^(question|option:[0-5])$/),
  fileName: z.string().max(200),
  mime: z.string().max(30),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  alt: z.string().max(500),
  sha256: z.string().length(64),
  base64: z.string(),
});
const storedRowSchema = z.object({
  line: z.number().int(),
  draft: storedDraftSchema,
  pictures: z.array(storedPictureSchema).default([]),
});
const storedRowsSchema = z.array(storedRowSchema);

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

export async function previewImport(db: Db, input: PreviewInput): Promise<ImportPreview> {
  const fileName = tidy(input.fileName).slice(0, 300);
  const format = detectFormat(fileName, input.bytes);
  const empty = {
    token: null,
    fileName,
    format,
    rows: [],
    validCount: 0,
    problemCount: 0,
    newTopics: [],
    expiresAt: null,
  };
  if (!format) return { ...empty, fileProblems: [{ code: "unsupportedFormat" }] };
  const parsed = await parseQuestionFile(format, input.bytes, { defaults: input.defaults });
  if (parsed.fileProblems.length > 0 && parsed.rows.length === 0)
    return { ...empty, fileProblems: parsed.fileProblems };

  // Pictures are re-encoded now, so the preview already says which ones cannot be read.
  const picturesByLine = new Map<number, PreviewRow["pictures"]>();
  const pictureProblemsByLine = new Map<number, Problem[]>();
  for (const row of parsed.rows) {
    if (!row.pictures) continue;
    const wanted: {
      slot: PictureSlot;
      raw: NonNullable<typeof row.pictures.question>;
      kind: "question" | "option";
    }[] = [];
    if (row.pictures.question)
      wanted.push({ slot: "question", raw: row.pictures.question, kind: "question" });
    for (const [index, raw] of Object.entries(row.pictures.options ?? {}))
      wanted.push({ slot: `option:${Number(index)}`, raw, kind: "option" });
    const list: PreviewRow["pictures"] = [];
    const problems: Problem[] = [];
    for (const { slot, raw, kind } of wanted) {
      const result = input.encodePicture
        ? await input.encodePicture(raw, kind)
        : ({ ok: false, code: "pictureUnreadable" } as const);
      if (result.ok) list.push({ slot, picture: result.picture });
      else
        problems.push({
          ...problem(result.code, { name: raw.name, maxMb: 5, maxPixels: 24, ...row.label }),
          line: row.line,
        });
    }
    picturesByLine.set(row.line, list);
    pictureProblemsByLine.set(row.line, problems);
  }

  const candidates = parsed.rows.flatMap((row) =>
    row.draft ? [{ text: row.draft.text, line: row.line }] : [],
  );
  const duplicates = findDuplicates(candidates, await bankFoldedTexts(db));
  const duplicatesByLine = new Map(candidates.map((c, i) => [c.line, duplicates[i] ?? []]));
  const findings = bankFindings(
    parsed.rows.flatMap((row) => (row.draft ? [{ ref: String(row.line), draft: row.draft }] : [])),
  );
  const bankWarningsByLine = new Map(
    parsed.rows.filter((row) => row.draft).map((row, i) => [row.line, findings.perItem[i] ?? []]),
  );
  const rows: PreviewRow[] = parsed.rows.map((row) => {
    const warnings = [
      ...(row.warnings ?? []),
      ...(row.draft ? questionWarnings(row.draft) : []),
      ...(bankWarningsByLine.get(row.line) ?? []),
    ].map((w) => ({ ...w, line: row.line }));
    return {
      line: row.line,
      draft: row.draft,
      problems: [
        ...row.problems,
        ...(pictureProblemsByLine.get(row.line) ?? []),
        ...(duplicatesByLine.get(row.line) ?? []).map((p) =>
          row.label ? { ...p, params: { ...p.params, ...row.label } } : p,
        ),
      ],
      ...(warnings.length > 0 ? { warnings } : {}),
      pictures: picturesByLine.get(row.line) ?? [],
    };
  });
  const valid = rows.filter(
    (r): r is PreviewRow & { draft: QuestionDraft } => r.draft !== null && r.problems.length === 0,
  );

  const known = new Set((await listTopics(db)).map((t) => t.name));
  const newTopics = [...new Set(valid.map((r) => tidy(r.draft.topic)))].filter((name) => !known.has(name));

  const base = {
    fileName,
    format,
    fileProblems: parsed.fileProblems,
    rows,
    validCount: valid.length,
    problemCount: rows.length - valid.length,
    newTopics,
  };
  if (valid.length === 0) return { ...base, token: null, expiresAt: null };

  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + IMPORT_TTL_MS).toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom("question_imports").where("expires_at", "<", input.now.toISOString()).execute();
    await trx
      .insertInto("question_imports")
      .values({
        id: sha256(token),
        user_id: input.userId,
        file_name: fileName,
        format,
        file_sha256: sha256(input.bytes),
        rows: JSON.stringify(
          valid.map((r) => ({
            line: r.line,
            draft: r.draft,
            pictures: r.pictures.map(({ slot, picture }) => ({
              slot,
              fileName: picture.fileName,
              mime: picture.mime,
              width: picture.width,
              height: picture.height,
              alt: picture.alt,
              sha256: picture.sha256,
              base64: Buffer.from(picture.bytes).toString("base64"),
            })),
          })),
        ),
        row_count: rows.length,
        problem_row_count: rows.length - valid.length,
        created_at: input.now.toISOString(),
        expires_at: expiresAt,
        confirmed_at: null,
      })
      .execute();
  });
  return { ...base, token, expiresAt };
}

/**
 * Writes checked drafts to the bank: approved when asked and every rule holds, drafts otherwise (a
 * question missing its explanation or source). The console's confirm step and `questions:import` both
 * call it, inside their transaction, and record the audit entry beside it.
 */
export async function writeImportedRows(
  db: Db,
  input: { drafts: readonly QuestionDraft[]; approve: boolean; now: Date },
): Promise<{ questionIds: number[]; approved: number }> {
  const topics = await ensureTopics(
    db,
    input.drafts.map((d) => tidy(d.topic)),
  );
  const questionIds: number[] = [];
  let approved = 0;
  for (const draft of input.drafts) {
    const ready = input.approve && questionProblems(draft).length === 0;
    if (ready) approved++;
    questionIds.push(
      await insertQuestion(db, {
        draft: { ...draft, topic: tidy(draft.topic) },
        topicId: topics.get(tidy(draft.topic))!.id,
        status: ready ? "approved" : "draft",
        key: null,
        now: input.now,
      }),
    );
  }
  return { questionIds, approved };
}

export type ConfirmResult =
  | { ok: true; questionIds: number[]; approved: number }
  | { ok: false; reason: "notFound" | "expired" | "alreadyConfirmed" | "bankChanged"; lines?: number[] };

export interface ConfirmInput {
  token: string;
  userId: number;
  /** Approve the imported rows that meet every rule; the others stay drafts. */
  approve: boolean;
  now: Date;
}

/**
 * Writes the preview's valid rows, with their audit entry, in one transaction. If the bank gained one of
 * the same questions since the preview, nothing is written: the organizer previews again.
 */
export async function confirmImport(db: Db, input: ConfirmInput): Promise<ConfirmResult> {
  return db.transaction().execute(async (trx): Promise<ConfirmResult> => {
    const stored = await trx
      .selectFrom("question_imports")
      .selectAll()
      .where("id", "=", sha256(input.token))
      .where("user_id", "=", input.userId)
      .executeTakeFirst();
    if (!stored) return { ok: false, reason: "notFound" };
    if (stored.confirmed_at !== null) return { ok: false, reason: "alreadyConfirmed" };
    if (stored.expires_at < input.now.toISOString()) return { ok: false, reason: "expired" };
    const rows = storedRowsSchema.parse(JSON.parse(stored.rows));

    const existing = new Set(await bankFoldedTexts(trx));
    const clashes = rows.filter((r) => existing.has(foldForDuplicate(r.draft.text))).map((r) => r.line);
    if (clashes.length > 0) return { ok: false, reason: "bankChanged", lines: clashes };

    const { questionIds, approved } = await writeImportedRows(trx, {
      drafts: rows.map((r) => r.draft),
      approve: input.approve,
      now: input.now,
    });
    let pictures = 0;
    for (const [i, { pictures: stored }] of rows.entries()) {
      if (stored.length === 0) continue;
      const { current_version_id } = await trx
        .selectFrom("questions")
        .select("current_version_id")
        .where("id", "=", questionIds[i]!)
        .executeTakeFirstOrThrow();
      await savePictures(
        trx,
        current_version_id!,
        stored.map(({ slot, base64, ...picture }) => ({
          slot: slot as PictureSlot,
          picture: { ...picture, bytes: Buffer.from(base64, "base64") },
        })),
        input.now,
      );
      pictures += stored.length;
    }
    await trx
      .updateTable("question_imports")
      .set({ confirmed_at: input.now.toISOString() })
      .where("id", "=", stored.id)
      .execute();
    await recordAudit(trx, {
      actorUserId: input.userId,
      action: "questions.import",
      entity: "question",
      entityId: null,
      details: {
        file: stored.file_name,
        format: stored.format,
        sha256: stored.file_sha256,
        imported: questionIds.length,
        approved,
        pictures,
        skippedRows: stored.problem_row_count,
        questionIds,
      },
      now: input.now,
    });
    return { ok: true, questionIds, approved };
  });
}
