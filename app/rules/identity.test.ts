import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  birthDateSchema,
  CCCD_PROVINCES,
  cccdConsistencyProblems,
  cccdProvince,
  cccdSchema,
  genderSchema,
  IDENTITY_ERRORS,
  normalisePhone,
  optionalCccdSchema,
  personNameSchema,
  phoneSchema,
} from "./identity";

/** The catalogue keys (and params) a value fails with, or the parsed value. */
function outcome<S extends z.ZodTypeAny>(schema: S, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) return { ok: result.data as z.output<S> };
  return { errors: result.error.issues.map((i) => i.message) };
}

function issueParams(schema: z.ZodTypeAny, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected a failure");
  const issue = result.error.issues[0];
  return issue.code === "custom" ? issue.params : undefined;
}

describe("phoneSchema", () => {
  it("normalises the ways people write a mobile number to 0xxxxxxxxx", () => {
    for (const typed of [
      "0912345678",
      "0912 345 678",
      "0912.345.678",
      "0912-345-678",
      "+84 912 345 678",
      "84912345678",
      "+84 0912 345 678",
      "0084912345678",
      " 0912345678 ",
    ]) {
      expect(outcome(phoneSchema, typed)).toEqual({ ok: "0912345678" });
    }
  });

  it("accepts every mobile prefix: 03, 05, 07, 08, 09", () => {
    for (const phone of ["0321234567", "0561234567", "0781234567", "0841234567", "0981234567"]) {
      expect(outcome(phoneSchema, phone)).toEqual({ ok: phone });
    }
  });

  it("does not mistake a local 084 number for a country code", () => {
    expect(normalisePhone("0849 123 456")).toBe("0849123456");
  });

  it("asks for the number when it is empty or missing", () => {
    expect(outcome(phoneSchema, "")).toEqual({ errors: [IDENTITY_ERRORS.phoneRequired] });
    expect(outcome(phoneSchema, "   ")).toEqual({ errors: [IDENTITY_ERRORS.phoneRequired] });
    expect(outcome(phoneSchema, undefined)).toEqual({ errors: [IDENTITY_ERRORS.phoneRequired] });
  });

  it("refuses numbers of the wrong length or with letters", () => {
    for (const typed of ["091234567", "09123456789", "0912abc678", "912345678", "+1 912 345 678"]) {
      expect(outcome(phoneSchema, typed)).toEqual({ errors: [IDENTITY_ERRORS.phoneFormat] });
    }
  });

  it("refuses landlines and unused prefixes", () => {
    for (const typed of ["0255 3821 234", "0112345678", "0412345678", "0612345678"]) {
      expect(outcome(phoneSchema, typed)).toEqual({ errors: [IDENTITY_ERRORS.phonePrefix] });
    }
  });
});

describe("CCCD province table", () => {
  it("holds the 63 provinces, each code once, in order", () => {
    expect(CCCD_PROVINCES).toHaveLength(63);
    const codes = CCCD_PROVINCES.map(([code]) => code);
    expect(new Set(codes).size).toBe(63);
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(CCCD_PROVINCES.map(([, name]) => name)).size).toBe(63);
  });

  it("knows the codes the notices quote", () => {
    expect(cccdProvince("001090012345")).toBe("Hà Nội");
    expect(cccdProvince("051090012345")).toBe("Quảng Ngãi");
    expect(cccdProvince("079090012345")).toBe("Hồ Chí Minh");
    expect(cccdProvince("096090012345")).toBe("Cà Mau");
    expect(cccdProvince("003090012345")).toBeNull();
  });

  it("writes province names in NFC", () => {
    for (const [, name] of CCCD_PROVINCES) expect(name).toBe(name.normalize("NFC"));
  });
});

