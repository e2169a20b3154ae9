import { describe, expect, it } from "vitest";
import { contestSettingsSchema } from "./contest-settings";

const valid = {
  title: "  Hội thi tìm hiểu về Chuyển đổi số ",
  organizerName: "Ban tổ chức",
  description: "",
  dataNotice: "Thông báo xử lý dữ liệu cá nhân",
  cccdPolicy: "required",
  minAge: "16",
  maxAge: "60",
};

describe("contest settings", () => {
  it("accepts and tidies valid settings", () => {
    expect(contestSettingsSchema.parse(valid)).toMatchObject({
      title: "Hội thi tìm hiểu về Chuyển đổi số",
      minAge: 16,
      maxAge: 60,
    });
  });

  it("refuses an unknown CCCD policy, ages out of order, and an empty data notice", () => {
    const issues = (input: object) =>
      contestSettingsSchema
        .safeParse({ ...valid, ...input })
        .error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues({ cccdPolicy: "always" })).toEqual([["cccdPolicy", "console.contest.error.cccdPolicy"]]);
    expect(issues({ minAge: "70" })).toEqual([["maxAge", "console.contest.error.ageOrder"]]);
    expect(issues({ dataNotice: "   " })).toEqual([["dataNotice", "console.contest.error.dataNotice"]]);
    expect(issues({ maxAge: "abc" })).toEqual([["maxAge", "console.contest.error.age"]]);
  });
});
