import { readFileSync } from "node:fs";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { wordDocument, type WordItem } from "../../../scripts/lib/word-documents";
import { parseQuestionFile, detectFormat } from "./index";
import { readZipEntries, writeZip } from "./zip-entries";

const tail = [
  "Giải thích: Mã OTP chỉ dùng một lần và không được đưa cho ai.",
  "Nguồn: Cẩm nang kỹ năng số — Phần 2",
  "Mức độ: Dễ",
];
const withTopic = (items: WordItem[]) => [{ heading: "Phần I. An toàn thông tin" }, ...items];

async function read(items: WordItem[]) {
  const bytes = await wordDocument(withTopic(items));
  expect(detectFormat("cau-hoi.docx", bytes)).toBe("docx");
  return parseQuestionFile("docx", bytes);
}

const png = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: "#1565c0" } })
    .png()
    .toBuffer();

describe("Word questions: the key as people mark it", () => {
  it.each([
    ["underlined", "B. _Không bao giờ đưa mã OTP cho ai_"],
    ["bold", "B. *Không bao giờ đưa mã OTP cho ai*"],
    ["red", "B. !Không bao giờ đưa mã OTP cho ai!"],
    ["highlighted", "B. ^Không bao giờ đưa mã OTP cho ai^"],
    ["only its letter underlined", "_B._ Không bao giờ đưa mã OTP cho ai"],
  ])("reads the key %s", async (_habit, marked) => {
    const file = await read([
      "Câu 1. Khi có người gọi điện xin mã OTP, bạn nên làm gì?",
      "A. Đọc mã cho họ",
      marked,
      "C. Gửi mã qua Zalo",
      "D. Đăng mã lên mạng xã hội",
      ...tail,
    ]);
    expect(file.fileProblems).toEqual([]);
    expect(file.rows).toHaveLength(1);
    const row = file.rows[0]!;
    expect(row.problems).toEqual([]);
    expect(row.draft).toMatchObject({
      topic: "An toàn thông tin",
      type: "single",
      difficulty: "easy",
      text: "Khi có người gọi điện xin mã OTP, bạn nên làm gì?",
      options: [
        "Đọc mã cho họ",
        "Không bao giờ đưa mã OTP cho ai",
        "Gửi mã qua Zalo",
        "Đăng mã lên mạng xã hội",
      ],
      correct: [1],
      source: { document: "Cẩm nang kỹ năng số", title: "Phần 2", article: null },
    });
  });

  it("reads a key line, several letters for several answers, and options on one line", async () => {
    const file = await read([
      "Câu 2: Những ứng dụng nào dùng để định danh điện tử hoặc nộp hồ sơ trực tuyến?",
      {
        runs: [
          "A. VNeID\t",
          "B. Cổng Dịch vụ công quốc gia\t",
          "C. Trò chơi điện tử\t",
          "D. Máy tính bỏ túi",
        ],
      },
      "Đáp án: A, B",
      ...tail,
    ]);
    expect(file.rows[0]!.problems).toEqual([]);
    expect(file.rows[0]!.draft).toMatchObject({
      type: "multiple",
      options: ["VNeID", "Cổng Dịch vụ công quốc gia", "Trò chơi điện tử", "Máy tính bỏ túi"],
      correct: [0, 1],
    });
  });

  it("reads true/false questions with or without their options", async () => {
    const file = await read([
      "Câu 3. Ngày 10 tháng 10 là Ngày Chuyển đổi số quốc gia.",
      "Đáp án: Đúng",
      ...tail,
      "Câu 4. Có thể cho người khác mượn tài khoản VNeID.",
      "A. Đúng",
      "B. _Sai_",
      ...tail,
    ]);
    expect(file.rows.map((r) => r.problems)).toEqual([[], []]);
    expect(file.rows.map((r) => [r.draft?.type, r.draft?.options, r.draft?.correct])).toEqual([
      ["true_false", ["Đúng", "Sai"], [0]],
      ["true_false", ["Đúng", "Sai"], [1]],
    ]);
  });
});

