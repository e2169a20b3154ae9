import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { joinSource, parseCorrect, parseDifficulty, parseSource, parseType } from "./draft-row";
import { textArb } from "./testing";

describe("the source written as one text", () => {
  it("joins document, title and article with a spaced em dash", () => {
    const source = {
      document: "Quyết định 749/QĐ-TTg ngày 03/6/2020",
      title: "Phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
      article: "Điều 1",
    };
    const text = joinSource(source);
    expect(text).toBe(
      "Quyết định 749/QĐ-TTg ngày 03/6/2020 — Phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 — Điều 1",
    );
    expect(parseSource(text)).toEqual(source);
  });

  it("leaves out what is missing, keeping the article's place when only the title is missing", () => {
    expect(joinSource({ document: "Luật 20/2023/QH15", title: null, article: null })).toBe(
      "Luật 20/2023/QH15",
    );
    expect(joinSource({ document: "Luật 20/2023/QH15", title: null, article: "Điều 3" })).toBe(
      "Luật 20/2023/QH15 —  — Điều 3",
    );
    expect(parseSource("Luật 20/2023/QH15 —  — Điều 3")).toEqual({
      document: "Luật 20/2023/QH15",
      title: null,
      article: "Điều 3",
    });
    expect(parseSource("  Luật Giao dịch điện tử  ")).toEqual({
      document: "Luật Giao dịch điện tử",
      title: null,
      article: null,
    });
  });

  it("keeps em dashes that are part of a title", () => {
    const source = {
      document: "Nghị quyết 52-NQ/TW",
      title: "Cách mạng công nghiệp — lần thứ tư —",
      article: "— Mục 2",
    };
    expect(parseSource(joinSource(source))).toEqual(source);
  });

  it("is reversible for any parts", () => {
    const part = textArb(30).map((s) => s.replace(/\n/g, " "));
    fc.assert(
      fc.property(
        fc.record({
          document: part,
          title: fc.option(
            fc.oneof(
              part,
              part.map((s) => `${s} — ${s}`),
            ),
            { nil: null },
          ),
          article: fc.option(fc.oneof(part, fc.constant("—"), fc.constant("— — —")), { nil: null }),
        }),
        (source) => {
          expect(parseSource(joinSource(source))).toEqual(source);
        },
      ),
    );
  });
});

describe("letters of the correct answers", () => {
  it("reads one or several letters in any usual spelling", () => {
    expect(parseCorrect("B", "single", 4)).toEqual({ correct: [1], problems: [] });
    expect(parseCorrect("A, C", "multiple", 4)).toEqual({ correct: [0, 2], problems: [] });
    expect(parseCorrect("c;a", "multiple", 4).correct).toEqual([0, 2]);
    expect(parseCorrect("AC", "multiple", 4).correct).toEqual([0, 2]);
    expect(parseCorrect("", "single", 4)).toEqual({ correct: [], problems: [] });
  });

  it("accepts Đúng and Sai for a true/false question", () => {
    expect(parseCorrect("Đúng", "true_false", 2).correct).toEqual([0]);
    expect(parseCorrect("sai", "true_false", 2).correct).toEqual([1]);
  });

  it("names a letter that is not an option letter", () => {
    expect(parseCorrect("A, 3", "multiple", 4).problems).toEqual([
      { code: "badCorrectLetter", params: { value: "3", letters: "A, B, C, D" } },
    ]);
    expect(parseCorrect("G", "single", 4).problems[0]?.code).toBe("badCorrectLetter");
  });
});

describe("vocabulary", () => {
  it("reads difficulty and type with or without diacritics and case", () => {
    expect(parseDifficulty("Dễ")).toBe("easy");
    expect(parseDifficulty("trung binh")).toBe("medium");
    expect(parseDifficulty("KHÓ")).toBe("hard");
    expect(parseDifficulty("Rất khó")).toBeUndefined();
    expect(parseType("Một đáp án")).toBe("single");
    expect(parseType("nhieu dap an")).toBe("multiple");
    expect(parseType("Đúng / Sai")).toBe("true_false");
    expect(parseType("Tự luận")).toBeUndefined();
  });
});
