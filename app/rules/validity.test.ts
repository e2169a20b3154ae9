import { describe, expect, it } from "vitest";
import { contestYearWindow, expiresWithin, isoToVnDate } from "./validity";
import { isValidOn } from "./question";

describe("validity", () => {
  it("is the half-open interval [validFrom, validUntil)", () => {
    const q = { validFrom: "2022-10-20", validUntil: "2024-07-01" };
    expect(isValidOn(q, "2022-10-19")).toBe(false);
    expect(isValidOn(q, "2022-10-20")).toBe(true);
    expect(isValidOn(q, "2024-06-30")).toBe(true);
    expect(isValidOn(q, "2024-07-01")).toBe(false);
    expect(isValidOn({}, "1999-01-01")).toBe(true);
    expect(isValidOn({ validFrom: null, validUntil: "2026-01-01" }, "2026-12-01")).toBe(false);
  });

  it("writes dates the Vietnamese way", () => {
    expect(isoToVnDate("2023-06-01")).toBe("01/06/2023");
  });

  it("finds the questions that stop being true within the contest's year", () => {
    const window = contestYearWindow("2024-03-01");
    expect(expiresWithin("2024-07-01", window)).toBe(true);
    expect(expiresWithin("2024-12-31", window)).toBe(true);
    expect(expiresWithin("2025-01-01", window)).toBe(true);
    expect(expiresWithin("2025-01-02", window)).toBe(false);
    expect(expiresWithin("2024-03-01", window)).toBe(false);
    expect(expiresWithin(null, window)).toBe(false);
  });
});