describe("Word questions: numbering, topics, tables", () => {
  it.each([
    ["Câu 1.", "Câu 1. Mã QR dùng để làm gì?"],
    ["Câu 1:", "Câu 1: Mã QR dùng để làm gì?"],
    ["1.", "1. Mã QR dùng để làm gì?"],
  ])("starts a question at %s", async (_form, first) => {
    const file = await read([
      first,
      "a) Chứa đường dẫn hoặc thông tin để điện thoại đọc",
      "b) Trang trí",
      "c) Đo nhiệt độ",
      "Đáp án: a",
      ...tail,
      "2. Mật khẩu nào an toàn hơn?",
      "a) 123456",
      "b) _Ly$on-Toi2023!_",
      ...tail,
    ]);
    expect(file.rows.map((r) => r.problems)).toEqual([[], []]);
    expect(file.rows.map((r) => r.draft?.correct)).toEqual([[0], [1]]);
    expect(file.rows[0]!.draft?.text).toBe("Mã QR dùng để làm gì?");
  });

  it("reads Word's own automatic numbering for questions and options", async () => {
    const file = await read([
      { numbered: "question", text: "Cổng Dịch vụ công quốc gia có địa chỉ nào?" },
      { numbered: "option", text: "dichvucong.gov.vn" },
      { numbered: "option", text: "*dichvucong.gov.vn*" },
      ...[],
    ]);
    // Both options read; the bold one is the key; duplicates are reported by the rules.
    expect(file.rows).toHaveLength(1);
    const numbered = await read([
      { numbered: "question", text: "Cổng Dịch vụ công quốc gia có địa chỉ nào?" },
      { numbered: "option", text: "_dichvucong.gov.vn_" },
      { numbered: "option", text: "dichvu.vn" },
      ...tail,
      { numbered: "question", text: "Ứng dụng định danh điện tử quốc gia là gì?" },
      { numbered: "option", text: "Zalo" },
      { numbered: "option", text: "_VNeID_" },
      ...tail,
    ]);
    expect(numbered.rows.map((r) => r.problems)).toEqual([[], []]);
    expect(numbered.rows.map((r) => [r.draft?.options, r.draft?.correct])).toEqual([
      [["dichvucong.gov.vn", "dichvu.vn"], [0]],
      [["Zalo", "VNeID"], [1]],
    ]);
  });

  it("takes the topic from each heading, and a Chủ đề line over it", async () => {
    const bytes = await wordDocument([
      "Phần I. An toàn thông tin",
      "Câu 1. Mật khẩu mạnh có đặc điểm gì?",
      "A. _Dài, có chữ hoa, số và ký tự đặc biệt_",
      "B. Là ngày sinh",
      ...tail,
      { heading: "Dịch vụ công trực tuyến" },
      "Câu 2. Nộp hồ sơ trực tuyến ở đâu?",
      "A. _Cổng Dịch vụ công quốc gia_",
      "B. Trang cá nhân trên mạng xã hội",
      ...tail,
      "Chủ đề: Kỹ năng số",
    ]);
    const file = await parseQuestionFile("docx", bytes);
    expect(file.rows.map((r) => r.draft?.topic)).toEqual(["An toàn thông tin", "Kỹ năng số"]);
  });

  it("reads a table of questions, one row a question", async () => {
    const file = await read([
      {
        table: [
          ["STT", "Câu hỏi", "A", "B", "C", "Đáp án đúng", "Giải thích", "Nguồn", "Mức độ"],
          [
            "1",
            "VNeID là gì?",
            "Ứng dụng định danh điện tử",
            "Trò chơi",
            "Mạng xã hội",
            "A",
            "Theo Đề án 06.",
            "Quyết định 06/QĐ-TTg",
            "Dễ",
          ],
          [
            "2",
            "Mã OTP có nên đưa cho người khác?",
            "Có",
            "_Không_",
            "",
            "",
            "Mã OTP là bí mật.",
            "Cẩm nang kỹ năng số",
            "Dễ",
          ],
        ],
      },
    ]);
    expect(file.rows.map((r) => r.problems)).toEqual([[], []]);
    expect(file.rows.map((r) => [r.draft?.topic, r.draft?.correct])).toEqual([
      ["An toàn thông tin", [0]],
      ["An toàn thông tin", [1]],
    ]);
  });
});

describe("Word questions: pictures", () => {
  it("carries the question's picture with its alternative text, and an option's small picture", async () => {
    const picture = await png();
    const file = await read([
      "Câu 1. Đây là màn hình của ứng dụng nào?",
      { picture, alt: "Màn hình đăng nhập ứng dụng VNeID" },
      "A. _VNeID_",
      "B. Zalo",
      ...tail,
      "Câu 2. Biểu tượng nào là của ứng dụng VNeID?",
      "A. Biểu tượng 1",
      { picture, alt: "biểu tượng" },
      "B. _Biểu tượng 2_",
      ...tail,
    ]);
    expect(file.rows.map((r) => r.problems)).toEqual([[], []]);
    const first = file.rows[0]!.pictures?.question;
    expect(first?.alt).toBe("Màn hình đăng nhập ứng dụng VNeID");
    expect(Buffer.from(first!.data).equals(picture)).toBe(true);
    expect(file.rows[1]!.pictures?.question).toBeUndefined();
    expect(file.rows[1]!.pictures?.options?.[0]?.alt).toBe("Biểu tượng 1");
  });

  it("flags a picture without a description, naming the question and quoting it", async () => {
    const file = await read([
      "Câu 7. Tin nhắn trong hình có phải lừa đảo không?",
      { picture: await png() },
      "Đáp án: Đúng",
      ...tail,
    ]);
    expect(file.rows[0]!.problems.map((p) => p.code)).toEqual(["pictureNoAlt"]);
    // Its words ("Câu 7 («…»): hình chưa có mô tả …") are checked at the edge, app/i18n/problems.test.ts.
    expect(file.rows[0]!.problems[0]!.params).toMatchObject({
      at: "Câu 7",
      quote: "Tin nhắn trong hình có phải lừa đảo không?",
    });
    const fixed = await read([
      "Câu 7. Tin nhắn trong hình có phải lừa đảo không?",
      { picture: await png() },
      "Mô tả hình: Tin nhắn báo trúng thưởng kèm đường dẫn lạ",
      "Đáp án: Đúng",
      ...tail,
    ]);
    expect(fixed.rows[0]!.problems).toEqual([]);
    expect(fixed.rows[0]!.pictures?.question?.alt).toBe("Tin nhắn báo trúng thưởng kèm đường dẫn lạ");
  });
});

