import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { decimal, keepDigits, safeText } from "./csv";

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

describe("CSV cells for Vietnamese Excel", () => {
  it("keep a phone number's or CCCD's leading zero as text Excel evaluates", () => {
    expect(keepDigits("0901234567")).toBe('="0901234567"');
    expect(keepDigits("001203004567")).toBe('="001203004567"');
  });

  it("never turn anything but digits into a formula", () => {
    expect(keepDigits("=1+2")).toBe("'=1+2");
    expect(keepDigits("+84901234567")).toBe("'+84901234567");
    expect(keepDigits("")).toBe("");
    fc.assert(
      fc.property(fc.string(), (value) => {
        const out = keepDigits(value);
        if (/^\d+$/.test(value)) expect(out).toBe(`="${value}"`);
        else expect(out).toBe(safeText(value));
      }),
    );
  });

  it("write decimals with a comma", () => {
    expect(decimal("12.345")).toBe("12,345");
    expect(decimal(9.5)).toBe("9,5");
    expect(decimal(10)).toBe("10");
    expect(decimal(null)).toBeNull();
  });
});
