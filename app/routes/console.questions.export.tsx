/**
 * The bank, or the part the list's filters select, as a file in any format it imports. Judges may read the
 * bank, so they may export it; every export is in the audit log (who took which questions, when).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireStaff } from "~/lib/auth.server";
import {
  EXPORT_FORMATS,
  FILE_EXTENSIONS,
  MEDIA_TYPES,
  serializeBankZip,
  serializeQuestions,
  type DraftPictures,
} from "~/rules/question-formats";
import { translate } from "~/i18n";
import { workbookText } from "~/i18n/workbook";
import { formatVnDate } from "~/rules/vn-time";
import { exportDrafts, exportVersionIds, filterFromParams } from "#db/repos/questions";
import { pictureFilesOfVersions } from "#db/repos/question-pictures";
import { recordAudit } from "#db/repos/audit";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { db, clock } = context.services;
  const url = new URL(request.url);
  const format = z.enum(EXPORT_FORMATS).catch("xlsx").parse(url.searchParams.get("format"));
  const filter = filterFromParams(url.searchParams);
  const now = clock.now();
  const { drafts, pictures } = await db.transaction().execute(async (trx) => {
    const found = await exportDrafts(trx, filter);
    // Pictures (issue 15): Excel and CSV travel in a .zip with a pictures/ folder; GIFT and Aiken cannot.
    const versionIds = await exportVersionIds(trx, filter);
    const files = await pictureFilesOfVersions(trx, versionIds);
    const byDraft = versionIds.map((id): DraftPictures | undefined => {
      const list = files.get(id);
      if (!list) return undefined;
      const p: DraftPictures = {};
      for (const { slot, picture } of list) {
        const file = { fileName: picture.fileName, alt: picture.alt, bytes: picture.bytes };
        if (slot === "question") p.question = file;
        else (p.options ??= {})[Number(slot.slice("option:".length))] = file;
      }
      return p;
    });
    await recordAudit(trx, {
      actorUserId: user.id,
      action: "questions.export",
      entity: "question",
      details: { format, filter, count: found.length, withPictures: byDraft.filter(Boolean).length },
      now,
    });
    return { drafts: found, pictures: byDraft };
  });
  const withPictures = pictures.filter(Boolean).length;
  const zipped = withPictures > 0 && (format === "xlsx" || format === "csv");
  let body = zipped
    ? await serializeBankZip(format, drafts, pictures, workbookText("vi"))
    : await serializeQuestions(format, drafts, workbookText("vi"));
  if (withPictures > 0 && format === "gift")
    body = Buffer.concat([
      Buffer.from(`// ${translate("vi", "media.exportNoPictures", { n: withPictures })}\n\n`),
      body,
    ]);
  const day = formatVnDate(now).split("/").reverse().join("-");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": zipped ? "application/zip" : MEDIA_TYPES[format],
      "Content-Disposition": `attachment; filename="ngan-hang-cau-hoi-${day}${zipped ? ".zip" : FILE_EXTENSIONS[format]}"`,
      ...(withPictures > 0 && !zipped ? { "X-Pictures-Left-Out": String(withPictures) } : {}),
      "Cache-Control": "no-store",
    },
  });
}