describe("Word questions: what cannot be read", () => {
  it("says which question has no key, in the words of the issue", async () => {
    const file = await read([
      "Câu 7: Khi nhận được tin nhắn báo trúng thưởng kèm đường dẫn, bạn làm gì?",
      "A. Bấm vào đường dẫn",
      "B. Bỏ qua và báo cho người thân",
      ...tail,
    ]);
    expect(file.rows[0]!.problems.map((p) => p.code)).toEqual(["wordNoKey"]);
    // Its words ("Câu 7 («…»): không tìm thấy đáp án đúng …") are checked at the edge, app/i18n/problems.test.ts.
    expect(file.rows[0]!.problems[0]!.params).toEqual({
      at: "Câu 7",
      quote: "Khi nhận được tin nhắn báo trúng thưởng kèm đường dẫn, bạ…",
    });
  });

  it("does not take a mark every option has for the key", async () => {
    const file = await read(["Câu 1. Chọn một?", "A. *Một*", "B. *Hai*", ...tail]);
    expect(file.rows[0]!.problems.map((p) => p.code)).toEqual(["wordNoKey"]);
  });

  it("refuses a macro-enabled document, an old .doc, and a file that is not a document", async () => {
    const good = await wordDocument(["Câu 1. x"]);
    const entries = readZipEntries(good);
    if ("error" in entries) throw new Error(entries.error);
    const files = [...entries.entries].map(([name, data]) => ({
      name,
      data:
        name === "[Content_Types].xml"
          ? Buffer.from(data.toString("utf8").replace("document.main+xml", "document.macroEnabled.main+xml"))
          : data,
    }));
    const docm = writeZip([...files, { name: "word/vbaProject.bin", data: Buffer.from("macro") }]);
    expect((await parseQuestionFile("docx", docm)).fileProblems.map((p) => p.code)).toEqual(["wordMacros"]);

    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    expect(detectFormat("de-thi.doc")).toBe("docx");
    expect((await parseQuestionFile("docx", ole)).fileProblems.map((p) => p.code)).toEqual(["wordOldFormat"]);

    const text = Buffer.from("Câu 1. Đây là văn bản thường, không phải Word", "utf8");
    expect((await parseQuestionFile("docx", text)).fileProblems.map((p) => p.code)).toEqual([
      "notAWordDocument",
    ]);
    const zip = writeZip([{ name: "readme.txt", data: Buffer.from("x") }]);
    expect((await parseQuestionFile("docx", zip)).fileProblems.map((p) => p.code)).toEqual([
      "notAWordDocument",
    ]);
  });

  it("stops a document whose parts inflate far beyond their size", async () => {
    const bomb = Buffer.alloc(110 * 1024 * 1024);
    const deflated = deflateRawSync(bomb, { level: 9 });
    // Hand-built so the directory tells the truth about the compressed size only.
    const good = await wordDocument(["Câu 1. x"]);
    const entries = readZipEntries(good);
    if ("error" in entries) throw new Error(entries.error);
    const zip = writeZip([
      ...[...entries.entries].map(([name, data]) => ({ name, data })),
      { name: "word/media/huge.png", data: bomb },
    ]);
    expect(deflated.length).toBeLessThan(zip.length + 1);
    const file = await parseQuestionFile("docx", zip);
    expect(file.rows).toEqual([]);
    expect(file.fileProblems.map((p) => p.code)).toEqual(["workbookTooLarge"]);
  });
});

describe("the sample Word document offered for download", () => {
  it("reads without a problem, one question per habit", async () => {
    const bytes = readFileSync(path.resolve(__dirname, "../../../public/mau-cau-hoi-word.docx"));
    const file = await parseQuestionFile("docx", bytes);
    expect(file.fileProblems).toEqual([]);
    expect(file.rows.map((r) => r.problems)).toEqual([[], [], [], []]);
    expect(
      file.rows.map((r) => [r.draft?.type, r.draft?.correct, r.pictures?.question !== undefined]),
    ).toEqual([
      ["single", [1], false],
      ["multiple", [1, 2], false],
      ["single", [0], true],
      ["true_false", [0], false],
    ]);
  });
});
