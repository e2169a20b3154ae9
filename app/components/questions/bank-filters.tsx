import { Form, Link } from "@remix-run/react";
import { SelectField, TextField } from "~/components/forms/fields";
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
        <TextField
          id="f-q"
          name="q"
          type="search"
          label={t("questions.list.search")}
          hint={t("questions.list.searchHint")}
          defaultValue={filter.q}
          fieldClassName="wide"
          messageRoom={false}
        />
        <SelectField
          id="f-topic"
          name="topic"
          label={t("questions.list.topic")}
          defaultValue={filter.topic}
          messageRoom={false}
        >
          <option value="">{t("questions.list.all")}</option>
          {topics.map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topic.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="f-difficulty"
          name="difficulty"
          label={t("questions.list.difficulty")}
          defaultValue={filter.difficulty}
          messageRoom={false}
        >
          <option value="">{t("questions.list.all")}</option>
          {DIFFICULTIES.map((d) => (
            <option key={d} value={d}>
              {t(`questions.difficulty.${d}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="f-status"
          name="status"
          label={t("questions.list.status")}
          defaultValue={filter.status}
          messageRoom={false}
        >
          <option value="">{t("questions.list.all")}</option>
          {QUESTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`questions.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="f-source"
          name="source"
          label={t("questions.list.source")}
          defaultValue={filter.source}
          messageRoom={false}
        >
          <option value="">{t("questions.list.all")}</option>
          {sources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
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
