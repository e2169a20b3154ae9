import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { ExpiringQuestion } from "#db/repos/questions";

/** Questions whose key stops being true within the contest's year (issue 12). */
export function ExpiringQuestions({
  referenceDate,
  year,
  expiring,
}: {
  /** The contest's reference date, as Vietnamese read it. */
  referenceDate: string;
  year: string | null;
  expiring: readonly ExpiringQuestion[];
}) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="expiring-title" data-testid="expiring">
      <h2 id="expiring-title">{t("bankValidity.expiring.title", { year: year ?? "" })}</h2>
      <p className="muted small">{t("bankValidity.expiring.hint", { date: referenceDate })}</p>
      {expiring.length === 0 ? (
        <p>{t("bankValidity.expiring.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="small">
            <thead>
              <tr>
                <th>{t("bankValidity.expiring.until")}</th>
                <th>{t("questions.list.topic")}</th>
                <th>{t("bankValidity.expiring.question")}</th>
                <th>{t("bankValidity.expiring.basis")}</th>
              </tr>
            </thead>
            <tbody>
              {expiring.map((q) => (
                <tr key={q.id}>
                  <td className="num">{q.validUntil}</td>
                  <td>{q.topicName}</td>
                  <td>
                    <Link to={`/console/questions/${q.id}`}>{q.key ? `${q.key}: ${q.text}` : q.text}</Link>
                  </td>
                  <td>{q.basis.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
