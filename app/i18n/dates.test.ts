import { describe, expect, it } from "vitest";
import { formatDateIn, formatDateTimeIn } from "./dates";

describe("dates in the page's language", () => {
  // 17:30 UTC on 31 December is already New Year's Day in Vietnam.
  const at = new Date("2026-12-31T17:30:00Z");

  it("reads as Vietnamese documents write it on Vietnamese pages", () => {
    expect(formatDateTimeIn("vi", at)).toBe("00:30 ngày 01/01/2027");
    expect(formatDateIn("vi", at)).toBe("01/01/2027");
  });

  it("reads as English on English pages, still on Vietnam's clock", () => {
    expect(formatDateTimeIn("en", at)).toBe("1 Jan 2027, 00:30");
    expect(formatDateIn("en", at)).toBe("1 Jan 2027");
  });
});
