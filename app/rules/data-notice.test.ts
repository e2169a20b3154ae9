import { describe, expect, it } from "vitest";
import { defaultDataNotice, personalDataRule } from "./data-notice";

describe("the default data notice", () => {
  it("cites the rule in force on the contest's first day", () => {
    expect(personalDataRule("2025-06-01", "2026-11-30")).toContain("13/2023/NĐ-CP");
    expect(personalDataRule("2026-01-01", "2025-01-01")).toContain("91/2025/QH15");
    expect(personalDataRule(null, "2026-11-30")).toContain("91/2025/QH15");
    expect(defaultDataNotice("Huyện đoàn Lý Sơn", "2027-05-01", "2026-11-30")).toMatch(
      /^Huyện đoàn Lý Sơn thu thập/,
    );
  });
});
