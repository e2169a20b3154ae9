/**
 * Contestant identity fields: one set of Zod schemas for the registration form in the browser and for
 * the action on the server (STYLE.md: one schema, no second hand-written validator).
 *
 * Every error message is a code spelled as its catalogue key (`registration.error.*`, texts in
 * app/i18n/{vi,en}/registration.ts), put into words by the page;
 * where the text needs a number, the issue carries it in `params` (e.g. `{ minAge: 16 }`).
 * Wrong identities void a result (PRODUCT.md), so each message says what to fix.
 */
import { z } from "zod";
import { tidy } from "./text";
import { ageOn, parseIsoDate, vnCalendarDate } from "./vn-time";

/**
 * The codes this module emits, spelled as their catalogue keys; app/i18n/rule-codes.test.ts makes the type
 * checker fail if one is missing from the catalogue.
 */
export const IDENTITY_ERRORS = {
  phoneRequired: "registration.error.phoneRequired",
  phoneFormat: "registration.error.phoneFormat",
  phonePrefix: "registration.error.phonePrefix",
  cccdRequired: "registration.error.cccdRequired",
  cccdFormat: "registration.error.cccdFormat",
  cccdProvince: "registration.error.cccdProvince",
  cccdBirthYear: "registration.error.cccdBirthYear",
  cccdGender: "registration.error.cccdGender",
  nameRequired: "registration.error.nameRequired",
  nameTooShort: "registration.error.nameTooShort",
  nameTooLong: "registration.error.nameTooLong",
  nameCharacters: "registration.error.nameCharacters",
  birthDateRequired: "registration.error.birthDateRequired",
  birthDateFormat: "registration.error.birthDateFormat",
  birthDateInvalid: "registration.error.birthDateInvalid",
  birthDateFuture: "registration.error.birthDateFuture",
  birthDateTooYoung: "registration.error.birthDateTooYoung",
  birthDateTooOld: "registration.error.birthDateTooOld",
  genderRequired: "registration.error.genderRequired",
} as const;

const E = IDENTITY_ERRORS;

/** A string field whose absence and emptiness both mean "please fill this in". */
const requiredString = (message: string) =>
  z.string({ required_error: message, invalid_type_error: message });

function fail(
  ctx: z.RefinementCtx,
  message: string,
  params?: Record<string, string | number>,
): typeof z.NEVER {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message, params });
  return z.NEVER;
}

// ---------------------------------------------------------------------------------------------------
// Phone

/**
 * Mobile numbers start 03, 05, 07, 08 or 09 since the 2018 renumbering of 11-digit numbers; 02 is
 * landlines, which cannot receive the SMS a contest may send.
 */
const MOBILE_PHONE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;

/**
 * "+84 912.345.678", "84-912-345-678", "0912 345 678" → "0912345678". People copy numbers from
 * contacts in international form, and write them grouped; the stored form is the national one, so
 * duplicates are found however the number was typed. Returns what it could make of the input; the
 * schema then checks it.
 */
export function normalisePhone(input: string): string {
  const compact = input.normalize("NFKC").replace(/[\s.\-()]/g, "");
  const international = /^(?:\+|00)?84(\d+)$/.exec(compact);
  // "+84 0912…" (national number with the country code in front) is common too: drop the extra 0.
  if (international && (compact.startsWith("+") || compact.startsWith("00") || compact.length === 11)) {
    return `0${international[1].replace(/^0/, "")}`;
  }
  return compact;
}

export const phoneSchema = requiredString(E.phoneRequired).transform((input, ctx) => {
  if (input.trim() === "") return fail(ctx, E.phoneRequired);
  const phone = normalisePhone(input);
  // Landlines have 11 digits (02xx xxxx xxx): say "use a mobile" rather than "10 digits".
  if (LANDLINE.test(phone)) return fail(ctx, E.phonePrefix);
  if (!/^0\d{9}$/.test(phone)) return fail(ctx, E.phoneFormat);
  if (!MOBILE_PHONE.test(phone)) return fail(ctx, E.phonePrefix);
  return phone;
});

// ---------------------------------------------------------------------------------------------------
// Citizen ID (CCCD)

