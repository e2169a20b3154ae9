import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROBLEM_CODES, QUESTION_RULE_CODES } from "~/rules/question-formats/problems";
import { bank as viBank } from "./vi/bank";
import { bank as enBank } from "./en/bank";
import { bankValidity as viBankValidity } from "./vi/bank-validity";
import { bankValidity as enBankValidity } from "./en/bank-validity";
import { media as viMedia } from "./vi/media";
import { media as enMedia } from "./en/media";
import { describeProblem } from "./problems";

// Problem texts live in the bank area and, for validity and item writing, in the bank-validity area.
const vi = { ...viBank, ...viBankValidity, ...viMedia };
const en = { ...enBank, ...enBankValidity, ...enMedia };

describe("problem texts", () => {
  it("exist in Vietnamese and English for every code", () => {
    for (const code of PROBLEM_CODES) {
      expect(vi, code).toHaveProperty(`bank.problem.${code}`);
      expect(en, code).toHaveProperty(`bank.problem.${code}`);
    }
  });

  it("cover every code the question rules produce", () => {
    const source = readFileSync(path.resolve(__dirname, "../rules/question.ts"), "utf8");
    const produced = [...source.matchAll(/code: "(\w+)"/g)].map((m) => m[1]);
    expect(produced.length).toBeGreaterThan(10);
    expect([...QUESTION_RULE_CODES].sort()).toEqual([...new Set(produced)].sort());
  });

  it("render with the row's line", () => {
    expect(describeProblem("vi", { code: "missingCorrect", line: 14 })).toBe("Dòng 14: chưa có đáp án đúng");
    expect(describeProblem("en", { code: "missingCorrect", line: 14 })).toBe(
      "Line 14: no correct answer given",
    );
    expect(describeProblem("vi", { code: "correctOutOfRange", params: { letters: "A, B, C" } })).toBe(
      "đáp án đúng phải là một trong các phương án có nội dung (A, B, C)",
    );
  });

  it("name a Word question as the document does, quoting it", () => {
    // The codes and quotes come from the Word reader (app/rules/question-formats/docx.test.ts).
    const noAlt = {
      code: "pictureNoAlt",
      params: { at: "Câu 7", quote: "Tin nhắn trong hình có phải lừa đảo không?" },
    };
    expect(describeProblem("vi", noAlt)).toMatch(
      /^Câu 7 \(«Tin nhắn trong hình có phải lừa đảo không\?»\): hình chưa có mô tả/,
    );
    const noKey = {
      code: "wordNoKey",
      params: { at: "Câu 7", quote: "Khi nhận được tin nhắn báo trúng thưởng kèm đường dẫn, bạ…" },
    };
    expect(describeProblem("vi", noKey)).toBe(
      "Câu 7 («Khi nhận được tin nhắn báo trúng thưởng kèm đường dẫn, bạ…»): không tìm thấy đáp án đúng — hãy gạch chân, in đậm hoặc tô đỏ đáp án, hoặc thêm dòng 'Đáp án: …'",
    );
  });

  it("leave no placeholder unfilled for the parameters the readers give", () => {
    const params = {
      min: 2,
      max: 6,
      letters: "A, B",
      value: "X",
      allowed: "Dễ",
      letter: "C",
      next: "D",
      column: "A",
      columns: "A",
      kind: "essay",
      field: "x",
      key: "k",
      other: 1,
      maxMb: 5,
      format: "CSV",
      line: 3,
      detail: "d",
      missing: "A",
      expected: "B",
      message: "m",
      from: "2024-07-01",
      until: "2024-07-01",
      group: "g",
      document: "59/2022/NĐ-CP",
      replacedBy: "69/2024/NĐ-CP",
      index: 1,
      ratio: 2,
      words: "chỉ",
      similarity: "90%",
      share: "50%",
      name: "a.png",
      maxPixels: 24,
    };
    for (const code of PROBLEM_CODES)
      expect(describeProblem("vi", { code, params }), code).not.toMatch(/\{\w+\}/);
  });
});
