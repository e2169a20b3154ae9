import { Form, Link } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { TextField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import { DIFFICULTIES } from "~/rules/question";
import type { BankCount } from "#db/repos/questions";
import "./questions.css";

/** Approved questions per topic × difficulty (drafts in brackets), and a field to add a topic. */
export function BankCounts({
  topics,
  counts,
  canEdit,
}: {
  topics: readonly { id: number; name: string }[];
  counts: readonly BankCount[];
  canEdit: boolean;
}) {
  const t = useT();
  const count = (topicId: number, difficulty: string, status: string) =>
    counts
      .filter((c) => c.topicId === topicId && c.difficulty === difficulty && c.status === status)
      .reduce((n, c) => n + c.count, 0);
  const sum = (pick: (c: BankCount) => boolean) => counts.filter(pick).reduce((n, c) => n + c.count, 0);

  return (
    <section className="card">
      <h2>{t("questions.counts.title")}</h2>
      <p className="muted small">{t("questions.counts.hint")}</p>
      <div className="table-wrap">
        <table className="bank-counts">
          <thead>
            <tr>
              <th>{t("questions.list.topic")}</th>
              {DIFFICULTIES.map((d) => (
                <th key={d} className="num">
                  {t(`questions.difficulty.${d}`)}
                </th>
              ))}
              <th className="num">{t("questions.counts.total")}</th>
            </tr>
          </thead>
          <tbody>
            {topics.map((topic) => (
              <tr key={topic.id}>
                <th scope="row">
                  <Link to={`?topic=${topic.id}`}>{topic.name}</Link>
                </th>
                {DIFFICULTIES.map((d) => {
                  const approved = count(topic.id, d, "approved");
                  const drafts = count(topic.id, d, "draft");
                  return (
                    <td key={d} className={`num${approved === 0 ? " low" : ""}`}>
                      {approved}
                      {drafts > 0 ? <span className="muted"> ({drafts})</span> : null}
                    </td>
                  );
                })}
                <td className="num">
                  <strong>{sum((c) => c.topicId === topic.id && c.status === "approved")}</strong>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("questions.counts.total")}</th>
              {DIFFICULTIES.map((d) => (
                <td key={d} className="num">
                  <strong>{sum((c) => c.difficulty === d && c.status === "approved")}</strong>
                </td>
              ))}
              <td className="num">
                <strong>{sum((c) => c.status === "approved")}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {canEdit ? (
        <Form method="post" className="inline-form bank-topic-form">
          <CsrfInput />
          <input type="hidden" name="intent" value="addTopic" />
          <TextField
            id="topic-name"
            name="name"
            label={t("questions.topics.name")}
            maxLength={200}
            messageRoom={false}
          />
          <button type="submit" className="secondary">
            {t("questions.topics.add")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
