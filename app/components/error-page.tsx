import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** A friendly page for 404, 403 and 500; the details are in the server log under the request id. */
export function ErrorPage({
  status,
  requestId,
  csrf,
}: {
  status: number;
  requestId?: string;
  csrf?: boolean;
}) {
  const t = useT();
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : "server";
  return (
    <main id="main" className="page narrow error-page">
      <p className="error-code" aria-hidden="true">
        {status}
      </p>
      <h1>{t(`error.${kind}.title`)}</h1>
      <p>{csrf ? t("error.csrf") : t(`error.${kind}.body`)}</p>
      {requestId && status >= 500 ? (
        <p className="muted small">{t("error.requestId", { id: requestId })}</p>
      ) : null}
      <p>
        <Link className="button" to="/">
          {t("error.backHome")}
        </Link>
      </p>
    </main>
  );
}
