/**
 * Pictures of question versions (issue 15). A version's pictures are written once with it and never
 * changed, so an attempt keeps showing what the contestant saw; a new version copies or replaces them.
 */
import {
  pictureUrl,
  type EncodedPicture,
  type PictureSlot,
  type PictureView,
} from "~/rules/question-formats/pictures";
import type { Db } from "../connection";

export interface SlotPicture {
  slot: PictureSlot;
  picture: EncodedPicture;
}

export async function savePictures(
  db: Db,
  versionId: number,
  pictures: readonly SlotPicture[],
  now: Date,
): Promise<void> {
  for (const { slot, picture } of pictures)
    await db
      .insertInto("question_pictures")
      .values({
        question_version_id: versionId,
        slot,
        file_name: picture.fileName,
        mime: picture.mime,
        width: picture.width,
        height: picture.height,
        alt: picture.alt,
        sha256: picture.sha256,
        byte_size: picture.bytes.byteLength,
        bytes: Buffer.from(picture.bytes),
        created_at: now.toISOString(),
      })
      .execute();
}

export interface VersionPictures {
  question: PictureView | null;
  /** By option index, original order. */
  options: Record<number, PictureView>;
  /** File names, for exports and the results workbook. */
  fileNames: Partial<Record<PictureSlot, string>>;
}

export const NO_PICTURES: VersionPictures = { question: null, options: {}, fileNames: {} };

/** The pictures of several versions, without their bytes. */
export async function picturesOfVersions(
  db: Db,
  versionIds: readonly number[],
): Promise<Map<number, VersionPictures>> {
  const result = new Map<number, VersionPictures>();
  if (versionIds.length === 0) return result;
  const rows = await db
    .selectFrom("question_pictures")
    .select(["id", "question_version_id", "slot", "file_name", "width", "height", "alt", "sha256"])
    .where("question_version_id", "in", [...new Set(versionIds)])
    .orderBy("id")
    .execute();
  for (const row of rows) {
    const entry = result.get(row.question_version_id) ?? { question: null, options: {}, fileNames: {} };
    const view: PictureView = {
      url: pictureUrl(row.id, row.sha256),
      width: row.width,
      height: row.height,
      alt: row.alt,
    };
    const slot = row.slot as PictureSlot;
    if (slot === "question") entry.question = view;
    else entry.options[Number(slot.slice("option:".length))] = view;
    entry.fileNames[slot] = row.file_name;
    result.set(row.question_version_id, entry);
  }
  return result;
}

/** The stored bytes of a version's pictures, for an export. */
export async function pictureFilesOfVersions(
  db: Db,
  versionIds: readonly number[],
): Promise<Map<number, (SlotPicture & { id: number })[]>> {
  const result = new Map<number, (SlotPicture & { id: number })[]>();
  if (versionIds.length === 0) return result;
  const rows = await db
    .selectFrom("question_pictures")
    .selectAll()
    .where("question_version_id", "in", [...new Set(versionIds)])
    .orderBy("id")
    .execute();
  for (const r of rows) {
    const list = result.get(r.question_version_id) ?? [];
    list.push({
      id: r.id,
      slot: r.slot as PictureSlot,
      picture: {
        fileName: r.file_name,
        mime: r.mime,
        width: r.width,
        height: r.height,
        alt: r.alt,
        sha256: r.sha256,
        bytes: r.bytes,
      },
    });
    result.set(r.question_version_id, list);
  }
  return result;
}

/** One picture's bytes by its id, only when the address also names its hash (ids alone are guessable). */
export async function findPictureBytes(
  db: Db,
  id: number,
  shaPrefix: string,
): Promise<{ mime: string; bytes: Uint8Array; sha256: string } | undefined> {
  const row = await db
    .selectFrom("question_pictures")
    .select(["mime", "bytes", "sha256"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row || !row.sha256.startsWith(shaPrefix) || shaPrefix.length < 16) return undefined;
  return row;
}

/** Copies one version's pictures to a new version (an edit of the text keeps the picture). */
export async function copyPictures(
  db: Db,
  fromVersionId: number,
  toVersionId: number,
  now: Date,
): Promise<void> {
  const files = (await pictureFilesOfVersions(db, [fromVersionId])).get(fromVersionId) ?? [];
  await savePictures(db, toVersionId, files, now);
}

/** Sets (or, with null, removes) a version's picture in one slot. Run inside a transaction. */
export async function replacePicture(
  db: Db,
  versionId: number,
  slot: PictureSlot,
  picture: EncodedPicture | null,
  now: Date,
): Promise<void> {
  await db
    .deleteFrom("question_pictures")
    .where("question_version_id", "=", versionId)
    .where("slot", "=", slot)
    .execute();
  if (picture) await savePictures(db, versionId, [{ slot, picture }], now);
}