describe("cccdSchema", () => {
  it("accepts 12 digits with a real province code, spaces removed", () => {
    expect(outcome(cccdSchema, "051 090 012 345")).toEqual({ ok: "051090012345" });
    expect(outcome(cccdSchema, "051090012345")).toEqual({ ok: "051090012345" });
  });

  it("refuses anything but 12 digits", () => {
    for (const typed of ["05109001234", "0510900123456", "05109001234A", "051-090-012-345"]) {
      expect(outcome(cccdSchema, typed)).toEqual({ errors: [IDENTITY_ERRORS.cccdFormat] });
    }
  });

  it("refuses an unknown province code and says which one", () => {
    expect(outcome(cccdSchema, "099090012345")).toEqual({ errors: [IDENTITY_ERRORS.cccdProvince] });
    expect(issueParams(cccdSchema, "099090012345")).toEqual({ code: "099" });
    expect(outcome(cccdSchema, "000090012345")).toEqual({ errors: [IDENTITY_ERRORS.cccdProvince] });
  });

  it("asks for the number when it is empty", () => {
    expect(outcome(cccdSchema, " ")).toEqual({ errors: [IDENTITY_ERRORS.cccdRequired] });
  });
});

describe("optionalCccdSchema", () => {
  it("gives null when left empty or missing, and still checks what is typed", () => {
    expect(outcome(optionalCccdSchema, "")).toEqual({ ok: null });
    expect(outcome(optionalCccdSchema, undefined)).toEqual({ ok: null });
    expect(outcome(optionalCccdSchema, "051 090 012 345")).toEqual({ ok: "051090012345" });
    expect(outcome(optionalCccdSchema, "12345")).toEqual({ errors: [IDENTITY_ERRORS.cccdFormat] });
  });
});

describe("personNameSchema", () => {
  it("accepts Vietnamese names and tidies them", () => {
    expect(outcome(personNameSchema, "  Nguyễn   Văn  An ")).toEqual({ ok: "Nguyễn Văn An" });
    expect(outcome(personNameSchema, "Đặng Thùy Trâm")).toEqual({ ok: "Đặng Thùy Trâm" });
    expect(outcome(personNameSchema, "H'Hen Niê")).toEqual({ ok: "H'Hen Niê" });
    expect(outcome(personNameSchema, "Y-Moan Ênuôl")).toEqual({ ok: "Y-Moan Ênuôl" });
  });

  it("stores NFC whatever form the keyboard produced", () => {
    const result = outcome(personNameSchema, "Trần Thị Ánh".normalize("NFD"));
    expect(result).toEqual({ ok: "Trần Thị Ánh" });
    expect(result.ok).toBe(result.ok?.normalize("NFC"));
  });

  it("makes a phone keyboard's curly apostrophe plain and joins spaced hyphens", () => {
    expect(outcome(personNameSchema, "H’Hen Niê")).toEqual({ ok: "H'Hen Niê" });
    expect(outcome(personNameSchema, "Y - Moan")).toEqual({ ok: "Y-Moan" });
  });

  it("refuses digits, symbols, markup and control characters", () => {
    for (const typed of [
      "Nguyễn Văn 2",
      "Nguyễn <b>An</b>",
      "An > Bình",
      "Lê_Bình",
      "Trần@Bình",
      "Lê\u0000Bình",
      "Lê\u200bBình",
      "-An",
      "An-",
      "Lê Bình.",
    ]) {
      expect(outcome(personNameSchema, typed)).toEqual({ errors: [IDENTITY_ERRORS.nameCharacters] });
    }
  });

  it("checks the length after tidying: 2 to 100 characters", () => {
    expect(outcome(personNameSchema, "   ")).toEqual({ errors: [IDENTITY_ERRORS.nameRequired] });
    expect(outcome(personNameSchema, "A")).toEqual({ errors: [IDENTITY_ERRORS.nameTooShort] });
    expect(outcome(personNameSchema, "Lý")).toEqual({ ok: "Lý" });
    const hundred = "Nguyễn " + "a".repeat(93);
    expect([...hundred]).toHaveLength(100);
    expect(outcome(personNameSchema, hundred)).toEqual({ ok: hundred });
    expect(outcome(personNameSchema, hundred + "b")).toEqual({ errors: [IDENTITY_ERRORS.nameTooLong] });
    expect(issueParams(personNameSchema, hundred + "b")).toEqual({ max: 100 });
  });
});

