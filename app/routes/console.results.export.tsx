/**
 * Downloads of results: /console/results/export?round=ID&format=xlsx|csv, or ?contest=ID. Staff only:
 * judges may read results, so they may take the file; exports change nothing, and each one is in the
 * audit log (server/results/export.ts).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireStaff } from "~/lib/auth.server";
import { EXPORT_FORMATS, exportResults } from "#server/results/export";

const id = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
const querySchema = z.union([
  z.object({ round: id, format: z.enum(EXPORT_FORMATS).catch("xlsx") }),
  z.object({ contest: id, format: z.enum(EXPORT_FORMATS).catch("xlsx") }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request, context);
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new Response("Bad request", { status: 400 });
  const q = query.data;
  const file = await exportResults(context.services, {
    target: "round" in q ? { roundId: q.round } : { contestId: q.contest },
    format: q.format,
    actorUserId: user.id,
    via: "web",
    // The audit log is the admin's to read (/console/audit): nobody else's download carries it.
    withAuditLog: user.role === "admin",
  });
  if (!file) throw new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Content-Length": String(file.body.length),
      "Cache-Control": "no-store",
    },
  });
}
