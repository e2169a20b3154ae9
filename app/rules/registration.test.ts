import { describe, expect, it } from "vitest";
import {
  birthDateBounds,
  fieldErrors,
  identitySchema,
  mayEnterRankedRounds,
  registrationSchema,
  registrationWarnings,
  statusChangeSchema,
  type RegistrationRules,
} from "./registration";

const rules: RegistrationRules = {
  now: new Date("2026-11-27T01:00:00.000Z"),
  minAge: 10,
  maxAge: 100,
  cccdPolicy: "optional",
  unitIds: [1, 2, 3],
  categoryIds: [7, 8],
};

const valid = {
  fullName: "  nguyễn   văn  an ",
  birthDate: "1990-05-14",
  gender: "male",
  phone: "+84 905 123 401",
  cccd: "051 090 010 234",
  unitId: "2",
  categoryId: "7",
  password: "mat-khau-dai",
  consent: "on",
};

function errorsOf(schema: ReturnType<typeof registrationSchema>, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) return {};
  return Object.fromEntries(Object.entries(fieldErrors(result.error)).map(([k, v]) => [k, v.key]));
}

describe("registrationSchema", () => {
  it("normalises what people type and returns the stored form", () => {
    const result = registrationSchema(rules).parse(valid);
    expect(result).toEqual({
      fullName: "nguyễn văn an",
      birthDate: "1990-05-14",
      gender: "male",
      phone: "0905123401",
      cccd: "051090010234",
      unitId: 2,
      categoryId: 7,
      password: "mat-khau-dai",
      consent: true,
    });
  });

  it("says, field by field, what to fix", () => {
    expect(errorsOf(registrationSchema(rules), {})).toEqual({
      fullName: "registration.error.nameRequired",
      birthDate: "registration.error.birthDateRequired",
      gender: "registration.error.genderRequired",
      phone: "registration.error.phoneRequired",
      unitId: "registration.error.unitRequired",
      categoryId: "registration.error.categoryRequired",
      password: "registration.error.passwordRequired",
      consent: "registration.error.consentRequired",
    });
  });

  it("refuses forged choices, script in a name, control characters and an over-long name", () => {
    const schema = registrationSchema(rules);
    expect(errorsOf(schema, { ...valid, unitId: "99" })).toEqual({
      unitId: "registration.error.unitRequired",
    });
    expect(errorsOf(schema, { ...valid, unitId: "2 OR 1=1" })).toEqual({
      unitId: "registration.error.unitRequired",
    });
    expect(errorsOf(schema, { ...valid, categoryId: ["7"] })).toEqual({
      categoryId: "registration.error.categoryRequired",
    });
    expect(errorsOf(schema, { ...valid, gender: "admin" })).toEqual({
      gender: "registration.error.genderRequired",
    });
    expect(errorsOf(schema, { ...valid, fullName: "<script>alert(1)</script>" })).toEqual({
      fullName: "registration.error.nameCharacters",
    });
    expect(errorsOf(schema, { ...valid, fullName: "Nguyễn\u0000Văn An" })).toEqual({
      fullName: "registration.error.nameCharacters",
    });
    expect(errorsOf(schema, { ...valid, fullName: "Nguyễn Văn ".repeat(30) })).toEqual({
      fullName: "registration.error.nameTooLong",
    });
    expect(errorsOf(schema, { ...valid, consent: "yes" })).toEqual({
      consent: "registration.error.consentRequired",
    });
    expect(errorsOf(schema, { ...valid, password: "ngan" })).toEqual({
      password: "registration.error.passwordTooShort",
    });
  });

  it("follows the contest's CCCD policy", () => {
    const required = registrationSchema({ ...rules, cccdPolicy: "required" });
    expect(errorsOf(required, { ...valid, cccd: "" })).toEqual({ cccd: "registration.error.cccdRequired" });
    expect(registrationSchema(rules).parse({ ...valid, cccd: "" }).cccd).toBeNull();
    const hidden = registrationSchema({ ...rules, cccdPolicy: "hidden" });
    expect(hidden.parse({ ...valid, cccd: "not asked, forged" }).cccd).toBeNull();
  });

  it("catches a CCCD whose birth-year digits contradict the date of birth", () => {
    expect(errorsOf(registrationSchema(rules), { ...valid, birthDate: "1991-05-14" })).toEqual({
      cccd: "registration.error.cccdBirthYear",
    });
  });

  it("applies the contest's age range on Vietnam's calendar", () => {
    expect(errorsOf(registrationSchema({ ...rules, minAge: 40 }), { ...valid, cccd: "" })).toEqual({
      birthDate: "registration.error.birthDateTooYoung",
    });
  });
});

describe("identitySchema", () => {
  it("is the registration form without password and consent", () => {
    const identity = Object.fromEntries(
      Object.entries(valid).filter(([key]) => key !== "password" && key !== "consent"),
    );
    expect(identitySchema(rules).parse(identity).phone).toBe("0905123401");
  });
});

describe("registrationWarnings", () => {
  it("warns, without blocking, when the CCCD's sex digit differs from the gender chosen", () => {
    expect(registrationWarnings({ cccd: "051090010234", birthDate: "1990-05-14", gender: "female" })).toEqual(
      {
        cccd: { key: "registration.error.cccdGender" },
      },
    );
    expect(registrationWarnings({ cccd: "051090010234", birthDate: "1990-05-14", gender: "other" })).toEqual(
      {},
    );
  });
});

describe("statusChangeSchema", () => {
  it("wants a reason in words", () => {
    expect(statusChangeSchema.safeParse({ reason: "  " }).success).toBe(false);
    expect(statusChangeSchema.parse({ reason: " Trùng   hồ sơ 12 " }).reason).toBe("Trùng hồ sơ 12");
  });
});

describe("mayEnterRankedRounds", () => {
  it("keeps committee and jury members and disqualified contestants out of ranked rounds", () => {
    expect(mayEnterRankedRounds({ status: "active", is_staff_member: 0 })).toEqual({ ok: true });
    expect(mayEnterRankedRounds({ status: "active", is_staff_member: 1 })).toEqual({
      ok: false,
      reason: "staffMember",
    });
    expect(mayEnterRankedRounds({ status: "disqualified", is_staff_member: 0 })).toEqual({
      ok: false,
      reason: "disqualified",
    });
  });
});

describe("birthDateBounds", () => {
  it("bounds the date picker by the age range", () => {
    expect(birthDateBounds(rules.now, 10, 100)).toEqual({ min: "1925-11-27", max: "2016-11-27" });
  });
});
