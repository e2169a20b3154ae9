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

describe("the questions' reference date (ngày đối chiếu)", () => {
  it("keeps a calendar day, reads an empty field as 'the first round's opening day', and refuses other text", () => {
    expect(contestSettingsSchema.parse({ ...valid, referenceDate: "2023-06-01" }).referenceDate).toBe(
      "2023-06-01",
    );
    expect(contestSettingsSchema.parse({ ...valid, referenceDate: " " }).referenceDate).toBeNull();
    expect(contestSettingsSchema.parse(valid).referenceDate).toBeNull();
    for (const wrong of ["1/6/2023", "2023-13-45", "hôm nay"])
      expect(
        contestSettingsSchema
          .safeParse({ ...valid, referenceDate: wrong })
          .error?.issues.map((i) => i.path[0]),
      ).toEqual(["referenceDate"]);
  });
});
