import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import "@fontsource/be-vietnam-pro/vietnamese-600.css";
import "@fontsource/be-vietnam-pro/vietnamese-700.css";
import "@fontsource/be-vietnam-pro/latin-400.css";
import "@fontsource/be-vietnam-pro/latin-600.css";
import "@fontsource/be-vietnam-pro/latin-700.css";
import "./styles/app.css";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { getCurrentUser } from "./lib/auth.server";
import { SiteHeader } from "./components/site-header";
import { ErrorPage } from "./components/error-page";
import type { Lang } from "./i18n";
import { useNonce } from "./lib/nonce";
import { DemoBanner } from "./components/organizer/demo-banner";
import { hasDemoContest } from "#db/repos/contest-life";

export const meta: MetaFunction = () => [{ title: "Hội thi tìm hiểu về Chuyển đổi số" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request, context);
  return {
    lang: context.lang,
    csrfToken: context.csrf.token,
    requestId: context.requestId,
    user: user ? { id: user.id, role: user.role, displayName: user.displayName } : null,
    demo: await hasDemoContest(context.services.db),
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData("root") as { lang: Lang } | undefined;
  const nonce = useNonce();
  return (
    <html lang={data?.lang ?? "vi"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#0b4f8a" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData("root") as RootData | undefined;
  return (
    <>
      {data?.demo ? <DemoBanner /> : null}
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData("root") as RootData | undefined;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <>
      <SiteHeader />
      <ErrorPage
        status={status}
        requestId={data?.requestId}
        csrf={isRouteErrorResponse(error) && error.statusText === "csrf"}
      />
    </>
  );
}
