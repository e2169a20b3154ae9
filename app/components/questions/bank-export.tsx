import { SelectField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import type { ExportFormat } from "~/rules/question-formats";
import type { BankFilterValues } from "./bank-filters";

/**
 * EXPORT_FORMATS of the formats module, spelled out: that module reads zip files with node:zlib, so the
 * page's browser code must not import its values.
 */
const EXPORT_CHOICES: readonly ExportFormat[] = ["xlsx", "csv", "gift", "aiken"];

/** Download the filtered bank in one of the file formats. */
export function BankExport({ filter, total }: { filter: BankFilterValues; total: number }) {
  const t = useT();
  return (
    <section className="card">
      <h2>{t("questions.export.title")}</h2>
      <p className="muted small">{t("questions.export.hint", { n: total.toLocaleString("vi-VN") })}</p>
      <p className="muted small">{t("media.exportPicturesNote")}</p>
      {/* A plain form: the export is a file download, not a page. */}
      <form method="get" action="/console/questions/export" className="inline-form">
        {Object.entries(filter)
          .filter(([, v]) => v !== "")
          .map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        <SelectField
          id="export-format"
          name="format"
          label={t("questions.export.format")}
          defaultValue="xlsx"
          messageRoom={false}
        >
          {EXPORT_CHOICES.map((f) => (
            <option key={f} value={f}>
              {t(`questions.export.${f}`)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="secondary">
          {t("questions.export.submit")}
        </button>
      </form>
    </section>
  );
}
