import { describe, expect, it } from "vitest";
import { checkQuestionFiles, type CheckReport } from "~/rules/question-formats/check";
import { serializeCsv } from "~/rules/question-formats/csv";
import { sampleDrafts } from "~/rules/question-formats/testing";
import { describeCheckReport } from "./problems";

// The rule reports codes; what the command line prints is the report in Vietnamese.
const linesOf = (report: CheckReport) => describeCheckReport("vi", report).lines;

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
  it("prints each problem as FILE:ROW: message, then one summary line", async () => {
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
    expect(linesOf(report)).toEqual([
      "kinh-te-so.json:22: chưa có đáp án đúng",
      'xa-hoi-so.json:22: mã câu hỏi "kts-001" đã dùng trong kinh-te-so.json: mỗi câu cần một mã riêng trong cả ngân hàng',
      "cau-hoi.csv:2: chưa có giải thích đáp án",
      "ghi-chu.md:1: không nhận dạng được định dạng tệp: dùng .xlsx, .csv, .gift, .aiken (hoặc .txt) hay .json",
      "xa-hoi-so.json:5: trùng nội dung với câu hỏi kts-001",
    ]);
    expect(report.summary).toBe("5 questions, 3 topics, 5 errors");
  });

  it("ends with zero errors for a clean bank", async () => {
    const report = await checkQuestionFiles([
      { name: "a.json", bytes: json({ topic: "Kinh tế số", questions: [entry("kts-001", "Một?")] }) },
    ]);
    expect(linesOf(report)).toEqual([]);
    expect(report).toMatchObject({ summary: "1 questions, 1 topics, 0 errors", errors: 0 });
  });

  it("marks warnings as such and does not count them as errors", async () => {
    const long = entry("kts-002", "Kinh tế số là gì?", {
      options: ["Hoạt động kinh tế dùng dữ liệu số và công nghệ số làm yếu tố chính", "Buôn bán", "Nuôi cá"],
    });
    const report = await checkQuestionFiles([
      { name: "kts.json", bytes: json({ topic: "Kinh tế số", questions: [long] }) },
    ]);
    expect(linesOf(report)).toHaveLength(1);
    expect(linesOf(report)[0]).toMatch(/^kts\.json:5: warning: \[keyMuchLonger\] /);
    expect(report.summary).toBe("1 questions, 1 topics, 0 errors");
    expect(report.figures).toMatchObject({ single: 1, keyLongest: 1 });
  });

  it("reads superseded.json as the table, not a topic, and flags a basis replaced before validUntil", async () => {
    const superseded = {
      documents: [
        {
          document: "59/2022/NĐ-CP",
          title: "Nghị định quy định về định danh và xác thực điện tử",
          replacedBy: "69/2024/NĐ-CP",
          from: "2024-07-01",
        },
      ],
    };
    const old = entry("ddd-001", "Tài khoản định danh điện tử mức 2 do ai cấp?", {
      basis: ["59/2022/NĐ-CP"],
      validFrom: "2022-10-20",
    });
    const closed = entry("ddd-002", "Nghị định nào quy định định danh điện tử năm 2023?", {
      basis: ["59/2022/NĐ-CP"],
      validUntil: "2024-07-01",
    });
    const report = await checkQuestionFiles([
      { name: "question-bank/superseded.json", bytes: json(superseded) },
      {
        name: "question-bank/ddd.json",
        bytes: json({ topic: "Định danh điện tử", questions: [old, closed] }),
      },
    ]);
    expect(linesOf(report)).toEqual([
      "question-bank/ddd.json:5: căn cứ 59/2022/NĐ-CP đã được thay bằng 69/2024/NĐ-CP từ 2024-07-01, nhưng câu hỏi vẫn được coi là đúng sau ngày đó: đặt validUntil là 2024-07-01 hoặc viết câu mới theo văn bản mới",
    ]);
    expect(report.summary).toBe("2 questions, 1 topics, 1 errors");
  });
});
