/**
 * The question's picture from the editor (issue 15): upload or replace it, change its description, or
 * remove it. The description is required. A version an attempt refers to is never changed: the change
 * then becomes a new version, exactly as a text edit does (`updateQuestion`).
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { translate } from "~/i18n";
import { requireEditor, requireStaff } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";
import { recordAudit } from "#db/repos/audit";
import { pictureFilesOfVersions, replacePicture } from "#db/repos/question-pictures";
import { findQuestion, updateQuestion } from "#db/repos/questions";
import { MAX_PICTURE_BYTES, encodePicture } from "#server/media/pictures";

const fieldsSchema = z.object({
  intent: z.enum(["save", "remove"]),
  alt: z.string().trim().max(500).catch(""),
});

/** Only the form posts here; reading the address leads staff to the question (and others to log in). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const id = z.coerce.number().int().positive().safeParse(params.id);
  throw redirect(id.success ? `/console/questions/${id.data}` : "/console/questions");
}

export type PictureActionResult = { ok: string } | { error: string };

export async function action({ request, params, context }: ActionFunctionArgs): Promise<PictureActionResult> {
  const user = await requireEditor(request, context);
  const lang = context.lang;
  const maxMb = MAX_PICTURE_BYTES / 1024 / 1024;
  const length = Number(request.headers.get("Content-Length") ?? Number.NaN);
  if (!Number.isFinite(length) || length > MAX_PICTURE_BYTES + 64 * 1024)
    return { error: translate(lang, "media.pictureBad", { maxMb }) };
  const form = await readProtectedForm(request, context);
  const id = z.coerce.number().int().positive().safeParse(params.id);
  const { db, clock } = context.services;
  const found = id.success ? await findQuestion(db, id.data) : undefined;
  if (!found) throw new Response("Not found", { status: 404 });
  const fields = fieldsSchema.parse(Object.fromEntries(form));
  const now = clock.now();

  let encoded = null;
  if (fields.intent === "save") {
    if (fields.alt === "") return { error: translate(lang, "media.pictureAltMissing") };
    const file = form.get("picture");
    const current = (await pictureFilesOfVersions(db, [found.version.id]))
      .get(found.version.id)
      ?.find((p) => p.slot === "question");
    if (file instanceof File && file.size > 0) {
      if (file.size > MAX_PICTURE_BYTES) return { error: translate(lang, "media.pictureBad", { maxMb }) };
      const result = await encodePicture(
        { name: file.name, alt: fields.alt, data: new Uint8Array(await file.arrayBuffer()) },
        "question",
      );
      if (!result.ok) return { error: translate(lang, "media.pictureBad", { maxMb }) };
      encoded = result.picture;
    } else if (current) encoded = { ...current.picture, alt: fields.alt };
    else return { error: translate(lang, "media.pictureBad", { maxMb }) };
  }

  await db.transaction().execute(async (trx) => {
    const saved = await updateQuestion(trx, {
      id: found.question.id,
      draft: found.draft,
      topicId: found.topic.id,
      now,
    });
    await replacePicture(trx, saved.versionId, "question", encoded, now);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: encoded ? "question.picture" : "question.pictureRemove",
      entity: "question",
      entityId: found.question.id,
      details: { version: saved.version, newVersion: saved.newVersion, sha256: encoded?.sha256 ?? null },
      now,
    });
  });
  return { ok: translate(lang, encoded ? "media.pictureSaved" : "media.pictureRemoved") };
}