describe("birthDateSchema", () => {
  // 27/11/2026 at 00:30 in Vietnam — still 26/11 in UTC.
  const now = new Date("2026-11-26T17:30:00Z");
  const schema = birthDateSchema(now, 16, 35);

  it("accepts an ISO date with the age in range on Vietnam's date", () => {
    expect(outcome(schema, "2000-01-15")).toEqual({ ok: "2000-01-15" });
    // 16th birthday is today in Vietnam (though not yet in UTC).
    expect(outcome(schema, "2010-11-27")).toEqual({ ok: "2010-11-27" });
    // Turned 35 a year ago tomorrow: still 35.
    expect(outcome(schema, "1990-11-28")).toEqual({ ok: "1990-11-28" });
  });

  it("refuses too young and too old, with the limit as a parameter", () => {
    expect(outcome(schema, "2010-11-28")).toEqual({ errors: [IDENTITY_ERRORS.birthDateTooYoung] });
    expect(issueParams(schema, "2010-11-28")).toEqual({ minAge: 16 });
    expect(outcome(schema, "1990-11-27")).toEqual({ errors: [IDENTITY_ERRORS.birthDateTooOld] });
    expect(issueParams(schema, "1990-11-27")).toEqual({ maxAge: 35 });
  });

  it("refuses malformed text, impossible dates and the future", () => {
    expect(outcome(schema, "")).toEqual({ errors: [IDENTITY_ERRORS.birthDateRequired] });
    expect(outcome(schema, "27/11/2000")).toEqual({ errors: [IDENTITY_ERRORS.birthDateFormat] });
    expect(outcome(schema, "2000-2-1")).toEqual({ errors: [IDENTITY_ERRORS.birthDateFormat] });
    expect(outcome(schema, "2001-02-29")).toEqual({ errors: [IDENTITY_ERRORS.birthDateInvalid] });
    expect(outcome(schema, "2000-13-01")).toEqual({ errors: [IDENTITY_ERRORS.birthDateInvalid] });
    expect(outcome(birthDateSchema(now, 0, 120), "2026-11-28")).toEqual({
      errors: [IDENTITY_ERRORS.birthDateFuture],
    });
    expect(outcome(birthDateSchema(now, 0, 120), "2026-11-27")).toEqual({ ok: "2026-11-27" });
  });
});

describe("genderSchema", () => {
  it("accepts the three values and asks to choose otherwise", () => {
    expect(outcome(genderSchema, "female")).toEqual({ ok: "female" });
    expect(outcome(genderSchema, "")).toEqual({ errors: [IDENTITY_ERRORS.genderRequired] });
    expect(outcome(genderSchema, undefined)).toEqual({ errors: [IDENTITY_ERRORS.genderRequired] });
  });
});

describe("cccdConsistencyProblems", () => {
  it("is empty when the number agrees with the birth year and sex", () => {
    expect(cccdConsistencyProblems("051090012345", "1990-05-01", "male")).toEqual([]);
    expect(cccdConsistencyProblems("051195012345", "1995-05-01", "female")).toEqual([]);
    expect(cccdConsistencyProblems("051205012345", "2005-05-01", "male")).toEqual([]);
    expect(cccdConsistencyProblems("051305012345", "2005-05-01", "female")).toEqual([]);
  });

  it("flags a birth year that does not match, including the century", () => {
    expect(cccdConsistencyProblems("051090012345", "1991-05-01", "male")).toEqual([
      IDENTITY_ERRORS.cccdBirthYear,
    ]);
    expect(cccdConsistencyProblems("051205012345", "1905-05-01", "male")).toEqual([
      IDENTITY_ERRORS.cccdBirthYear,
    ]);
  });

  it("flags a sex that does not match, but never for 'other'", () => {
    expect(cccdConsistencyProblems("051090012345", "1990-05-01", "female")).toEqual([
      IDENTITY_ERRORS.cccdGender,
    ]);
    expect(cccdConsistencyProblems("051090012345", "1990-05-01", "other")).toEqual([]);
  });
});
