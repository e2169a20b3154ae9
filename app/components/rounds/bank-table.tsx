import { useT } from "~/i18n/use-t";
import type { PoolCount } from "~/rules/draw";
import { DIFFICULTIES, type Difficulty } from "~/rules/question";
import { isoToVnDate } from "~/rules/validity";
import "./rounds.css";

/** The approved bank per topic × difficulty, so the organizer sees what a draw can ask for. */
export function BankTable({
  poolCounts,
  topics,
  referenceDate,
}: {
  poolCounts: readonly PoolCount[];
  topics: readonly { id: number; name: string }[];
  referenceDate: string;
}) {
  const t = useT();
  const count = (topicId: number, d: Difficulty) =>
    poolCounts.find((c) => c.topicId === topicId && c.difficulty === d)?.count ?? 0;
  const rows = topics
    .map((topic) => ({ ...topic, counts: DIFFICULTIES.map((d) => count(topic.id, d)) }))
    .filter((row) => row.counts.some((n) => n > 0));
  const totals = DIFFICULTIES.map((d) =>
    poolCounts.filter((c) => c.difficulty === d).reduce((s, c) => s + c.count, 0),
  );
  return (
    <details className="round-bank" open>
      <summary>{t("round.form.bank")}</summary>
      <p className="muted small" data-testid="bank-reference-date">
        {t("bankValidity.round.validOn", { date: isoToVnDate(referenceDate) })}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{t("round.form.bankEmpty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="small">
            <thead>
              <tr>
                <th>{t("round.form.drawTopic")}</th>
                {DIFFICULTIES.map((d) => (
                  <th key={d} className="num">
                    {t(`questions.difficulty.${d}`)}
                  </th>
                ))}
                <th className="num">{t("round.form.bankTotal")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.name}</td>
                  {row.counts.map((n, i) => (
                    <td key={i} className="num">
                      {n}
                    </td>
                  ))}
                  <td className="num">{row.counts.reduce((a, b) => a + b, 0)}</td>
                </tr>
              ))}
              <tr>
                <th>{t("round.form.bankTotal")}</th>
                {totals.map((n, i) => (
                  <th key={i} className="num">
                    {n}
                  </th>
                ))}
                <th className="num">{totals.reduce((a, b) => a + b, 0)}</th>
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