/**
 * The first three digits of a personal identification number: the province or city where the birth was
 * registered. Appendix 1 of Circular 07/2016/TT-BCA (Ministry of Public Security), the 63 provinces.
 * The number is a person's for life, so these codes stay valid after the 2025 merger into 34 provinces;
 * if the Ministry assigns codes for the merged provinces, add them here.
 * (Numbers for births registered abroad begin with a country code; contestants here are residents.)
 */
export const CCCD_PROVINCES: ReadonlyArray<readonly [code: string, name: string]> = [
  ["001", "Hà Nội"],
  ["002", "Hà Giang"],
  ["004", "Cao Bằng"],
  ["006", "Bắc Kạn"],
  ["008", "Tuyên Quang"],
  ["010", "Lào Cai"],
  ["011", "Điện Biên"],
  ["012", "Lai Châu"],
  ["014", "Sơn La"],
  ["015", "Yên Bái"],
  ["017", "Hòa Bình"],
  ["019", "Thái Nguyên"],
  ["020", "Lạng Sơn"],
  ["022", "Quảng Ninh"],
  ["024", "Bắc Giang"],
  ["025", "Phú Thọ"],
  ["026", "Vĩnh Phúc"],
  ["027", "Bắc Ninh"],
  ["030", "Hải Dương"],
  ["031", "Hải Phòng"],
  ["033", "Hưng Yên"],
  ["034", "Thái Bình"],
  ["035", "Hà Nam"],
  ["036", "Nam Định"],
  ["037", "Ninh Bình"],
  ["038", "Thanh Hóa"],
  ["040", "Nghệ An"],
  ["042", "Hà Tĩnh"],
  ["044", "Quảng Bình"],
  ["045", "Quảng Trị"],
  ["046", "Thừa Thiên Huế"],
  ["048", "Đà Nẵng"],
  ["049", "Quảng Nam"],
  ["051", "Quảng Ngãi"],
  ["052", "Bình Định"],
  ["054", "Phú Yên"],
  ["056", "Khánh Hòa"],
  ["058", "Ninh Thuận"],
  ["060", "Bình Thuận"],
  ["062", "Kon Tum"],
  ["064", "Gia Lai"],
  ["066", "Đắk Lắk"],
  ["067", "Đắk Nông"],
  ["068", "Lâm Đồng"],
  ["070", "Bình Phước"],
  ["072", "Tây Ninh"],
  ["074", "Bình Dương"],
  ["075", "Đồng Nai"],
  ["077", "Bà Rịa - Vũng Tàu"],
  ["079", "Hồ Chí Minh"],
  ["080", "Long An"],
  ["082", "Tiền Giang"],
  ["083", "Bến Tre"],
  ["084", "Trà Vinh"],
  ["086", "Vĩnh Long"],
  ["087", "Đồng Tháp"],
  ["089", "An Giang"],
  ["091", "Kiên Giang"],
  ["092", "Cần Thơ"],
  ["093", "Hậu Giang"],
  ["094", "Sóc Trăng"],
  ["095", "Bạc Liêu"],
  ["096", "Cà Mau"],
];

const provinceByCode = new Map(CCCD_PROVINCES);

/** The province of birth registration encoded in a CCCD number, or null if the code is not one. */
export function cccdProvince(cccd: string): string | null {
  return provinceByCode.get(cccd.slice(0, 3)) ?? null;
}

/** Removes the spaces people type to group the digits ("051 090 012 345"). */
export function normaliseCccd(input: string): string {
  return input.normalize("NFKC").replace(/\s/g, "");
}

function checkCccd(input: string, ctx: z.RefinementCtx): string {
  const cccd = normaliseCccd(input);
  if (!/^\d{12}$/.test(cccd)) return fail(ctx, E.cccdFormat);
  if (cccdProvince(cccd) === null) return fail(ctx, E.cccdProvince, { code: cccd.slice(0, 3) });
  return cccd;
}

export const cccdSchema = requiredString(E.cccdRequired).transform((input, ctx) =>
  input.trim() === "" ? fail(ctx, E.cccdRequired) : checkCccd(input, ctx),
);

/** For contests that do not require the CCCD: empty or missing gives null, anything typed must be valid. */
export const optionalCccdSchema = z
  .string({ invalid_type_error: E.cccdFormat })
  .optional()
  .transform((input, ctx) => (input === undefined || input.trim() === "" ? null : checkCccd(input, ctx)));

// ---------------------------------------------------------------------------------------------------
// Full name

