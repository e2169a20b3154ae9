/**
 * The registration form as one Zod schema, built from the identity schemas (identity.ts) and the
 * contest's own settings: the browser runs it as the contestant types, the action runs it again.
 * Every message is a code spelled as its catalogue key (app/i18n/{vi,en}/registration.ts), with its params
 * when it needs any; the page puts it into words.
 */
import { z } from "zod";
import {
  birthDateSchema,
  cccdConsistencyProblems,
  cccdSchema,
  genderSchema,
  IDENTITY_ERRORS,
  optionalCccdSchema,
  personNameSchema,
  phoneSchema,
  type Gender,
} from "./identity";
import { isRealDate, vnCalendarDate } from "./vn-time";

/** Codes spelled as their catalogue keys; checked against the catalogue in app/i18n/rule-codes.test.ts. */
export const REGISTRATION_ERRORS = {
  unitRequired: "registration.error.unitRequired",
  categoryRequired: "registration.error.categoryRequired",
  passwordRequired: "registration.error.passwordRequired",
  passwordTooShort: "registration.error.passwordTooShort",
  passwordTooLong: "registration.error.passwordTooLong",
  consentRequired: "registration.error.consentRequired",
  reasonRequired: "registration.error.reasonRequired",
} as const;

const E = REGISTRATION_ERRORS;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;
export const REASON_MAX_LENGTH = 500;

export type CccdPolicy = "required" | "optional" | "hidden";

/** What the form needs to know about the contest; `now` comes from the server's clock. */
export interface RegistrationRules {
  now: Date;
  minAge: number;
  maxAge: number;
  cccdPolicy: CccdPolicy;
  /** Units a contestant may pick: those without sub-units (a commune with villages is chosen by village). */
  unitIds: readonly number[];
  categoryIds: readonly number[];
}

export const IDENTITY_FIELDS = [
  "fullName",
  "birthDate",
  "gender",
  "phone",
  "cccd",
  "unitId",
  "categoryId",
] as const;
export const REGISTRATION_FIELDS = [...IDENTITY_FIELDS, "password", "consent"] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

function fail(
  ctx: z.RefinementCtx,
  message: string,
  params?: Record<string, string | number>,
): typeof z.NEVER {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message, params });
  return z.NEVER;
}

/** An id picked from a list: a forged value outside the list gets the same message as none at all. */
function listChoice(ids: readonly number[], message: string) {
  return z.unknown().transform((input, ctx) => {
    const id = typeof input === "string" && /^\d{1,12}$/.test(input.trim()) ? Number(input) : NaN;
    if (!ids.includes(id)) return fail(ctx, message);
    return id;
  });
}

function cccdFor(policy: CccdPolicy) {
  if (policy === "required") return cccdSchema;
  if (policy === "optional") return optionalCccdSchema;
  // Not asked: whatever a forged form sends is dropped.
  return z.unknown().transform(() => null);
}

function identityShape(rules: RegistrationRules) {
  return {
    fullName: personNameSchema,
    birthDate: birthDateSchema(rules.now, rules.minAge, rules.maxAge),
    gender: genderSchema,
    phone: phoneSchema,
    cccd: cccdFor(rules.cccdPolicy),
    unitId: listChoice(rules.unitIds, E.unitRequired),
    categoryId: listChoice(rules.categoryIds, E.categoryRequired),
  };
}

/** A CCCD whose birth-year digits contradict the date of birth: one of the two is wrong. */
function checkCccdMatchesBirthYear(
  value: { cccd?: unknown; birthDate?: unknown; gender?: unknown },
  ctx: z.RefinementCtx,
): void {
  const { cccd, birthDate, gender } = value;
  if (typeof cccd !== "string" || typeof birthDate !== "string" || typeof gender !== "string") return;
  if (cccdConsistencyProblems(cccd, birthDate, gender as Gender).includes(IDENTITY_ERRORS.cccdBirthYear)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: IDENTITY_ERRORS.cccdBirthYear, path: ["cccd"] });
  }
}

const passwordSchema = z
  .string({ required_error: E.passwordRequired, invalid_type_error: E.passwordRequired })
  .transform((input, ctx) => {
    if (input === "") return fail(ctx, E.passwordRequired);
    const length = [...input].length;
    if (length < PASSWORD_MIN_LENGTH) return fail(ctx, E.passwordTooShort, { min: PASSWORD_MIN_LENGTH });
    if (length > PASSWORD_MAX_LENGTH) return fail(ctx, E.passwordTooLong, { max: PASSWORD_MAX_LENGTH });
    return input;
  });

