import { describe, expect, it } from "vitest";
import { absoluteWords, bankFindings, questionWarnings, type BankItem } from "./item-writing";
import type { QuestionDraft } from "./question";

const draft = (over: Partial<QuestionDraft>): QuestionDraft => ({
  topic: "Chính quyền số",
  type: "single",
  difficulty: "medium",
  text: "Câu hỏi?",
  options: ["Một", "Hai", "Ba", "Bốn"],
  correct: [0],
  explanation: "Vì vậy.",
  source: { document: "Quyết định 749/QĐ-TTg", title: null, article: null },
  tags: [],
  ...over,
});

// The planted pair of issue 12: a 2025 target and a 2030 target of the same plan, each holding the
// other's key among its options.
const target2025 = draft({
  text: "Theo Chương trình Chuyển đổi số quốc gia, mục tiêu đến năm 2025 tỷ lệ dịch vụ công trực tuyến toàn trình là bao nhiêu?",
  options: ["30%", "50%", "80%", "100%"],
  correct: [2],
});
const target2030 = draft({
  text: "Theo Chương trình Chuyển đổi số quốc gia, mục tiêu đến năm 2030 tỷ lệ dịch vụ công trực tuyến toàn trình là bao nhiêu?",
  options: ["30%", "50%", "80%", "100%"],
  correct: [3],
});
const unrelated = draft({
  text: "Người dân Lý Sơn bán tỏi trên sàn thương mại điện tử cần chuẩn bị gì trước tiên?",
  options: ["Ảnh và mô tả sản phẩm trung thực", "80%", "Một chiếc ghe", "Giấy mời họp"],
  correct: [0],
});

const items = (...drafts: QuestionDraft[]): BankItem[] =>
  drafts.map((d, i) => ({ ref: `q-${String(i + 1).padStart(3, "0")}`, draft: d }));

describe("the leak check", () => {
  it("finds the planted pair and suggests an exclusion group for it", () => {
    const found = bankFindings(items(target2025, target2030, unrelated));
    expect(found.leaks.map(({ a, b, covered }) => ({ a, b, covered }))).toEqual([
      { a: 0, b: 1, covered: false },
    ]);
    expect(found.perItem[0]?.map((p) => p.code)).toContain("leakPair");
    expect(found.perItem[2]).toEqual([]);
    expect(found.figures.leakPairsOutsideGroups).toBe(1);
    expect(found.suggestedGroups).toEqual([{ group: "leak-q-001", refs: ["q-001", "q-002"] }]);
  });

  it("counts the pair as covered once both share an exclusion group", () => {
    const found = bankFindings(
      items(
        { ...target2025, exclusionGroups: ["ctcds-muc-tieu"] },
        { ...target2030, exclusionGroups: ["ctcds-muc-tieu"] },
      ),
    );
    expect(found.figures).toMatchObject({ leakPairs: 1, leakPairsOutsideGroups: 0 });
    expect(found.perItem.flat().filter((p) => p.code === "leakPair")).toEqual([]);
    expect(found.suggestedGroups).toEqual([]);
  });

  it("does not fire on Đúng/Sai or on 'all of the above' keys", () => {
    const tf1 = draft({
      type: "true_false",
      text: "Mã OTP được phép cho người khác biết.",
      options: ["Đúng", "Sai"],
      correct: [1],
    });
    const tf2 = draft({
      type: "true_false",
      text: "Mã OTP chỉ dùng một lần.",
      options: ["Đúng", "Sai"],
      correct: [0],
    });
    const all1 = draft({
      text: "Những việc nào giúp bảo vệ tài khoản ngân hàng số?",
      options: ["Đặt mật khẩu mạnh", "Bật xác thực hai lớp", "Không chia sẻ OTP", "Tất cả các đáp án trên"],
      correct: [3],
    });
    const all2 = draft({
      text: "Những việc nào giúp bảo vệ tài khoản mạng xã hội?",
      options: [
        "Đặt mật khẩu mạnh",
        "Cập nhật ứng dụng",
        "Cẩn thận với đường link lạ",
        "Tất cả các đáp án trên",
      ],
      correct: [3],
    });
    expect(bankFindings(items(tf1, tf2, all1, all2)).leaks).toEqual([]);
  });
});

describe("near-duplicate stems", () => {
  it("are found regardless of accents, case and punctuation", () => {
    const a = draft({ text: "Cổng Dịch vụ công quốc gia có địa chỉ truy cập nào?" });
    const b = draft({ text: "cong dich vu cong quoc gia co dia chi truy cap nao la dung" });
    const found = bankFindings(items(a, b));
    expect(found.nearDuplicates).toHaveLength(1);
    expect(found.perItem[1]?.[0]).toMatchObject({ code: "nearDuplicateStem", params: { other: "q-001" } });
  });
});

describe("one question's cues", () => {
  it("flags a key much longer than the distractors", () => {
    const q = draft({
      options: [
        "Ứng dụng công nghệ số để thay đổi toàn diện cách sống và làm việc",
        "Mua máy tính",
        "Lắp wifi",
      ],
    });
    expect(questionWarnings(q).map((p) => p.code)).toEqual(["keyMuchLonger"]);
    expect(questionWarnings({ ...q, correct: [1] })).toEqual([]);
  });

  it("flags absolute words that only distractors carry", () => {
    const q = draft({
      options: [
        "Cần kiểm tra kỹ người gửi",
        "Chỉ cần bấm vào đường link",
        "Luôn luôn tin tin nhắn ngân hàng",
      ],
    });
    expect(questionWarnings(q)).toEqual([
      { code: "absoluteOnlyInDistractors", params: { words: "chỉ, luôn luôn" } },
    ]);
  });

  it("tells the absolute 'chỉ' from 'chỉ đạo' and 'địa chỉ', and 'tất cả các đáp án trên' from 'tất cả'", () => {
    expect(absoluteWords("Ban chỉ đạo chuyển đổi số")).toEqual([]);
    expect(absoluteWords("Địa chỉ thư điện tử")).toEqual([]);
    expect(absoluteWords("Tất cả các đáp án trên")).toEqual([]);
    expect(absoluteWords("Tất cả người dân")).toEqual(["tất cả"]);
    expect(absoluteWords("Chỉ cán bộ")).toEqual(["chỉ"]);
  });
});

describe("the bank's figures", () => {
  it("count the key-longest share, the 'Đúng' share and one-wrong multiple-answer questions", () => {
    const tf = (keyedTrue: boolean, n: number) =>
      draft({
        type: "true_false",
        text: `Phát biểu số ${n}.`,
        options: ["Đúng", "Sai"],
        correct: [keyedTrue ? 0 : 1],
      });
    const found = bankFindings(
      items(
        draft({ text: "A?", options: ["Dài nhất trong ba", "Ngắn", "Vừa"], correct: [0] }),
        draft({ text: "B?", options: ["Ngắn", "Dài nhất trong ba", "Vừa"], correct: [0] }),
        tf(true, 1),
        tf(true, 2),
        tf(false, 3),
        draft({ type: "multiple", text: "C?", options: ["X", "Y", "Z"], correct: [0, 1] }),
      ),
    );
    expect(found.figures).toMatchObject({
      single: 2,
      keyLongest: 1,
      trueFalse: 3,
      keyedTrue: 2,
      multiple: 1,
      oneWrong: 1,
    });
  });
});