export const NAME_MIN_LENGTH = 2;
export const NAME_MAX_LENGTH = 100;

/**
 * Letters (any script, with their diacritics) in words joined by a space, a hyphen or an apostrophe:
 * "Nguyễn Thị Ánh", "H'Hen Niê", "Y-Moan Ênuôl". No digits, no symbols, no < or > (the name is shown
 * on public pages), no control or invisible characters.
 */
const NAME_PATTERN = /^[\p{L}\p{M}]+(?:[ '-][\p{L}\p{M}]+)*$/u;

/**
 * NFC, single spaces, and the curly apostrophes that phone keyboards insert (’ ʼ) made plain, so the
 * same name typed on two devices is stored the same; spaces around a hyphen or apostrophe are dropped.
 */
export function normalisePersonName(input: string): string {
  return tidy(input)
    .replace(/[\u2019\u02bc\u2018]/g, "'")
    .replace(/ ?([-']) ?/g, "$1");
}

export const personNameSchema = requiredString(E.nameRequired).transform((input, ctx) => {
  const name = normalisePersonName(input);
  if (name === "") return fail(ctx, E.nameRequired);
  const length = [...name].length;
  if (length < NAME_MIN_LENGTH) return fail(ctx, E.nameTooShort, { min: NAME_MIN_LENGTH });
  if (length > NAME_MAX_LENGTH) return fail(ctx, E.nameTooLong, { max: NAME_MAX_LENGTH });
  if (!NAME_PATTERN.test(name)) return fail(ctx, E.nameCharacters);
  return name;
});

// ---------------------------------------------------------------------------------------------------
// Birth date and gender

/**
 * An ISO date (what `<input type="date">` sends), a real calendar date, not in the future, and an age
 * within [minAge, maxAge] on Vietnam's calendar date at `now` (a birthday counts from the day itself).
 * Returns the ISO string unchanged.
 */
export function birthDateSchema(now: Date, minAge: number, maxAge: number) {
  const today = vnCalendarDate(now);
  return requiredString(E.birthDateRequired).transform((input, ctx) => {
    const value = input.trim();
    if (value === "") return fail(ctx, E.birthDateRequired);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return fail(ctx, E.birthDateFormat);
    const birth = parseIsoDate(value);
    if (birth === null) return fail(ctx, E.birthDateInvalid);
    const age = ageOn(birth, today);
    if (age < 0) return fail(ctx, E.birthDateFuture); // only a date after today gives a negative age
    if (age < minAge) return fail(ctx, E.birthDateTooYoung, { minAge });
    if (age > maxAge) return fail(ctx, E.birthDateTooOld, { maxAge });
    return value;
  });
}

export const GENDERS = ["male", "female", "other"] as const;
export type Gender = (typeof GENDERS)[number];

export const genderSchema = z.enum(GENDERS, { errorMap: () => ({ message: E.genderRequired }) });

// ---------------------------------------------------------------------------------------------------
// Cross-checks between fields

/**
 * Digit 4 of a CCCD encodes the century of birth and the sex (Decree 137/2015/NĐ-CP, Article 7):
 * 1900s male 0 / female 1, 2000s 2 / 3, 2100s 4 / 5, …; digits 5–6 are the last two digits of the
 * birth year. A mismatch with the birth date typed means one of the two is wrong, which would void the
 * result later, so the form catches it now. The sex code is only compared for "male" or "female": the
 * gender a contestant declares is theirs to give, so callers may choose to show `cccdGender` as a
 * warning rather than an error.
 * Takes already-validated values; returns catalogue keys, empty when consistent.
 */
export function cccdConsistencyProblems(
  cccd: string,
  birthDate: string,
  gender: Gender,
): (typeof E)[keyof typeof E][] {
  const birth = parseIsoDate(birthDate);
  if (!/^\d{12}$/.test(cccd) || birth === null) return [];
  const centuryCode = Number(cccd[3]);
  const century = Math.floor((birth.year - 1900) / 100);
  const yearMatches =
    Math.floor(centuryCode / 2) === century && Number(cccd.slice(4, 6)) === birth.year % 100;
  const problems: (typeof E)[keyof typeof E][] = [];
  if (!yearMatches) problems.push(E.cccdBirthYear);
  if (gender !== "other" && centuryCode % 2 !== (gender === "female" ? 1 : 0)) problems.push(E.cccdGender);
  return problems;
}
