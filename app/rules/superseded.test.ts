import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseSuperseded, supersededProblems } from "./superseded";

const fixture = readFileSync(
  path.resolve(__dirname, "../../tests/fixtures/question-bank/superseded.json"),
  "utf8",
);

describe("the superseded-documents table", () => {
  it("reads the documents of the fixture", () => {
    const { documents, problems } = parseSuperseded(fixture);
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.document, d.replacedBy, d.from])).toEqual([
      ["59/2022/NĐ-CP", "69/2024/NĐ-CP", "2024-07-01"],
      ["13/2023/NĐ-CP", "91/2025/QH15", "2026-01-01"],
    ]);
  });

  it("reports a bad entry on its line and keeps the good ones", () => {
    const text =
      '{ "documents": [\n  { "document": "A", "from": "2024-07-01" },\n  { "document": "B", "from": "1/7/2024" }\n] }';
    const { documents, problems } = parseSuperseded(text);
    expect(documents).toHaveLength(1);
    expect(problems).toEqual([{ line: 3, code: "supersededBadEntry", params: { index: 2, field: "from" } }]);
  });

  it("flags a basis superseded before the question's validUntil, or with none", () => {
    const { documents } = parseSuperseded(fixture);
    expect(supersededProblems({ basis: ["59/2022/NĐ-CP"] }, documents)).toEqual([
      {
        code: "basisSuperseded",
        params: { document: "59/2022/NĐ-CP", replacedBy: "69/2024/NĐ-CP", from: "2024-07-01" },
      },
    ]);
    expect(
      supersededProblems({ basis: ["59/2022/nđ-cp"], validUntil: "2024-08-01" }, documents),
    ).toHaveLength(1);
    expect(supersededProblems({ basis: ["59/2022/NĐ-CP"], validUntil: "2024-07-01" }, documents)).toEqual([]);
    expect(supersededProblems({ basis: ["749/QĐ-TTg"] }, documents)).toEqual([]);
    expect(supersededProblems({}, documents)).toEqual([]);
  });
});
