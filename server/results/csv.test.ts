import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { safeText } from "./csv";

describe("CSV text cells", () => {
  it("defuse anything a spreadsheet would run as a formula", () => {
    for (const value of ["=1+2", "+84 912", "-Lê", "@SUM(A1)", "\tx", "\rx"]) {
      expect(safeText(value)).toBe(`'${value}`);
    }
  });

  it("leave ordinary Vietnamese names exactly as they are", () => {
    expect(safeText("Nguyễn Thị Ánh Ngọc")).toBe("Nguyễn Thị Ánh Ngọc");
    fc.assert(
      fc.property(fc.string(), (value) => {
        const out = safeText(value);
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
        expect(out.endsWith(value)).toBe(true);
      }),
    );
  });
});
