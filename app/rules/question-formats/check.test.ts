import { describe, expect, it } from "vitest";
import { checkQuestionFiles } from "./check";
import { serializeCsv } from "./csv";
import { sampleDrafts } from "./testing";

const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2), "utf8");
const entry = (key: string, text: string, extra: Record<string, unknown> = {}) => ({
  key,
  type: "single",
  difficulty: "easy",
  text,
  options: ["Có", "Không"],
  correct: ["A"],
  explanation: "Vì vậy.",
  source: { document: "Luật Giao dịch điện tử 2023" },
  ...extra,
});

describe("questions:check", () => {
  it("prints each problem with file and key or line, then one summary line", async () => {
    const report = await checkQuestionFiles([
      {
        name: "kinh-te-so.json",
        bytes: json({
          topic: "Kinh tế số",
          questions: [entry("kts-001", "Một?"), entry("kts-004", "Hai?", { correct: [] })],
        }),
      },
      {
        name: "xa-hoi-so.json",
        bytes: json({ topic: "Xã hội số", questions: [entry("xhs-001", "MỘT"), entry("kts-001", "Ba?")] }),
      },
      { name: "cau-hoi.csv", bytes: serializeCsv([{ ...sampleDrafts[0]!, explanation: "" }]) },
      { name: "ghi-chu.md", bytes: Buffer.from("#") },
    ]);
    expect(report.lines).toEqual([
      "kinh-te-so.json, kts-004: chưa có đáp án đúng",
      'xa-hoi-so.json, kts-001: mã câu hỏi "kts-001" đã dùng trong kinh-te-so.json: mỗi câu cần một mã riêng trong cả ngân hàng',
      "cau-hoi.csv, dòng 2: chưa có giải thích đáp án",
      "ghi-chu.md: không nhận dạng được định dạng tệp: dùng .xlsx, .csv, .gift, .aiken (hoặc .txt) hay .json",
      "xa-hoi-so.json, xhs-001: trùng nội dung với câu hỏi kinh-te-so.json, kts-001",
    ]);
    expect(report.summary).toBe("5 questions, 3 topics, 5 errors");
  });

  it("ends with zero errors for a clean bank", async () => {
    const report = await checkQuestionFiles([
      { name: "a.json", bytes: json({ topic: "Kinh tế số", questions: [entry("kts-001", "Một?")] }) },
    ]);
    expect(report).toMatchObject({ lines: [], summary: "1 questions, 1 topics, 0 errors", errors: 0 });
  });
});
