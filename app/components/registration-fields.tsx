/**
 * The identity fields of the registration form, and the live checks behind them: the same Zod schema
 * the action runs (app/rules/registration.ts) runs in the browser on every keystroke once a field has
 * been left (or the form was sent), so the contestant sees what to fix beside the field before sending.
 * Errors sit beside their field, linked with aria-invalid and aria-describedby.
 */
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import {
  CheckboxField,
  RadioGroupField,
  SelectField,
  TextField,
  useAfterTap,
  type TextFieldProps,
} from "~/components/forms/fields";
import type { z } from "zod";
import { useT } from "~/i18n/use-t";
import { normaliseCccd, type Gender, GENDERS } from "~/rules/identity";
import { fieldErrors, registrationWarnings, type FieldError } from "~/rules/registration";

export type FormValues = Record<string, string>;

export interface UnitChoiceData {
  id: number;
  name: string;
  children: { id: number; name: string }[];
}

export interface RegistrationFormState {
  values: FormValues;
  set: (field: string, value: string) => void;
  leave: (field: string) => void;
  error: (field: string) => FieldError | undefined;
  warning: (field: string) => FieldError | undefined;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Fields with an error shown after a blocked send; 0 otherwise. */
  blockedCount: number;
}

/**
 * `serverErrors` are those the action returned for `serverValues`; each stays until its field is changed
 * (a taken phone number is only known to the server).
 */
