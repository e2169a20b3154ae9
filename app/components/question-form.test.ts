import { describe, expect, it } from "vitest";
import { parseQuestionForm, valuesOfDraft } from "./question-form";

function form(extra: Record<string, string>): FormData {
  const data = new FormData();
  const fields: Record<string, string> = {
    topicId: "1",
    difficulty: "easy",
    type: "single",
    text: "Tài khoản định danh điện tử mức 2 được dùng để làm gì?",
    option0: "Thay thẻ căn cước khi làm thủ tục",
    option1: "Chơi trò chơi trực tuyến",
    option2: "",
    option3: "",
    option4: "",
    option5: "",
    explanation: "Tài khoản mức 2 có giá trị tương đương thẻ căn cước.",
    sourceDocument: "Nghị định 69/2024/NĐ-CP",
    sourceTitle: "",
    sourceArticle: "",
    tags: "",
    ...extra,
  };
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  data.append("correct", "0");
  return data;
}
const topics = [{ id: 1, name: "Định danh điện tử" }];

describe("the question editor's validity fields", () => {
  it("carry validFrom, validUntil, basis and exclusion groups into the draft and back", () => {
    const parsed = parseQuestionForm(
      form({
        validFrom: "2024-07-01",
        validUntil: "",
        basis: "69/2024/NĐ-CP, 69/2024/NĐ-CP",
        exclusionGroups: "ddd-muc-2",
      }),
      topics,
      "approved",
      "vi",
    );
    expect("draft" in parsed && parsed.draft).toMatchObject({
      validFrom: "2024-07-01",
      basis: ["69/2024/NĐ-CP"],
      exclusionGroups: ["ddd-muc-2"],
    });
    if (!("draft" in parsed)) return;
    expect(parsed.draft.validUntil).toBeUndefined();
    expect(valuesOfDraft(parsed.draft, 1)).toMatchObject({
      validFrom: "2024-07-01",
      validUntil: "",
      basis: "69/2024/NĐ-CP",
      exclusionGroups: "ddd-muc-2",
    });
  });

  it("refuse a period that ends before it starts and a group name with spaces, in Vietnamese", () => {
    const parsed = parseQuestionForm(
      form({ validFrom: "2024-07-01", validUntil: "2023-01-01", exclusionGroups: "Nhóm A" }),
      topics,
      "approved",
      "vi",
    );
    expect("errors" in parsed && parsed.errors.fields).toEqual(["validUntil", "exclusionGroups"]);
    expect("errors" in parsed && parsed.errors.messages[0]).toMatch(/^Ngày hết đúng \(2023-01-01\) phải sau/);
  });
});
