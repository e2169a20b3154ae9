import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { escapeGift, parseGift, serializeGift, topicOfCategory } from "./gift";
import { draftArb, sampleDrafts } from "./testing";

const gift = (text: string) => parseGift(Buffer.from(text, "utf8"), { defaults: { difficulty: "medium" } });

describe("gift round trip", () => {
  it("gives back the same questions, difficulty, source and tags included", async () => {
    const parsed = await parseGift(serializeGift(sampleDrafts));
    expect(parsed.fileProblems).toEqual([]);
    expect(parsed.rows.map((r) => r.draft)).toEqual(sampleDrafts);
    expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
  });

  it("holds for any questions, whatever characters they contain", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(draftArb, { minLength: 1, maxLength: 5 }), async (drafts) => {
        const parsed = await parseGift(serializeGift(drafts));
        expect(parsed.rows.map((r) => r.draft)).toEqual(drafts);
        expect(parsed.rows.flatMap((r) => r.problems)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("writes Moodle's syntax: category, weights, TRUE/FALSE, general feedback, escapes", () => {
    const text = serializeGift(sampleDrafts).toString("utf8");
    expect(text).toContain("$CATEGORY: $course$/top/Chính quyền số\n");
    expect(text).toContain("=Quyết định 749/QĐ-TTg\n~Quyết định 942/QĐ-TTg\n");
    expect(text).toContain("~%33.33333%Yêu cầu cung cấp mã OTP\n");
    expect(text).toContain('~%-100%\\=HYPERLINK("x") giả mạo\n');
    expect(text).toContain("~%33.33333%Tin nhắn từ tổng đài 1900 xxx \\~ \\{miễn phí\\}\n");
    expect(text).toContain(
      "::Câu 2::Những dấu hiệu nào cho thấy một tin nhắn có thể là lừa đảo?\\n(chọn tất cả đáp án đúng) {",
    );
    expect(text).toContain("{\nFALSE\n####Sai\\: mật khẩu mạnh");
    expect(text).toMatch(
      /^\/\/ @meta \{"difficulty":"easy","source":\{"document":"Quyết định 749\/QĐ-TTg ngày 03\/6\/2020"/m,
    );
  });

  it("keeps an option that itself starts like a weight", async () => {
    const draft = { ...sampleDrafts[0]!, options: ["%50% số phiếu", "%-100%", "Khác"], correct: [1] };
    expect((await parseGift(serializeGift([draft]))).rows[0]?.draft).toEqual(draft);
  });

  it("escapes every reserved character", () => {
    expect(escapeGift("a~b=c#d{e}f:g\\h\ni")).toBe("a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni");
  });
});

describe("reading GIFT from Moodle and other tools", () => {
  it("reads single, several-correct and true/false questions with comments and categories", async () => {
    const parsed = await gift(`// Tệp mẫu
$CATEGORY: $course$/top/Chuyển đổi số/Kinh tế số

::Q1:: Thủ đô của Việt Nam là gì? {
  =Hà Nội#Chính xác
  ~Huế#Không phải
  ~Đà Nẵng
  ####Hà Nội là thủ đô từ năm 1010 \\{Lý Thái Tổ\\}.
}

// Câu nhiều đáp án
Chọn các số chẵn {~%50%2 ~%50%4 ~%-100%3}

$CATEGORY: Kỹ năng số

Mật khẩu nên dùng chung cho mọi tài khoản. {F}

Có nên bật xác thực hai lớp\\? {TRUE####Nên bật.}
`);
    expect(parsed.fileProblems).toEqual([]);
    const [q1, q2, q3, q4] = parsed.rows;
    expect(q1).toMatchObject({
      line: 4,
      draft: {
        topic: "Kinh tế số",
        type: "single",
        difficulty: "medium",
        text: "Thủ đô của Việt Nam là gì?",
        options: ["Hà Nội", "Huế", "Đà Nẵng"],
        correct: [0],
        explanation: "Hà Nội là thủ đô từ năm 1010 {Lý Thái Tổ}.",
      },
    });
    // A plain Moodle question (no @meta line) without a source is a draft with a warning, not an error.
    expect(q1?.problems).toEqual([]);
    expect(q1?.warnings).toEqual([{ code: "missingSource", line: 4 }]);
    expect(q2).toMatchObject({
      line: 12,
      draft: { type: "multiple", options: ["2", "4", "3"], correct: [0, 1] },
    });
    expect(q2?.problems).toEqual([]);
    expect(q2?.warnings?.map((p) => p.code)).toEqual(["missingExplanation", "missingSource"]);
    expect(q3).toMatchObject({
      line: 16,
      draft: { topic: "Kỹ năng số", type: "true_false", options: ["Đúng", "Sai"], correct: [1] },
    });
    expect(q4).toMatchObject({
      line: 18,
      draft: { text: "Có nên bật xác thực hai lớp\\?", correct: [0], explanation: "Nên bật." },
    });
  });

  it("turns Moodle's [html] text into plain text", async () => {
    const parsed = await gift("::Q::[html]<p>Chọn <b>một</b> &amp; chỉ một</p>{=Có ~Không}");
    expect(parsed.rows[0]?.draft?.text).toBe("Chọn một & chỉ một");
  });

  it("takes the last part of a category path, with // as a slash inside a name", () => {
    expect(topicOfCategory("$course$/top/Kinh tế số")).toBe("Kinh tế số");
    expect(topicOfCategory(" Dịch vụ công trực tuyến ")).toBe("Dịch vụ công trực tuyến");
    expect(topicOfCategory("$course$/top/Đúng//Sai")).toBe("Đúng/Sai");
  });

  it("uses the caller's topic when there is no category", async () => {
    const parsed = await parseGift(Buffer.from("Câu? {=A ~B}"), {
      defaults: { topic: "Xã hội số", difficulty: "easy" },
      strict: false,
    });
    expect(parsed.rows[0]).toMatchObject({ draft: { topic: "Xã hội số", difficulty: "easy" }, problems: [] });
  });
});

describe("GIFT problems, on the line where the question starts", () => {
  it("flags kinds of question outside the subset", async () => {
    const parsed = await gift(`Viết cảm nghĩ {}

Năm nào? {#2020}

Thủ đô? {=Hà Nội =Hanoi}

Ghép {=a -> 1 =b -> 2}
`);
    expect(
      parsed.rows.map((r) => [
        r.line,
        r.problems.find((p) => p.code === "giftUnsupportedQuestion")?.params?.kind,
      ]),
    ).toEqual([
      [1, "essay"],
      [3, "numerical"],
      [5, "short answer"],
      [7, "matching"],
    ]);
    expect(parsed.rows.every((r) => r.draft === null)).toBe(true);
  });

  it("flags a missing brace, missing answers, partial credit and an unreadable @meta", async () => {
    const parsed = await gift(`// @meta {"difficulty": "rất khó"}
Câu một {=A ~B

Câu hai không có đáp án

Câu ba {=A ~%50%B ~C}

Câu bốn {~%50%A ~%-50%B}
`);
    expect(parsed.rows.map((r) => r.problems.map((p) => p.code).filter((c) => c.startsWith("gift")))).toEqual(
      [["giftBadMeta", "giftUnclosedBrace"], ["giftNoAnswers"], ["giftPartialCredit"], ["giftPartialCredit"]],
    );
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4, 6, 8]);
    expect(parsed.rows[2]?.problems.find((p) => p.code === "giftPartialCredit")).toEqual({
      code: "giftPartialCredit",
      params: { letter: "B" },
      line: 6,
    });
  });

  it("reports empty and non-text files", async () => {
    expect((await gift("// chỉ có chú thích\n\n")).fileProblems).toEqual([{ code: "noQuestions" }]);
    expect((await gift("  \n")).fileProblems).toEqual([{ code: "fileEmpty" }]);
    expect((await parseGift(Buffer.from([0x50, 0x4b, 3, 4, 0, 0]))).fileProblems).toEqual([
      { code: "notTextFile", params: { format: "GIFT" } },
    ]);
  });
});
