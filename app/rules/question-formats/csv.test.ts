import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { detectDelimiter, guardFormula, parseCsv, serializeCsv, unguardFormula } from "./csv";
import { serializeXlsx } from "./xlsx";
import { HEADERS } from "./table";
import { draftArb, sampleDrafts } from "./testing";

const utf8 = (text: string) => Buffer.from(text, "utf8");
const HEADER = HEADERS.slice(0, 14);

describe("csv round trip", () => {
  it("gives back the same questions", async () => {
    const parsed = await parseCsv(serializeCsv(sampleDrafts));
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows.map((r) => r.draft)).toEqual(sampleDrafts);
    expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
  });

  it("holds for any questions, whatever characters they contain", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(draftArb, { minLength: 1, maxLength: 5 }), async (drafts) => {
        const parsed = await parseCsv(serializeCsv(drafts));
        expect(parsed.rows.map((r) => r.draft)).toEqual(drafts);
        expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("writes a BOM, `;` (Vietnamese Excel's list separator) and CRLF, and guards cells Excel would run as formulas", () => {
    const text = serializeCsv([{ ...sampleDrafts[0]!, options: ["=1+1", "+84", "-5", "@x"] }]).toString(
      "utf8",
    );
    expect(
      text.startsWith(
        "\uFEFFSTT;Chủ đề;Mức độ;Loại;Câu hỏi;A;B;C;D;E;F;Đáp án đúng;Giải thích;Nguồn;Thẻ;Đúng từ ngày;Hết đúng từ ngày;Văn bản căn cứ;Nhóm loại trừ;Hình;Mô tả hình;Hình phương án\r\n",
      ),
    ).toBe(true);
    expect(text).toContain(";'=1+1;'+84;'-5;'@x;");
  });

  it("guards reversibly, even text that already starts with an apostrophe", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("'", "=", "+", "-", "@", "a", " ") }), (s) => {
        expect(unguardFormula(guardFormula(s))).toBe(s);
        expect(guardFormula(s)).not.toMatch(/^[=+\-@]/);
      }),
    );
  });
});

describe("reading CSV as Excel saves it", () => {
  const row =
    '1;Kinh tế số;Trung bình;Một đáp án;"Câu hỏi có dấu ; và xuống dòng\nở đây?";Một;Hai;;;;;A;Giải thích;Luật 1';

  it("detects a semicolon separator, with or without a BOM", async () => {
    for (const prefix of ["", "\uFEFF"]) {
      const parsed = await parseCsv(utf8(`${prefix}${HEADER.join(";")}\r\n${row}\r\n`));
      expect(parsed.fileProblems).toEqual([]);
      expect(parsed.rows[0]?.draft).toMatchObject({
        text: "Câu hỏi có dấu ; và xuống dòng\nở đây?",
        options: ["Một", "Hai"],
        correct: [0],
      });
      expect(parsed.rows[0]?.problems).toEqual([]);
    }
  });

  it("detects the separator from the header line only", () => {
    expect(detectDelimiter("STT,Chủ đề,Câu hỏi\n1;2;3;4;5")).toBe(",");
    expect(detectDelimiter('"A,B";C;D\n')).toBe(";");
    expect(detectDelimiter("STT\tChủ đề\tCâu hỏi")).toBe("\t");
  });

  it("numbers rows as Excel shows them, counting a multi-line cell as one row", async () => {
    const second = row.replace("Câu hỏi có dấu", "Câu khác").replace(";A;", ";;");
    const parsed = await parseCsv(utf8(`${HEADER.join(";")}\n${row}\n\n${second}\n`));
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(parsed.rows[1]?.problems).toEqual([{ code: "missingCorrect", line: 4 }]);
  });

  it("accepts short rows (trailing empty columns left out)", async () => {
    const parsed = await parseCsv(
      utf8(`${HEADER.join(",")}\n1,Chủ đề,Dễ,Đúng/Sai,Câu?,,,,,,,B,Vì sao,Nguồn`),
    );
    expect(parsed.rows[0]?.draft).toMatchObject({
      type: "true_false",
      options: ["Đúng", "Sai"],
      correct: [1],
    });
  });
});

describe("malformed CSV files", () => {
  const problemsOf = async (bytes: Uint8Array) => {
    const parsed = await parseCsv(bytes);
    expect(parsed.rows).toEqual([]);
    return parsed.fileProblems;
  };

  it("says what is wrong instead of throwing", async () => {
    expect(await problemsOf(new Uint8Array())).toEqual([{ code: "fileEmpty" }]);
    expect(await problemsOf(utf8("\uFEFF\r\n  \r\n"))).toEqual([{ code: "fileEmpty" }]);
    expect(await problemsOf(utf8(`${HEADER.join(",")}\r\n`))).toEqual([{ code: "noQuestions" }]);
    expect((await problemsOf(utf8("Họ tên,Ngày sinh\nAn,1/1/2000")))[0]?.code).toBe("wrongHeader");
    expect(await problemsOf(Buffer.from([0x53, 0x54, 0x54, 0x2c, 0x43, 0x68, 0xe1, 0x20, 0xde]))).toEqual([
      { code: "notUtf8", params: { format: "CSV" } },
    ]);
    expect(await problemsOf(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]))).toEqual([
      { code: "notTextFile", params: { format: "CSV" } },
    ]);
  });

  it("says so when an Excel workbook is named .csv", async () => {
    expect(await problemsOf(await serializeXlsx(sampleDrafts))).toEqual([
      { code: "notTextFile", params: { format: "CSV" } },
    ]);
  });

  it("points at the line of an unclosed quote", async () => {
    const problems = await problemsOf(
      utf8(`${HEADER.join(",")}\n1,x,Dễ,Một đáp án,"Câu hỏi chưa đóng ngoặc,A,B`),
    );
    expect(problems).toEqual([{ code: "csvMalformed", params: { line: 2 } }]);
  });
});