export function useRegistrationForm(
  schema: z.ZodTypeAny,
  initial: FormValues,
  serverErrors: Record<string, FieldError> | undefined,
): RegistrationFormState {
  const afterTap = useAfterTap();
  const [values, setValues] = useState<FormValues>(initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const [blockedCount, setBlockedCount] = useState(0);
  const [changedSinceServer, setChangedSinceServer] = useState<Record<string, boolean>>({});
  const [lastServerErrors, setLastServerErrors] = useState(serverErrors);
  if (serverErrors !== lastServerErrors) {
    // A new answer from the server: its errors apply to the values just sent.
    setLastServerErrors(serverErrors);
    setChangedSinceServer({});
  }

  const clientErrors = useMemo(() => {
    const result = schema.safeParse(values);
    return result.success ? {} : fieldErrors(result.error);
  }, [schema, values]);

  const warnings = useMemo(() => {
    const cccd = normaliseCccd(values.cccd ?? "");
    if (!/^\d{12}$/.test(cccd) || !GENDERS.includes(values.gender as Gender)) return {};
    return registrationWarnings({ cccd, birthDate: values.birthDate ?? "", gender: values.gender as Gender });
  }, [values]);

  const error = (field: string): FieldError | undefined => {
    if (touched[field] || submitted) {
      const own = clientErrors[field];
      if (own) return own;
    }
    if (!changedSinceServer[field]) return serverErrors?.[field];
    return undefined;
  };

  return {
    values,
    set: (field, value) => {
      setValues((v) => ({ ...v, [field]: value }));
      setChangedSinceServer((c) => ({ ...c, [field]: true }));
    },
    // Shown after the tap in progress lands, so the message cannot move the next control away (issue 11).
    leave: (field) => afterTap(() => setTouched((t) => (t[field] ? t : { ...t, [field]: true }))),
    error,
    warning: (field) => (warnings as Record<string, FieldError>)[field],
    onSubmit: (event) => {
      setSubmitted(true);
      const invalid = Object.keys(clientErrors);
      setBlockedCount(invalid.length);
      if (invalid.length > 0) {
        event.preventDefault();
        const form = event.currentTarget;
        // Focus the first field to fix, in the order the form shows them.
        const first = [...form.elements].find(
          (el) =>
            el instanceof HTMLElement && "name" in el && invalid.includes((el as HTMLInputElement).name),
        );
        (first as HTMLElement | undefined)?.focus();
      }
    },
    blockedCount,
  };
}

/** A registration field's error and warning in words, as the shared field components show them. */
export function useFieldMessages(state: RegistrationFormState) {
  const t = useT();
  return (field: string): { error?: string; warning?: string } => {
    const err = state.error(field);
    const warn = state.warning(field);
    return {
      error: err ? t.dynamic(err.key, err.params) : undefined,
      warning:
        warn && !err ? t("registration.warning", { message: t.dynamic(warn.key, warn.params) }) : undefined,
    };
  };
}

function RegistrationTextField({
  field,
  state,
  ...input
}: { field: string; state: RegistrationFormState } & Omit<TextFieldProps, "name">) {
  const messages = useFieldMessages(state);
  return (
    <TextField
      name={field}
      value={state.values[field] ?? ""}
      onChange={(e) => state.set(field, e.currentTarget.value)}
      onBlur={() => state.leave(field)}
      {...messages(field)}
      {...input}
    />
  );
}

export interface IdentityFieldsProps {
  state: RegistrationFormState;
  units: UnitChoiceData[];
  categories: { id: number; name: string }[];
  cccdPolicy: "required" | "optional" | "hidden";
  /** ISO dates bounding the date picker, from the contest's age range. */
  birthDateRange: { min: string; max: string };
}

export function IdentityFields({
  state,
  units,
  categories,
  cccdPolicy,
  birthDateRange,
}: IdentityFieldsProps) {
  const t = useT();
  const messages = useFieldMessages(state);
  const select = (field: string) => ({
    name: field,
    value: state.values[field] ?? "",
    onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
      state.set(field, e.currentTarget.value);
      state.leave(field);
    },
    onBlur: () => state.leave(field),
    ...messages(field),
  });
  return (
    <>
      <RegistrationTextField
        field="fullName"
        label={t("registration.field.fullName")}
        hint={t("registration.hint.fullName")}
        state={state}
        autoComplete="name"
        autoCapitalize="words"
        spellCheck={false}
      />
      <RegistrationTextField
        field="birthDate"
        label={t("registration.field.birthDate")}
        hint={t("registration.hint.birthDate")}
        state={state}
        type="date"
        min={birthDateRange.min}
        max={birthDateRange.max}
        autoComplete="bday"
      />
      <RadioGroupField
        name="gender"
        legend={t("registration.field.gender")}
        options={GENDERS.map((g) => ({ value: g, label: t(`registration.gender.${g}`) }))}
        value={state.values.gender ?? ""}
        onChange={(g) => {
          state.set("gender", g);
          state.leave("gender");
        }}
        {...messages("gender")}
      />
      <RegistrationTextField
        field="phone"
        label={t("registration.field.phone")}
        hint={t("registration.hint.phone")}
        state={state}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
      />
      {cccdPolicy !== "hidden" ? (
        <RegistrationTextField
          field="cccd"
          label={
            <>
              {t("registration.field.cccd")}{" "}
              {cccdPolicy === "optional" ? <span className="muted">{t("registration.optional")}</span> : null}
            </>
          }
          hint={t("registration.hint.cccd")}
          state={state}
          inputMode="numeric"
          autoComplete="off"
        />
      ) : null}
      <SelectField
        label={t("registration.field.unit")}
        hint={t("registration.hint.unit")}
        {...select("unitId")}
      >
        <option value="">{t("registration.choose")}</option>
        {units.map((u) =>
          u.children.length > 0 ? (
            <optgroup key={u.id} label={u.name}>
              {u.children.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          ) : (
            <option key={u.id} value={String(u.id)}>
              {u.name}
            </option>
          ),
        )}
      </SelectField>
      <SelectField label={t("registration.field.category")} {...select("categoryId")}>
        <option value="">{t("registration.choose")}</option>
        {categories.map((c) => (
          <option key={c.id} value={String(c.id)}>
            {c.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}

export function PasswordField({ state }: { state: RegistrationFormState }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  return (
    <RegistrationTextField
      field="password"
      label={t("registration.field.password")}
      hint={t("registration.hint.password")}
      state={state}
      type={shown ? "text" : "password"}
      autoComplete="new-password"
      after={
        <CheckboxField
          bare
          choiceClassName="small"
          label={t("registration.showPassword")}
          checked={shown}
          onChange={(e) => setShown(e.currentTarget.checked)}
        />
      }
    />
  );
}

/** The consent box of the registration form. */
export function ConsentField({ state, children }: { state: RegistrationFormState; children: ReactNode }) {
  const messages = useFieldMessages(state);
  return (
    <CheckboxField
      name="consent"
      top
      label={children}
      checked={state.values.consent === "on"}
      onChange={(e) => {
        state.set("consent", e.currentTarget.checked ? "on" : "");
        state.leave("consent");
      }}
      {...messages("consent")}
    />
  );
}

/** Form values as the schema reads them: a FormData's strings, the consent box as "on" or absent. */
export function valuesFromForm(form: FormData, fields: readonly string[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

/** A record's identity fields as the form holds them. */
export function identityValues(c: {
  full_name: string;
  birth_date: string;
  gender: string;
  phone: string;
  cccd: string | null;
  unit_id: number;
  category_id: number;
}): FormValues {
  return {
    fullName: c.full_name,
    birthDate: c.birth_date,
    gender: c.gender,
    phone: c.phone,
    cccd: c.cccd ?? "",
    unitId: String(c.unit_id),
    categoryId: String(c.category_id),
  };
}

/** A definition list laid out as label | value rows (app.css has no class for it). */
export const FACTS: React.CSSProperties = {
  display: "grid",
  gridTemplateColumns: "minmax(7em, max-content) 1fr",
  gap: "6px 14px",
  margin: 0,
  overflowWrap: "anywhere",
};
