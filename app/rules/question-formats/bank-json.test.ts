import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SUPERSEDED_FILE } from "../superseded";
import { bankFileSchema, parseBankJson } from "./bank-json";

const BANK_DIR = path.resolve(__dirname, "../../../question-bank");
const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2), "utf8");

const good = {
  key: "cqs-001",
  type: "single",
  difficulty: "easy",
  text: "Chương trình Chuyển đổi số quốc gia được phê duyệt tại văn bản nào?",
  options: ["Quyết định 749/QĐ-TTg", "Quyết định 942/QĐ-TTg"],
  correct: ["A"],
  explanation: "Quyết định 749/QĐ-TTg ngày 03/6/2020.",
  source: {
    document: "Quyết định 749/QĐ-TTg ngày 03/6/2020",
    title: "Phê duyệt Chương trình",
    article: "Điều 1",
  },
  tags: ["749"],
};

describe("the bundled bank's JSON", () => {
  it("reads validity, basis and exclusion groups into the draft", async () => {
    const parsed = await parseBankJson(
      json({
        topic: "Định danh điện tử",
        questions: [
          {
            ...good,
            validFrom: "2022-10-20",
            validUntil: "2024-07-01",
            basis: ["59/2022/NĐ-CP"],
            exclusionGroups: ["ddd-muc-2"],
          },
          { ...good, key: "cqs-002", text: "Câu khác?", validFrom: "2024-13-01", validUntil: "2020-01-01" },
        ],
      }),
    );
    expect(parsed.rows[0]?.problems).toEqual([]);
    expect(parsed.rows[0]?.draft).toMatchObject({
      validFrom: "2022-10-20",
      validUntil: "2024-07-01",
      basis: ["59/2022/NĐ-CP"],
      exclusionGroups: ["ddd-muc-2"],
    });
    expect(parsed.rows[1]?.problems.map((p) => p.code)).toEqual(["badValidDate", "validUntilNotAfterFrom"]);
  });

  it("turns entries into drafts keyed by question key, on the key's line", async () => {
    const parsed = await parseBankJson(
      json({
        topic: "Chính quyền số",
        questions: [good, { ...good, key: "cqs-002", text: "Câu khác?", tags: undefined }],
      }),
    );
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows.map((r) => [r.key, r.line, r.problems])).toEqual([
      ["cqs-001", 5, []],
      ["cqs-002", 27, []],
    ]);
    expect(parsed.rows[0]?.draft).toEqual({
      topic: "Chính quyền số",
      type: "single",
      difficulty: "easy",
      text: good.text,
      options: good.options,
      correct: [0],
      explanation: good.explanation,
      source: good.source,
      tags: ["749"],
    });
    expect(parsed.rows[1]?.draft?.tags).toEqual([]);
  });

  it("reports each entry's problems on its own", async () => {
    const parsed = await parseBankJson(
      json({
        topic: "Kinh tế số",
        questions: [
          { ...good, key: "kts-004", correct: [] },
          { ...good, key: "KTS 5", difficulty: "rất khó", extra: 1 },
          {
            ...good,
            key: "kts-006",
            source: undefined,
            options: ["Đúng", "Sai"],
            type: "true_false",
            correct: ["A", "B"],
          },
          { ...good, key: "kts-004", text: "Khác?", explanation: "" },
        ],
      }),
    );
    expect(parsed.rows.map((r) => [r.key, r.problems.map((p) => p.code)])).toEqual([
      ["kts-004", ["missingCorrect"]],
      ["KTS 5", ["bankBadKey", "unknownDifficulty", "bankUnknownField"]],
      ["kts-006", ["bankMissingField"]],
      ["kts-004", ["bankDuplicateKey", "missingExplanation"]],
    ]);
    expect(parsed.rows[2]?.problems[0]?.params).toEqual({ field: "source" });
    expect(parsed.rows[3]?.problems[0]?.params).toEqual({ key: "kts-004", other: 5 });
  });

  it("says what is wrong with a file that is not a bank file", async () => {
    expect((await parseBankJson(Buffer.from("{ not json"))).fileProblems[0]?.code).toBe("notJson");
    expect((await parseBankJson(json([1, 2]))).fileProblems).toEqual([{ code: "bankNotObject" }]);
    expect((await parseBankJson(json({ questions: [] }))).fileProblems).toEqual([
      { code: "bankMissingTopic" },
    ]);
    expect((await parseBankJson(json({ topic: "X", questions: [] }))).fileProblems).toEqual([
      { code: "noQuestions" },
    ]);
  });

  it("validates every file of question-bank/ with the schema and the rules", async () => {
    const files = readdirSync(BANK_DIR).filter((f) => f.endsWith(".json") && f !== SUPERSEDED_FILE);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(path.join(BANK_DIR, file));
      expect(bankFileSchema.safeParse(JSON.parse(bytes.toString("utf8"))).success, file).toBe(true);
      const parsed = await parseBankJson(bytes);
      const problems = [
        ...parsed.fileProblems,
        ...parsed.rows.flatMap((r) => r.problems.map((p) => ({ key: r.key, ...p }))),
      ];
      expect(problems, file).toEqual([]);
    }
  });
});
