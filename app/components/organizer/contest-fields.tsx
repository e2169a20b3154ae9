/**
 * The fields of a new contest, shared by the first-run page and "next year's contest". Each message has
 * its room reserved under its field (app/components/forms), so nothing below moves when one appears.
 */
import { DateField, SelectField, TextField } from "~/components/forms/fields";
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
  const field = (name: keyof ContestFieldValues) => ({
    id: name,
    name: `${prefix}${name}`,
    error: errors[name],
    defaultValue: values[name],
  });
  return (
    <>
      <TextField label={t("console.contest.field.title")} {...field("title")} />
      <TextField
        label={t("organizer.field.bodies")}
        hint={t("organizer.field.bodiesHint")}
        {...field("organizerName")}
      />
      <div className="grid two">
        <DateField label={t("organizer.field.startsOn")} {...field("startsOn")} />
        <DateField label={t("organizer.field.endsOn")} {...field("endsOn")} />
      </div>
      <DateField
        label={t("organizer.field.referenceDate")}
        hint={t("organizer.field.referenceDateHint")}
        {...field("referenceDate")}
      />
      <div className="grid three">
        <SelectField label={t("console.contest.field.cccdPolicy")} {...field("cccdPolicy")}>
          {CCCD_POLICIES.map((p) => (
            <option key={p} value={p}>
              {t(`console.contest.cccd.${p}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t("console.contest.field.minAge")} inputMode="numeric" {...field("minAge")} />
        <TextField label={t("console.contest.field.maxAge")} inputMode="numeric" {...field("maxAge")} />
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
