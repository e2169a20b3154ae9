import { useRouteLoaderData } from "@remix-run/react";

/** The hidden CSRF token every state-changing form carries (see server/security/csrf.ts). */
export function CsrfInput() {
  const data = useRouteLoaderData("root") as { csrfToken: string } | undefined;
  return <input type="hidden" name="csrf" value={data?.csrfToken ?? ""} />;
}

export function useCsrfToken(): string {
  const data = useRouteLoaderData("root") as { csrfToken: string } | undefined;
  return data?.csrfToken ?? "";
}
