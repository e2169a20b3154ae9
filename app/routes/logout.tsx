import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endSession, getCurrentUser } from "~/lib/auth.server";
import { readProtectedForm } from "~/lib/csrf.server";

export async function loader() {
  return redirect("/");
}

/** POST /logout ends this session; with everywhere=1, every session of the account. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readProtectedForm(request, context);
  const user = await getCurrentUser(request, context);
  if (!user) return redirect("/");
  const cookie = await endSession(context, user, form.get("everywhere") === "1");
  return redirect("/", { headers: { "Set-Cookie": cookie } });
}
