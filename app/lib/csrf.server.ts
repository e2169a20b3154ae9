import type { AppLoadContext } from "@remix-run/node";
import { CSRF_FIELD, CSRF_HEADER, isValidCsrf } from "#server/security/csrf";

/**
 * Reads the form and checks its CSRF token; a forged or stale form gets 403 and changes nothing.
 * Every action that changes state starts with this.
 */
export async function readProtectedForm(request: Request, context: AppLoadContext): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    // Not a form at all (text/plain, a broken multipart body): a bad request, never a server error.
    throw new Response("Bad request", { status: 400, statusText: "bad request" });
  }
  const token = form.get(CSRF_FIELD) ?? request.headers.get(CSRF_HEADER);
  if (!isValidCsrf(context.services.config.sessionSecret, context.csrf.cookieValue, token)) {
    throw new Response("CSRF", { status: 403, statusText: "csrf" });
  }
  return form;
}
