import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password";

describe("passwords", () => {
  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("Lý Sơn 2023!");
    expect(stored.startsWith("scrypt$32768$8$1$")).toBe(true);
    expect(await verifyPassword("Lý Sơn 2023!", stored)).toBe(true);
    expect(await verifyPassword("Ly Son 2023!", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("treats composed and decomposed Vietnamese as the same password", async () => {
    const stored = await hashPassword("Chuyển đổi số".normalize("NFC"));
    expect(await verifyPassword("Chuyển đổi số".normalize("NFD"), stored)).toBe(true);
  });

  it("refuses a malformed stored hash", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
  });

  it("generates readable passwords without look-alikes", () => {
    const p = generatePassword(40);
    expect(p).toHaveLength(40);
    expect(p).not.toMatch(/[01ilIoO]/);
  });
});
