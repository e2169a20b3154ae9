/** The Excel template organizers fill in: the header, drop-down lists, one example row and a guide sheet. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/lib/auth.server";
import { workbookText } from "~/i18n/workbook";
import { MEDIA_TYPES, xlsxTemplate } from "~/rules/question-formats";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireStaff(request, context);
  const body = await xlsxTemplate(workbookText(context.lang));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": MEDIA_TYPES.xlsx,
      "Content-Disposition": 'attachment; filename="mau-nhap-cau-hoi.xlsx"',
      "Cache-Control": "no-store",
    },
  });
}
