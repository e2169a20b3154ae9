/**
 * The rules under app/rules/ speak in codes, spelled as catalogue keys or mapped onto them (issue 16);
 * these check that every code they can return has its words in both languages.
 */
import { describe, expect, it } from "vitest";
import { IDENTITY_ERRORS } from "~/rules/identity";
import { REGISTRATION_ERRORS } from "~/rules/registration";
import { ROUND_PROBLEM_CODES } from "~/rules/round-settings";
import type { UnitProblem } from "~/rules/unit-list";
import { translate, translateDynamic, type MessageKey } from "./index";
import { registration as vi } from "./vi/registration";
import { registration as en } from "./en/registration";

// The type checker refuses a code that is not a catalogue key (what `satisfies` did inside the rules).
const identityKeys: Readonly<Record<string, MessageKey>> = IDENTITY_ERRORS;
const registrationKeys: Readonly<Record<string, MessageKey>> = REGISTRATION_ERRORS;
const unitListKey = (key: UnitProblem["key"]): MessageKey => key;

describe("registration codes", () => {
  it("are all catalogue keys", () => {
    expect(Object.keys(identityKeys).length).toBeGreaterThan(10);
    expect(Object.keys(registrationKeys).length).toBeGreaterThan(5);
    expect(translate("vi", unitListKey("registration.units.import.empty"))).not.toBe(
      "registration.units.import.empty",
    );
  });

  it("has a Vietnamese and an English text for every key it emits", () => {
    for (const key of Object.values(REGISTRATION_ERRORS)) {
      expect(translate("vi", key as MessageKey)).not.toBe(key);
      expect(translate("en", key as MessageKey)).not.toBe(key);
    }
  });

  it("has a Vietnamese and an English text for every error this module emits, with the same parameters", () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.values(IDENTITY_ERRORS)) {
      expect(vi[key]).toBeTruthy();
      expect(en[key]).toBeTruthy();
      expect(params(en[key])).toEqual(params(vi[key]));
    }
    expect(vi["registration.error.birthDateTooYoung"]).toContain("{minAge}");
    expect(vi["registration.error.cccdProvince"]).toContain("{code}");
  });

  it("writes Vietnamese in NFC", () => {
    for (const text of Object.values(vi)) expect(text).toBe(text.normalize("NFC"));
  });
});

describe("round problem codes", () => {
  it("has a Vietnamese and an English text for every problem code", () => {
    for (const code of ROUND_PROBLEM_CODES) {
      const key = `round.problem.${code}`;
      expect(translateDynamic("vi", key), key).not.toBe(key);
      expect(translate("en", key as MessageKey), key).not.toBe(key);
    }
    expect(translate("vi", "round.problem.drawShortfallShared")).toContain("{available}");
  });

  it("says the shortfall the way the organizer reads it", () => {
    const what = translate("vi", "round.draw.what.both", {
      count: 8,
      difficulty: "Khó",
      topic: "An toàn thông tin",
    });
    expect(translate("vi", "round.problem.drawShortfall", { line: 2, what, available: 5, missing: 3 })).toBe(
      "Dòng 2 của đề: cần 8 câu Khó chủ đề An toàn thông tin, ngân hàng chỉ có 5 câu đã duyệt (thiếu 3 câu).",
    );
  });
});
