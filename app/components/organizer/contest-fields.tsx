/**
 * The fields of a new contest, shared by the first-run page and "next year's contest". Each message has
 * its room reserved under its field, so nothing below moves when one appears (issue 11).
 */
import { useT } from "~/i18n/use-t";
import { CCCD_POLICIES } from "~/rules/contest-settings";

export type ContestFieldErrors = Record<string, string>;

export interface ContestFieldValues {
  title: string;
  organizerName: string;
  startsOn: string;
  endsOn: string;
  referenceDate: string;
  cccdPolicy: string;
  minAge: string;
  maxAge: string;
}

export function FieldMessage({ name, errors }: { name: string; errors: ContestFieldErrors }) {
  return (
    <span className="field-error reserved" id={`${name}-error`} aria-live="polite">
      {errors[name] ?? ""}
    </span>
  );
}

export function ContestFields({
  values,
  errors,
  prefix = "",
}: {
  values: ContestFieldValues;
  errors: ContestFieldErrors;
  prefix?: string;
}) {
  const t = useT();
  const attrs = (name: string) => ({
    id: name,
    name: `${prefix}${name}`,
    "aria-invalid": errors[name] ? (true as const) : undefined,
    "aria-describedby": `${name}-error`,
  });
  return (
    <>
      <div className="field">
        <label htmlFor="title">{t("console.contest.field.title")}</label>
        <input {...attrs("title")} defaultValue={values.title} />
        <FieldMessage name="title" errors={errors} />
      </div>
      <div className="field">
        <label htmlFor="organizerName">{t("organizer.field.bodies")}</label>
        <input {...attrs("organizerName")} defaultValue={values.organizerName} />
        <span className="hint">{t("organizer.field.bodiesHint")}</span>
        <FieldMessage name="organizerName" errors={errors} />
      </div>
      <div className="grid two">
        <div className="field">
          <label htmlFor="startsOn">{t("organizer.field.startsOn")}</label>
          <input type="date" {...attrs("startsOn")} defaultValue={values.startsOn} />
          <FieldMessage name="startsOn" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor="endsOn">{t("organizer.field.endsOn")}</label>
          <input type="date" {...attrs("endsOn")} defaultValue={values.endsOn} />
          <FieldMessage name="endsOn" errors={errors} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="referenceDate">{t("organizer.field.referenceDate")}</label>
        <input type="date" {...attrs("referenceDate")} defaultValue={values.referenceDate} />
        <span className="hint">{t("organizer.field.referenceDateHint")}</span>
        <FieldMessage name="referenceDate" errors={errors} />
      </div>
      <div className="grid three">
        <div className="field">
          <label htmlFor="cccdPolicy">{t("console.contest.field.cccdPolicy")}</label>
          <select {...attrs("cccdPolicy")} defaultValue={values.cccdPolicy}>
            {CCCD_POLICIES.map((p) => (
              <option key={p} value={p}>
                {t(`console.contest.cccd.${p}`)}
              </option>
            ))}
          </select>
          <FieldMessage name="cccdPolicy" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor="minAge">{t("console.contest.field.minAge")}</label>
          <input inputMode="numeric" {...attrs("minAge")} defaultValue={values.minAge} />
          <FieldMessage name="minAge" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor="maxAge">{t("console.contest.field.maxAge")}</label>
          <input inputMode="numeric" {...attrs("maxAge")} defaultValue={values.maxAge} />
          <FieldMessage name="maxAge" errors={errors} />
        </div>
      </div>
    </>
  );
}

export const EMPTY_CONTEST: ContestFieldValues = {
  title: "",
  organizerName: "",
  startsOn: "",
  endsOn: "",
  referenceDate: "",
  cccdPolicy: "optional",
  minAge: "15",
  maxAge: "100",
};
