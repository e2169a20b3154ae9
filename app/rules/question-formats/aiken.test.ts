import { describe, expect, it } from "vitest";
import { parseAiken, serializeAiken } from "./aiken";
import { sampleDrafts } from "./testing";

const defaults = { topic: "Kỹ năng số", difficulty: "easy" } as const;
const aiken = (text: string, strict?: boolean) =>
  parseAiken(Buffer.from(text, "utf8"), { defaults, ...(strict === undefined ? {} : { strict }) });

describe("aiken round trip", () => {
  it("gives back text, options and answers; topic and difficulty come from the caller", async () => {
    const parsed = await parseAiken(serializeAiken(sampleDrafts), { defaults });
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows.map((r) => r.draft)).toEqual(
      sampleDrafts.map((d) => ({
        ...d,
        ...defaults,
        explanation: "",
        source: { document: "", title: null, article: null },
        tags: [],
      })),
    );
    expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
  });

  it("writes the plain Aiken layout", () => {
    expect(serializeAiken([sampleDrafts[0]!]).toString("utf8")).toBe(
      [
        "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 được phê duyệt tại văn bản nào?",
        "A. Quyết định 749/QĐ-TTg",
        "B. Quyết định 942/QĐ-TTg",
        "C. Quyết định 411/QĐ-TTg",
        "D. Quyết định 06/QĐ-TTg",
        "ANSWER: A",
        "",
      ].join("\n"),
    );
  });
});

describe("reading Aiken", () => {
  it("accepts A. and A) options, CRLF, a BOM and no blank line between questions", async () => {
    const parsed = await aiken(
      "\uFEFFCâu một?\r\nA) Có\r\nB) Không\r\nANSWER: B\r\nCâu hai?\nA. Một\nB. Hai\nC. Ba\nANSWER: C\n",
    );
    expect(parsed.rows.map((r) => [r.line, r.draft?.text, r.draft?.options, r.draft?.correct])).toEqual([
      [1, "Câu một?", ["Có", "Không"], [1]],
      [5, "Câu hai?", ["Một", "Hai", "Ba"], [2]],
    ]);
    expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
  });

  it("reports missing explanation and source only in strict mode", async () => {
    const text = "Câu?\nA. Có\nB. Không\nANSWER: A\n";
    expect((await aiken(text)).rows[0]?.problems).toEqual([]);
    expect((await aiken(text, true)).rows[0]?.problems.map((p) => p.code)).toEqual([
      "missingExplanation",
      "missingSource",
    ]);
  });

  it("reports a missing topic and difficulty when the caller gives none", async () => {
    const parsed = await parseAiken(Buffer.from("Câu?\nA. Có\nB. Không\nANSWER: A\n"));
    expect(parsed.rows[0]?.problems).toEqual([
      { code: "missingTopic", line: 1 },
      { code: "missingDifficulty", line: 1 },
    ]);
    expect(parsed.rows[0]?.draft).toBeNull();
  });

  it("flags options out of order, stray lines, a missing or wrong answer", async () => {
    const parsed = await aiken(`Câu một?
A. Có
C. Không
ANSWER: B

Câu hai?
A. Có
nội dung lạc
B. Không
ANSWER: E

Câu ba?
A. Có
B. Không

Câu bốn?
ANSWER: A
`);
    expect(parsed.rows.map((r) => [r.line, r.problems.map((p) => p.code)])).toEqual([
      [1, ["aikenOptionOrder"]],
      [6, ["aikenBadLine", "correctOutOfRange"]],
      [12, ["missingCorrect"]],
      [16, ["tooFewOptions", "correctOutOfRange"]],
    ]);
    expect(parsed.rows[0]?.problems[0]?.params).toEqual({ value: "C. Không" });
  });

  it("reports empty and non-text files", async () => {
    expect((await aiken("")).fileProblems).toEqual([{ code: "fileEmpty" }]);
    expect((await parseAiken(Buffer.from([0, 1, 2]))).fileProblems).toEqual([
      { code: "notTextFile", params: { format: "Aiken" } },
    ]);
  });
});
