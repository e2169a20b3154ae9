/**
 * The identity fields of the registration form, and the live checks behind them: the same Zod schema
 * the action runs (app/rules/registration.ts) runs in the browser on every keystroke once a field has
 * been left (or the form was sent), so the contestant sees what to fix beside the field before sending.
 * Errors sit beside their field, linked with aria-invalid and aria-describedby.
 */
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import type { z } from "zod";
import { useT } from "~/i18n/use-t";
import { normaliseCccd, type Gender, GENDERS } from "~/rules/identity";
import { fieldErrors, registrationWarnings, type FieldError } from "~/rules/registration";

/** A radio or checkbox with its label: a 44-px tap target (app.css has no class for it yet). */
export const CHOICE: React.CSSProperties = {
  display: "inline-flex",
  alignItems: "center",
  gap: 8,
  minHeight: 44,
  fontWeight: 400,
  cursor: "pointer",
};

/** Overrides `.field input` (full width, padding) for radios and checkboxes. */
export const BOX: React.CSSProperties = {
  width: 22,
  height: 22,
  minHeight: 0,
  margin: 0,
  padding: 0,
  flex: "none",
};

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
    leave: (field) => setTouched((t) => (t[field] ? t : { ...t, [field]: true })),
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

/** The ids and aria attributes that tie a field to its hint and error. */
export function describe(field: string, state: RegistrationFormState, hasHint: boolean) {
  const err = state.error(field);
  const warn = state.warning(field);
  const ids = [
    hasHint ? `${field}-hint` : null,
    err ? `${field}-error` : null,
    warn ? `${field}-warning` : null,
  ]
    .filter(Boolean)
    .join(" ");
  return {
    "aria-invalid": err ? true : undefined,
    "aria-describedby": ids || undefined,
  } as const;
}

export function FieldMessages({
  field,
  state,
  hint,
}: {
  field: string;
  state: RegistrationFormState;
  hint?: string;
}) {
  const t = useT();
  const err = state.error(field);
  const warn = state.warning(field);
  return (
    <>
      {hint ? (
        <span className="hint" id={`${field}-hint`}>
          {hint}
        </span>
      ) : null}
      {err ? (
        <span className="field-error" id={`${field}-error`}>
          {t.dynamic(err.key, err.params)}
        </span>
      ) : null}
      {warn && !err ? (
        <span id={`${field}-warning`} style={{ color: "#7a5200", fontWeight: 600 }}>
          {t("registration.warning", { message: t.dynamic(warn.key, warn.params) })}
        </span>
      ) : null}
    </>
  );
}

function TextField({
  field,
  label,
  hint,
  state,
  ...input
}: {
  field: string;
  label: ReactNode;
  hint?: string;
  state: RegistrationFormState;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={field}>{label}</label>
      <input
        id={field}
        name={field}
        value={state.values[field] ?? ""}
        onChange={(e) => state.set(field, e.currentTarget.value)}
        onBlur={() => state.leave(field)}
        {...describe(field, state, Boolean(hint))}
        {...input}
      />
      <FieldMessages field={field} state={state} hint={hint} />
    </div>
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
  const select = (field: string) => ({
    id: field,
    name: field,
    value: state.values[field] ?? "",
    onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
      state.set(field, e.currentTarget.value);
      state.leave(field);
    },
    onBlur: () => state.leave(field),
  });
  const genderError = state.error("gender");
  return (
    <>
      <TextField
        field="fullName"
        label={t("registration.field.fullName")}
        hint={t("registration.hint.fullName")}
        state={state}
        autoComplete="name"
        autoCapitalize="words"
        spellCheck={false}
      />
      <TextField
        field="birthDate"
        label={t("registration.field.birthDate")}
        hint={t("registration.hint.birthDate")}
        state={state}
        type="date"
        min={birthDateRange.min}
        max={birthDateRange.max}
        autoComplete="bday"
      />
      <fieldset
        className="field"
        style={{ border: 0, padding: 0, margin: "0 0 14px", minWidth: 0 }}
        aria-describedby={genderError ? "gender-error" : undefined}
        aria-invalid={genderError ? true : undefined}
      >
        <legend style={{ padding: 0 }}>{t("registration.field.gender")}</legend>
        <div style={{ display: "flex", flexWrap: "wrap", gap: "4px 20px" }}>
          {GENDERS.map((g) => (
            <label key={g} style={CHOICE}>
              <input
                type="radio"
                style={BOX}
                name="gender"
                value={g}
                checked={state.values.gender === g}
                onChange={() => {
                  state.set("gender", g);
                  state.leave("gender");
                }}
                aria-invalid={genderError ? true : undefined}
              />
              {t(`registration.gender.${g}`)}
            </label>
          ))}
        </div>
        <FieldMessages field="gender" state={state} />
      </fieldset>
      <TextField
        field="phone"
        label={t("registration.field.phone")}
        hint={t("registration.hint.phone")}
        state={state}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
      />
      {cccdPolicy !== "hidden" ? (
        <TextField
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
      <div className="field">
        <label htmlFor="unitId">{t("registration.field.unit")}</label>
        <select {...select("unitId")} {...describe("unitId", state, true)}>
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
        </select>
        <FieldMessages field="unitId" state={state} hint={t("registration.hint.unit")} />
      </div>
      <div className="field">
        <label htmlFor="categoryId">{t("registration.field.category")}</label>
        <select {...select("categoryId")} {...describe("categoryId", state, false)}>
          <option value="">{t("registration.choose")}</option>
          {categories.map((c) => (
            <option key={c.id} value={String(c.id)}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldMessages field="categoryId" state={state} />
      </div>
    </>
  );
}

export function PasswordField({ state }: { state: RegistrationFormState }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  return (
    <div className="field">
      <label htmlFor="password">{t("registration.field.password")}</label>
      <input
        id="password"
        name="password"
        type={shown ? "text" : "password"}
        autoComplete="new-password"
        value={state.values.password ?? ""}
        onChange={(e) => state.set("password", e.currentTarget.value)}
        onBlur={() => state.leave("password")}
        {...describe("password", state, true)}
      />
      <FieldMessages field="password" state={state} hint={t("registration.hint.password")} />
      <label className="small" style={CHOICE}>
        <input
          type="checkbox"
          style={BOX}
          checked={shown}
          onChange={(e) => setShown(e.currentTarget.checked)}
        />
        {t("registration.showPassword")}
      </label>
    </div>
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
