/** The page of /console/questions: counts, expiring questions, filters, the list and the export. */
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { BankCount, ExpiringQuestion, QuestionListRow } from "#db/repos/questions";
import { BankCounts } from "./bank-counts";
import { BankExport } from "./bank-export";
import { BankFilters, type BankFilterValues } from "./bank-filters";
import { BankList } from "./bank-list";
import { ExpiringQuestions } from "./expiring-questions";
import { ActionResult } from "~/components/forms/action-result";
import "~/components/question-form.css";
import "./questions.css";

export interface QuestionBankData {
  canEdit: boolean;
  filter: BankFilterValues;
  page: number;
  pages: number;
  total: number;
  rows: QuestionListRow[];
  topics: { id: number; name: string }[];
  counts: BankCount[];
  sources: string[];
  /** The contest's reference date as Vietnamese read it; null without a contest. */
  referenceDate: string | null;
  year: string | null;
  expiring: ExpiringQuestion[];
  /** After an import or a deletion. */
  notice: string | null;
}

export type QuestionBankResult = { ok: string } | { error: string };

export function QuestionBankPage({
  data,
  result,
}: {
  data: QuestionBankData;
  result: QuestionBankResult | undefined;
}) {
  const t = useT();
  return (
    <div className="bank-page">
      <h1>{t("questions.list.title")}</h1>
      <p className="muted">{t("questions.list.intro")}</p>
      {data.notice ? (
        <p className="form-success" role="status">
          {data.notice}
        </p>
      ) : null}
      <ActionResult result={result} />
      <div className="bank-toolbar">
        {data.canEdit ? (
          <>
            <Link to="/console/questions/new" className="button">
              {t("questions.list.new")}
            </Link>
            <Link to="/console/questions/import" className="button secondary">
              {t("questions.list.import")}
            </Link>
          </>
        ) : null}
        <a href="/console/questions/template" className="button secondary" download>
          {t("questions.list.template")}
        </a>
      </div>

      <BankCounts topics={data.topics} counts={data.counts} canEdit={data.canEdit} />
      {data.referenceDate ? (
        <ExpiringQuestions referenceDate={data.referenceDate} year={data.year} expiring={data.expiring} />
      ) : null}
      <BankFilters filter={data.filter} topics={data.topics} sources={data.sources} />
      <BankList
        rows={data.rows}
        total={data.total}
        page={data.page}
        pages={data.pages}
        filter={data.filter}
      />
      <BankExport filter={data.filter} total={data.total} />
    </div>
  );
}
