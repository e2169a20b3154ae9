import { Form, Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { DIFFICULTIES, QUESTION_STATUSES } from "~/rules/question";

/** The bank's filter as the URL carries it ("" = all). */
export interface BankFilterValues {
  q: string;
  topic: string;
  difficulty: string;
  status: string;
  source: string;
}

/** Search and filter the bank: a GET form, so the filter lives in the address. */
export function BankFilters({
  filter,
  topics,
  sources,
}: {
  filter: BankFilterValues;
  topics: readonly { id: number; name: string }[];
  sources: readonly string[];
}) {
  const t = useT();
  return (
    <section className="card">
      <Form method="get" role="search" className="bank-filters">
        <div className="field wide">
          <label htmlFor="f-q">{t("questions.list.search")}</label>
          <input id="f-q" name="q" type="search" defaultValue={filter.q} aria-describedby="f-q-hint" />
          <span className="hint" id="f-q-hint">
            {t("questions.list.searchHint")}
          </span>
        </div>
        <div className="field">
          <label htmlFor="f-topic">{t("questions.list.topic")}</label>
          <select id="f-topic" name="topic" defaultValue={filter.topic}>
            <option value="">{t("questions.list.all")}</option>
            {topics.map((topic) => (
              <option key={topic.id} value={topic.id}>
                {topic.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-difficulty">{t("questions.list.difficulty")}</label>
          <select id="f-difficulty" name="difficulty" defaultValue={filter.difficulty}>
            <option value="">{t("questions.list.all")}</option>
            {DIFFICULTIES.map((d) => (
              <option key={d} value={d}>
                {t(`questions.difficulty.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t("questions.list.status")}</label>
          <select id="f-status" name="status" defaultValue={filter.status}>
            <option value="">{t("questions.list.all")}</option>
            {QUESTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`questions.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-source">{t("questions.list.source")}</label>
          <select id="f-source" name="source" defaultValue={filter.source}>
            <option value="">{t("questions.list.all")}</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="bank-filter-actions wide">
          <button type="submit" className="primary">
            {t("questions.list.filter")}
          </button>
          <Link to="/console/questions">{t("questions.list.clear")}</Link>
        </div>
      </Form>
    </section>
  );
}
