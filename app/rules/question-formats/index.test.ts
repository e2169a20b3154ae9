import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  EXPORT_FORMATS,
  IMPORT_FORMATS,
  MAX_FILE_BYTES,
  detectFormat,
  findDuplicates,
  parseQuestionFile,
  serializeQuestions,
} from "./index";
import { sampleDrafts } from "./testing";

describe("validity columns (issue 12)", () => {
  const dated = {
    ...sampleDrafts[0]!,
    validFrom: "2022-10-20",
    validUntil: "2024-07-01",
    basis: ["59/2022/NĐ-CP", "Luật Căn cước 2023"],
    exclusionGroups: ["ddd-muc-2"],
  };
  it("travel through xlsx, csv and GIFT and back", async () => {
    for (const format of ["xlsx", "csv", "gift"] as const) {
      const parsed = await parseQuestionFile(
        format,
        await serializeQuestions(format, [dated, sampleDrafts[1]!]),
      );
      expect(
        parsed.rows.map((r) => r.problems),
        format,
      ).toEqual([[], []]);
      expect(parsed.rows[0]?.draft, format).toEqual(dated);
      expect(parsed.rows[1]?.draft, format).toEqual(sampleDrafts[1]);
    }
  });

  it("read a date typed the Vietnamese way in a spreadsheet", async () => {
    const header =
      "Câu hỏi,A,B,Đáp án đúng,Chủ đề,Mức độ,Loại,Giải thích,Nguồn,Đúng từ ngày,Hết đúng từ ngày";
    const row = "Câu?,Có,Không,A,Kinh tế số,Dễ,Một đáp án,Vì vậy.,Luật 2023,1/7/2024,";
    const parsed = await parseQuestionFile("csv", Buffer.from(`${header}\r\n${row}\r\n`));
    expect(parsed.rows[0]?.problems).toEqual([]);
    expect(parsed.rows[0]?.draft?.validFrom).toBe("2024-07-01");
    expect(parsed.rows[0]?.draft).not.toHaveProperty("validUntil");
  });
});

describe("detectFormat", () => {
  it("goes by the extension", () => {
    expect(detectFormat("Ngân hàng câu hỏi.XLSX")).toBe("xlsx");
    expect(detectFormat("cau-hoi.csv")).toBe("csv");
    expect(detectFormat("moodle.gift")).toBe("gift");
    expect(detectFormat("de-thi.aiken")).toBe("aiken");
    expect(detectFormat("kinh-te-so.json")).toBe("json");
    expect(detectFormat("cau-hoi.xls")).toBeNull();
    expect(detectFormat("README.md")).toBeNull();
  });

  it("looks inside a .txt to tell GIFT from Aiken", () => {
    expect(detectFormat("export.gift.txt")).toBe("gift");
    expect(detectFormat("a.txt", Buffer.from("Câu?\nA. Có\nB. Không\nANSWER: A\n"))).toBe("aiken");
    expect(detectFormat("b.txt", Buffer.from("Câu? {=Có ~Không}\n"))).toBe("gift");
    expect(detectFormat("c.txt", Buffer.from("ghi chú"))).toBeNull();
    expect(detectFormat("c.txt")).toBeNull();
  });
});

describe("parseQuestionFile and serializeQuestions", () => {
  it("round-trips every export format", async () => {
    for (const format of EXPORT_FORMATS) {
      const parsed = await parseQuestionFile(format, await serializeQuestions(format, sampleDrafts), {
        defaults: { topic: "Chính quyền số", difficulty: "easy" },
      });
      expect(parsed.fileProblems, format).toEqual([]);
      expect(
        parsed.rows.map((r) => r.draft?.text),
        format,
      ).toEqual(sampleDrafts.map((d) => d.text));
      expect(
        parsed.rows.map((r) => r.draft?.correct),
        format,
      ).toEqual(sampleDrafts.map((d) => d.correct));
    }
  });

  it("refuses a file over 5 MB before reading it", async () => {
    const parsed = await parseQuestionFile("csv", new Uint8Array(MAX_FILE_BYTES + 1));
    expect(parsed).toEqual({ rows: [], fileProblems: [{ code: "fileTooLarge", params: { maxMb: 5 } }] });
  });

  it("never throws on garbage, in any format", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...IMPORT_FORMATS),
        fc.uint8Array({ maxLength: 300 }),
        async (format, bytes) => {
          const parsed = await parseQuestionFile(format, bytes);
          expect(parsed.rows.length > 0 || parsed.fileProblems.length > 0).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives a clear problem for an empty file in every format", async () => {
    for (const format of IMPORT_FORMATS)
      expect((await parseQuestionFile(format, new Uint8Array())).fileProblems, format).toEqual([
        { code: "fileEmpty" },
      ]);
  });
});

describe("findDuplicates", () => {
  it("flags the same text after folding spaces, case, diacritics and punctuation", () => {
    const found = findDuplicates(
      [
        { text: "Chuyển đổi số là gì?", line: 2 },
        { text: "  CHUYEN   doi so la gi ", line: 7 },
        { text: "Kinh tế số là gì?", line: 9 },
        { text: "Định danh điện tử là gì?", line: 12 },
      ],
      ["Dinh danh dien tu la gi"],
    );
    expect(found).toEqual([
      [],
      [{ code: "duplicateOfLine", params: { other: 2 }, line: 7 }],
      [],
      [{ code: "duplicateExisting", line: 12 }],
    ]);
  });

  it("names the earlier question by key or reference when there is one", () => {
    expect(
      findDuplicates([
        { text: "Câu A", key: "kts-001" },
        { text: "câu a", key: "kts-009" },
      ])[1],
    ).toEqual([{ code: "duplicateInFile", params: { other: "kts-001" } }]);
    expect(findDuplicates(sampleDrafts.concat(sampleDrafts[0]!))[3]).toEqual([
      { code: "duplicateInFile", params: { other: 1 } },
    ]);
  });
});
