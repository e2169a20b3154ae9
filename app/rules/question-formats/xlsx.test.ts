import { describe, expect, it } from "vitest";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { parseXlsx, serializeXlsx } from "./xlsx";
import { guardUpload, UPLOAD_LIMITS } from "../upload-guard";
import { HEADERS } from "./table";
import { draftArb, makeZip, sampleDrafts } from "./testing";

const HEADER_14 = HEADERS.slice(0, 14);

async function workbookOf(rows: unknown[][], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const goodRow = [
  "1",
  "Kinh tế số",
  "Dễ",
  "Một đáp án",
  "Câu hỏi?",
  "Một",
  "Hai",
  "",
  "",
  "",
  "",
  "B",
  "Vì hai.",
  "Luật 1 — Tên — Điều 2",
];

describe("xlsx round trip", () => {
  it("gives back the same questions", async () => {
    const parsed = await parseXlsx(await serializeXlsx(sampleDrafts));
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows.map((r) => r.draft)).toEqual(sampleDrafts);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(parsed.rows.every((r) => r.problems.length === 0)).toBe(true);
  });

  it("holds for any questions, whatever characters they contain", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(draftArb, { minLength: 1, maxLength: 4 }), async (drafts) => {
        const parsed = await parseXlsx(await serializeXlsx(drafts));
        expect(parsed.rows.map((r) => r.draft)).toEqual(drafts);
        expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("writes text starting with = + - @ as text, never as a formula", async () => {
    const draft = { ...sampleDrafts[0]!, text: "=1+1", options: ["=SUM(A1:A2)", "+84 912", "-5", "@home"] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await serializeXlsx([draft])).buffer as ArrayBuffer);
    const row = workbook.worksheets[0]!.getRow(2);
    for (const c of [5, 6, 7, 8, 9]) expect(row.getCell(c).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(6).value).toBe("=SUM(A1:A2)");
  });
});

describe("reading what organizers make", () => {
  it("accepts header spellings without diacritics or in another case", async () => {
    const header = [
      "stt",
      "chu de",
      "MUC DO",
      "loai",
      "cau hoi",
      "a",
      "b",
      "c",
      "d",
      "e",
      "f",
      "dap an dung",
      "giai thich",
      "nguon",
    ];
    const parsed = await parseXlsx(await workbookOf([header, goodRow]));
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows[0]?.draft).toMatchObject({
      topic: "Kinh tế số",
      difficulty: "easy",
      type: "single",
      options: ["Một", "Hai"],
      correct: [1],
      source: { document: "Luật 1", title: "Tên", article: "Điều 2" },
      tags: [],
    });
  });

  it("reads rich text, numbers, dates and formula results as their text", async () => {
    const buffer = await workbookOf([HEADER_14, goodRow], (sheet) => {
      sheet.getCell("E2").value = { richText: [{ text: "Năm ", font: { bold: true } }, { text: "nào?" }] };
      sheet.getCell("F2").value = 2020;
      sheet.getCell("G2").value = { formula: "2020+5", result: 2025 };
      sheet.getCell("H2").value = new Date(Date.UTC(2020, 5, 3));
      sheet.getCell("L2").value = { formula: '"B"', result: "B" };
    });
    const [row] = (await parseXlsx(buffer)).rows;
    expect(row?.problems).toEqual([]);
    expect(row?.draft?.text).toBe("Năm nào?");
    expect(row?.draft?.options).toEqual(["2020", "2025", "03/06/2020"]);
  });

  it("skips empty rows and rows holding only a number, and numbers rows as Excel does", async () => {
    const other = goodRow.map((v, i) => (i === 4 ? "Câu khác?" : v));
    const parsed = await parseXlsx(await workbookOf([HEADER_14, goodRow, [], ["5"], other]));
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 5]);
  });

  it("fills Đúng and Sai when a true/false row leaves A and B empty", async () => {
    const row = [
      "1",
      "Kỹ năng số",
      "Khó",
      "Đúng/Sai",
      "Trái Đất quay quanh Mặt Trời.",
      "",
      "",
      "",
      "",
      "",
      "",
      "A",
      "Đúng vậy.",
      "Sách giáo khoa",
    ];
    const [parsed] = (await parseXlsx(await workbookOf([HEADER_14, row]))).rows;
    expect(parsed?.draft).toMatchObject({ type: "true_false", options: ["Đúng", "Sai"], correct: [0] });
    expect(parsed?.problems).toEqual([]);
  });
});

