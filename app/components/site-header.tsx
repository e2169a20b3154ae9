import { Form, Link, useRouteLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { CsrfInput } from "./csrf-input";

interface HeaderData {
  lang: "vi" | "en";
  user: { role: string; displayName: string } | null;
}

export function SiteHeader() {
  const t = useT();
  const data = useRouteLoaderData("root") as HeaderData | undefined;
  const user = data?.user ?? null;
  const isStaff = user !== null && user.role !== "contestant";
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <Link to="/" className="brand">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <span>{t("app.name")}</span>
      </Link>
      <nav aria-label={t("nav.home")} className="site-nav">
        {isStaff ? <Link to="/console">{t("nav.console")}</Link> : null}
        {user ? (
          <>
            <Link to="/account" className="user-name">
              {user.displayName}
            </Link>
            <Form method="post" action="/logout">
              <CsrfInput />
              <button type="submit" className="link-button">
                {t("nav.logout")}
              </button>
            </Form>
          </>
        ) : (
          <Link to="/login">{t("nav.login")}</Link>
        )}
        <Form method="post" action="/lang" className="lang-form">
          <CsrfInput />
          <input type="hidden" name="lang" value={data?.lang === "en" ? "vi" : "en"} />
          <button type="submit" className="link-button" lang={data?.lang === "en" ? "vi" : "en"}>
            {t("lang.switch")}
          </button>
        </Form>
      </nav>
    </header>
  );
}
