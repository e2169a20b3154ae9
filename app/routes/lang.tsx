import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { serialize } from "cookie";
import { readProtectedForm } from "~/lib/csrf.server";
import { safeNext } from "~/lib/auth.server";

export async function loader() {
  return redirect("/");
}

/** Switches the interface language; the choice lives in a cookie for a year. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readProtectedForm(request, context);
  const lang = form.get("lang") === "en" ? "en" : "vi";
  const back = safeNext(new URL(request.headers.get("Referer") ?? "/", "http://x").pathname, "/");
  return redirect(back, {
    headers: {
      "Set-Cookie": serialize("lang", lang, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 }),
    },
  });
}