describe("row problems", () => {
  const rowWith = (changes: Record<number, string>) => goodRow.map((v, i) => changes[i] ?? v);
  const problemsOf = async (...rows: string[][]) =>
    (await parseXlsx(await workbookOf([HEADER_14, ...rows]))).rows.map((r) => r.problems);

  it("names the missing correct answer on its row", async () => {
    const [problems] = await problemsOf(rowWith({ 11: "" }));
    expect(problems).toEqual([{ code: "missingCorrect", line: 2 }]);
  });

  it("flags a wrong letter, a letter without an option, and duplicate options", async () => {
    const [wrong, outOfRange, duplicate] = await problemsOf(
      rowWith({ 11: "X" }),
      rowWith({ 11: "D" }),
      rowWith({ 6: "một" }),
    );
    expect(wrong?.map((p) => p.code)).toEqual(["badCorrectLetter", "missingCorrect"]);
    expect(outOfRange).toEqual([{ code: "correctOutOfRange", params: { letters: "A, B" }, line: 3 }]);
    expect(duplicate?.map((p) => p.code)).toEqual(["duplicateOption"]);
  });

  it("flags a gap in the options (C empty, D filled)", async () => {
    const [problems] = await problemsOf(rowWith({ 8: "Bốn" }));
    expect(problems).toEqual([{ code: "optionGap", params: { letter: "C", next: "D" }, line: 2 }]);
  });

  it("flags unknown or missing difficulty and type, topic, explanation and source", async () => {
    const [unknown, missing] = await problemsOf(
      rowWith({ 2: "Rất khó", 3: "Tự luận" }),
      rowWith({ 1: "", 2: "", 3: "", 12: "", 13: "" }),
    );
    expect(unknown?.map((p) => p.code)).toEqual(["unknownDifficulty", "unknownType"]);
    expect(unknown?.[0]?.params).toEqual({ value: "Rất khó", allowed: "Dễ, Trung bình, Khó" });
    expect(missing?.map((p) => p.code)).toEqual(["missingTopic", "missingDifficulty", "missingType"]);
    const [rules] = await problemsOf(rowWith({ 12: "", 13: "" }));
    expect(rules?.map((p) => p.code)).toEqual(["missingExplanation", "missingSource"]);
  });

  it("flags the type rules and the length limits", async () => {
    const [several, one, tooLong] = await problemsOf(
      rowWith({ 11: "A, B" }),
      rowWith({ 3: "Nhiều đáp án" }),
      rowWith({ 4: "x".repeat(2001) }),
    );
    expect(several?.map((p) => p.code)).toEqual(["singleHasSeveral"]);
    expect(one?.map((p) => p.code)).toEqual(["multipleHasOne"]);
    expect(tooLong).toEqual([{ code: "textTooLong", params: { max: 2000 }, line: 4 }]);
  });

  it("flags a formula Excel never calculated and merged cells", async () => {
    const buffer = await workbookOf(
      [
        HEADER_14,
        goodRow,
        goodRow.map((v, i) => (i === 4 ? "Câu hai?" : v)),
        goodRow.map((v, i) => (i === 4 ? "Câu ba?" : v)),
      ],
      (sheet) => {
        sheet.getCell("F2").value = { formula: "A1&B1" };
        sheet.mergeCells("B3:B4");
      },
    );
    const rows = (await parseXlsx(buffer)).rows;
    expect(rows[0]?.problems.map((p) => p.code)).toContain("formulaWithoutResult");
    expect(rows[0]?.problems.find((p) => p.code === "formulaWithoutResult")?.params).toEqual({ column: "A" });
    expect(rows[1]?.problems).toContainEqual({ code: "mergedCells", params: { columns: "Chủ đề" }, line: 3 });
    expect(rows[2]?.problems).toContainEqual({ code: "mergedCells", params: { columns: "Chủ đề" }, line: 4 });
  });
});

describe("malformed workbooks", () => {
  const fileProblems = async (bytes: Uint8Array) => {
    const parsed = await parseXlsx(bytes);
    expect(parsed.rows).toEqual([]);
    return parsed.fileProblems.map((p) => p.code);
  };

  it("says what is wrong instead of throwing", async () => {
    expect(await fileProblems(Buffer.from("STT,Chủ đề\n1,x", "utf8"))).toEqual(["notAWorkbook"]);
    expect(await fileProblems(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual([
      "oldExcelFormat",
    ]);
    expect(await fileProblems(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]))).toEqual([
      "workbookUnreadable",
    ]);
    expect(await fileProblems(makeZip([{ name: "hello.txt", data: Buffer.from("xin chào") }]))).toEqual([
      "noSheet",
    ]);
    expect(await fileProblems(await workbookOf([]))).toEqual(["fileEmpty"]);
    expect(await fileProblems(await workbookOf([HEADER_14]))).toEqual(["noQuestions"]);
    expect(await fileProblems(await workbookOf([goodRow, goodRow]))).toEqual(["wrongHeader"]);
  });

  it("explains which header columns are missing", async () => {
    const parsed = await parseXlsx(
      await workbookOf([["STT", "Chủ đề", "Nội dung câu hỏi", "A", "B"], goodRow]),
    );
    expect(parsed.fileProblems).toEqual([
      { code: "wrongHeader", params: { missing: "Đáp án đúng", expected: HEADER_14.join(" | ") }, line: 1 },
    ]);
  });

  it("refuses a zip bomb before expanding it", async () => {
    const zeros = Buffer.alloc(2 * 1024 * 1024);
    const limits = {
      ...UPLOAD_LIMITS.questionFile,
      maxInflatedBytes: 1024 * 1024,
      maxEntryBytes: 1024 * 1024,
    };
    const bomb = makeZip([{ name: "xl/worksheets/sheet1.xml", data: zeros }]);
    expect(await guardUpload(bomb, limits)).toEqual({ ok: false, problem: "inflatesTooMuch" });
    // A part that lies about its size is caught while inflating.
    const lying = makeZip([{ name: "xl/worksheets/sheet1.xml", data: zeros, declaredSize: 10 }]);
    expect(await guardUpload(lying, limits)).toEqual({ ok: false, problem: "inflatesTooMuch" });
    // Far more inflated than compressed, though under the size limits.
    expect(await guardUpload(bomb, UPLOAD_LIMITS.questionFile)).toEqual({
      ok: false,
      problem: "ratioTooHigh",
    });
    expect((await guardUpload(makeZip([{ name: "a.xml", data: Buffer.from("<a/>") }]), limits)).ok).toBe(
      true,
    );
    expect((await guardUpload(await serializeXlsx(sampleDrafts), UPLOAD_LIMITS.questionFile)).ok).toBe(true);
    expect((await parseXlsx(bomb)).fileProblems).toEqual([{ code: "workbookTooLarge" }]);
  });
});