/** A checked checkbox sends "on"; an unchecked one sends nothing. */
const consentSchema = z.unknown().transform((input, ctx) => {
  if (input !== "on" && input !== true) return fail(ctx, E.consentRequired);
  return true as const;
});

/** The whole sign-up form. */
export function registrationSchema(rules: RegistrationRules) {
  return z
    .object({ ...identityShape(rules), password: passwordSchema, consent: consentSchema })
    .superRefine(checkCccdMatchesBirthYear);
}

/** The identity fields alone: a contestant correcting their data, an organizer editing it. */
export function identitySchema(rules: RegistrationRules) {
  return z.object(identityShape(rules)).superRefine(checkCccdMatchesBirthYear);
}

export type IdentityData = z.output<ReturnType<typeof identitySchema>>;
export type RegistrationData = z.output<ReturnType<typeof registrationSchema>>;

/** Why an organizer disqualifies or reinstates: said in words, for the audit log and the contestant. */
export const statusChangeSchema = z.object({
  reason: z
    .string({ required_error: E.reasonRequired, invalid_type_error: E.reasonRequired })
    .transform((input, ctx) => {
      const reason = input.normalize("NFC").replace(/\s+/g, " ").trim();
      // eslint-disable-next-line no-control-regex
      if (reason === "" || /[\u0000-\u001f\u007f]/.test(reason)) return fail(ctx, E.reasonRequired);
      return reason.slice(0, REASON_MAX_LENGTH);
    }),
});

export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}

/** The first problem of each field, keyed by field name ("form" for problems of the whole form). */
export function fieldErrors(error: z.ZodError): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (errors[field]) continue;
    const params = issue.code === z.ZodIssueCode.custom ? (issue.params as FieldError["params"]) : undefined;
    errors[field] = params ? { key: issue.message, params } : { key: issue.message };
  }
  return errors;
}

/**
 * Things worth a second look that do not block: the CCCD's sex digit against the gender chosen
 * (identity.ts: the gender a contestant declares is theirs to give).
 */
export function registrationWarnings(value: {
  cccd: string | null;
  birthDate: string;
  gender: Gender;
}): Partial<Record<IdentityField, FieldError>> {
  if (!value.cccd) return {};
  const problems = cccdConsistencyProblems(value.cccd, value.birthDate, value.gender);
  return problems.includes(IDENTITY_ERRORS.cccdGender) ? { cccd: { key: IDENTITY_ERRORS.cccdGender } } : {};
}

// ---------------------------------------------------------------------------------------------------
// Who may compete

export type RankedEntry = { ok: true } | { ok: false; reason: "disqualified" | "staffMember" };

/**
 * Members of the organising committee or jury may not compete (PRODUCT.md), nor may a disqualified
 * contestant. Practice stays open to both. The rounds engine calls this before a ranked attempt.
 */
export function mayEnterRankedRounds(contestant: { status: string; is_staff_member: number }): RankedEntry {
  if (contestant.status !== "active") return { ok: false, reason: "disqualified" };
  if (contestant.is_staff_member === 1) return { ok: false, reason: "staffMember" };
  return { ok: true };
}

/** `RegistrationRules` as a loader sends it to the browser (the time as ISO text). */
export type RegistrationRulesData = Omit<RegistrationRules, "now"> & { now: string };

export function rulesFromData(data: RegistrationRulesData): RegistrationRules {
  return { ...data, now: new Date(data.now) };
}

/**
 * The earliest and latest dates of birth the age range allows today in Vietnam, as ISO dates for the
 * date picker's min and max (the schema still decides; these only keep the picker near the right years).
 */
export function birthDateBounds(now: Date, minAge: number, maxAge: number): { min: string; max: string } {
  const today = vnCalendarDate(now);
  const iso = (year: number) => {
    const day = isRealDate(year, today.month, today.day) ? today.day : today.day - 1; // 29 February
    return `${String(year).padStart(4, "0")}-${String(today.month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  };
  return { min: iso(today.year - maxAge - 1), max: iso(today.year - minAge) };
}
