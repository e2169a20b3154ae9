/**
 * The bank, or the part the list's filters select, as a file in any format it imports. Judges may read the
 * bank, so they may export it; every export is in the audit log (who took which questions, when).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireStaff } from "~/lib/auth.server";
import { EXPORT_FORMATS, FILE_EXTENSIONS, MEDIA_TYPES, serializeQuestions } from "~/rules/question-formats";
import { formatVnDate } from "~/rules/vn-time";
import { exportDrafts, filterFromParams } from "#db/repos/questions";
import { recordAudit } from "#db/repos/audit";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const { db, clock } = context.services;
  const url = new URL(request.url);
  const format = z.enum(EXPORT_FORMATS).catch("xlsx").parse(url.searchParams.get("format"));
  const filter = filterFromParams(url.searchParams);
  const now = clock.now();
  const drafts = await db.transaction().execute(async (trx) => {
    const found = await exportDrafts(trx, filter);
    await recordAudit(trx, {
      actorUserId: user.id,
      action: "questions.export",
      entity: "question",
      details: { format, filter, count: found.length },
      now,
    });
    return found;
  });
  const body = await serializeQuestions(format, drafts);
  const day = formatVnDate(now).split("/").reverse().join("-");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": MEDIA_TYPES[format],
      "Content-Disposition": `attachment; filename="ngan-hang-cau-hoi-${day}${FILE_EXTENSIONS[format]}"`,
      "Cache-Control": "no-store",
    },
  });
}
