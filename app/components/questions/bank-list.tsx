import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { QuestionListRow } from "#db/repos/questions";
import type { BankFilterValues } from "./bank-filters";

/** One page of the filtered bank, with links to the previous and next pages. */
export function BankList({
  rows,
  total,
  page,
  pages,
  filter,
}: {
  rows: readonly QuestionListRow[];
  total: number;
  page: number;
  pages: number;
  filter: BankFilterValues;
}) {
  const t = useT();
  const pageLink = (to: number) => {
    const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== ""));
    params.set("page", String(to));
    return `?${params.toString()}`;
  };
  return (
    <section className="card">
      <h2>{t("questions.list.found", { n: total.toLocaleString("vi-VN") })}</h2>
      {rows.length === 0 ? (
        <p>{t("questions.list.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th className="num">{t("questions.list.number")}</th>
                <th>{t("questions.list.text")}</th>
                <th>{t("questions.list.topic")}</th>
                <th>{t("questions.list.difficulty")}</th>
                <th>{t("questions.list.status")}</th>
                <th>{t("questions.list.source")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="num">{r.id}</td>
                  <td className="bank-text">
                    <Link to={`/console/questions/${r.id}`}>{r.text}</Link>
                    <div className="muted small">
                      {t(`questions.type.${r.type}`)} · {t("questions.list.version", { n: r.version })}
                      {r.key ? ` · ${r.key}` : ""}
                    </div>
                  </td>
                  <td>{r.topicName}</td>
                  <td>{t(`questions.difficulty.${r.difficulty}`)}</td>
                  <td className="bank-status">
                    <span className={`badge ${r.status}`}>{t(`questions.status.${r.status}`)}</span>
                  </td>
                  <td className="small bank-source">{r.sourceDocument}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav className="bank-pager" aria-label={t("questions.list.page", { page, pages })}>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("questions.list.previous")}</Link> : <span />}
          <span className="muted">{t("questions.list.page", { page, pages })}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t("questions.list.next")}</Link> : <span />}
        </nav>
      ) : null}
    </section>
  );
}
