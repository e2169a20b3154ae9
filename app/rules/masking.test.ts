import { describe, expect, it } from "vitest";
import { maskName } from "./masking";

describe("maskName", () => {
  it("keeps family and middle names and shortens the given name", () => {
    expect(maskName("Nguyễn Văn An")).toBe("Nguyễn Văn A.");
    expect(maskName("Trần Thị Ánh Ngọc")).toBe("Trần Thị Ánh N.");
    expect(maskName("Lê Bình")).toBe("Lê B.");
  });

  it("keeps the diacritics of the initial", () => {
    expect(maskName("Phạm Thị Ánh")).toBe("Phạm Thị Á.");
    expect(maskName("Võ Đức")).toBe("Võ Đ.");
  });

  it("shortens a single-word name to its initial", () => {
    expect(maskName("Hiền")).toBe("H.");
  });

  it("tidies spaces and composes decomposed text (NFC)", () => {
    expect(maskName("  Lê   Bình \t")).toBe("Lê B.");
    const decomposed = "Nguyễn Văn Ánh".normalize("NFD");
    const masked = maskName(decomposed);
    expect(masked).toBe("Nguyễn Văn Á.");
    expect(masked).toBe(masked.normalize("NFC"));
  });

  it("upper-cases the initial of a name typed in lower case", () => {
    expect(maskName("nguyễn văn ấn")).toBe("nguyễn văn Ấ.");
  });

  it("never reveals the given name beyond its first letter", () => {
    for (const name of ["Đặng Thùy Trâm", "H'Hen Niê", "Y-Moan Ênuôl"]) {
      const given = name.split(" ").at(-1)!;
      expect(maskName(name).endsWith(`${given[0].toLocaleUpperCase("vi")}.`)).toBe(true);
      expect(maskName(name)).not.toContain(given);
    }
  });

  it("gives an empty string for an empty name", () => {
    expect(maskName("   ")).toBe("");
  });
});
