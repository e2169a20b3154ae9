/**
 * Test helpers for the question formats (imported by *.test.ts only): sample drafts, a fast-check
 * arbitrary of valid drafts in Vietnamese-ish text full of characters the formats must escape,
 * and a minimal zip writer for hand-made (and hostile) .xlsx files.
 */
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { DIFFICULTIES, type QuestionDraft } from "../question";

export const sampleDrafts: QuestionDraft[] = [
  {
    topic: "Chính quyền số",
    type: "single",
    difficulty: "easy",
    text: "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 được phê duyệt tại văn bản nào?",
    options: [
      "Quyết định 749/QĐ-TTg",
      "Quyết định 942/QĐ-TTg",
      "Quyết định 411/QĐ-TTg",
      "Quyết định 06/QĐ-TTg",
    ],
    correct: [0],
    explanation: "Ngày 03/6/2020, Thủ tướng Chính phủ ban hành Quyết định 749/QĐ-TTg.",
    source: {
      document: "Quyết định 749/QĐ-TTg ngày 03/6/2020",
      title: "Phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
      article: "Điều 1",
    },
    tags: ["749", "chương trình"],
  },
  {
    topic: "Kỹ năng số",
    type: "multiple",
    difficulty: "medium",
    text: "Những dấu hiệu nào cho thấy một tin nhắn có thể là lừa đảo?\n(chọn tất cả đáp án đúng)",
    options: [
      "Yêu cầu cung cấp mã OTP",
      "Đường link lạ: http://vi-d1en-tu.xyz",
      '=HYPERLINK("x") giả mạo',
      "Tin nhắn từ tổng đài 1900 xxx ~ {miễn phí}",
    ],
    correct: [0, 1, 3],
    explanation: "Không bao giờ cung cấp mã OTP; kiểm tra kỹ đường link # trước khi bấm.",
    source: { document: "Cẩm nang kỹ năng số", title: null, article: "Phần 2 — Lừa đảo trực tuyến" },
    tags: [],
  },
  {
    topic: "An toàn thông tin",
    type: "true_false",
    difficulty: "hard",
    text: "Mật khẩu \"123456\" là mật khẩu mạnh: <script>alert('x')</script>",
    options: ["Đúng", "Sai"],
    correct: [1],
    explanation:
      "Sai: mật khẩu mạnh có ít nhất 12 ký tự, gồm chữ hoa, chữ thường, số và ký tự đặc biệt (+, -, @…).",
    source: { document: "Luật An ninh mạng 2018", title: "Luật số 24/2018/QH14", article: null },
    tags: ["mật khẩu"],
  },
];

const LETTERS =
  "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằắặầấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĐÂÊÔƠƯQ";
/** Characters some format has to escape or quote. */
const SPECIAL = [..."~=#{}:\\\"',;/%-+@<>&[]()$*?!|—"];
const unit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LETTERS) },
  { weight: 2, arbitrary: fc.constant(" ") },
  { weight: 1, arbitrary: fc.constantFrom(..."0123456789") },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL) },
);

/** Trimmed, non-empty, optionally with inner line breaks. */
export const textArb = (maxLength: number, lines = false) =>
  fc
    .string({
      unit: lines
        ? fc.oneof({ weight: 20, arbitrary: unit }, { weight: 1, arbitrary: fc.constant("\n") })
        : unit,
      minLength: 1,
      maxLength,
    })
    .map((s) => s.trim())
    .filter((s) => s !== "");

const topicArb = fc
  .string({
    unit: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...LETTERS) },
      { weight: 1, arbitrary: fc.constant(" ") },
    ),
    minLength: 1,
    maxLength: 30,
  })
  .map((s) => s.replace(/\s+/g, " ").trim())
  .filter((s) => s !== "");

const optionsArb = (min: number) =>
  fc.uniqueArray(textArb(40, true), {
    minLength: min,
    maxLength: 6,
    selector: (o) => o.toLocaleLowerCase("vi"),
  });

export const draftArb: fc.Arbitrary<QuestionDraft> = fc
  .record({
    topic: topicArb,
    difficulty: fc.constantFrom(...DIFFICULTIES),
    text: textArb(120, true),
    explanation: textArb(120, true),
    source: fc.record({
      document: textArb(40),
      title: fc.option(textArb(60), { nil: null }),
      article: fc.option(textArb(20), { nil: null }),
    }),
    tags: fc.uniqueArray(
      textArb(15)
        .map((t) => t.replace(/,/g, "").trim())
        .filter((t) => t !== ""),
      { maxLength: 4 },
    ),
    kind: fc.oneof(
      optionsArb(2).chain((options) =>
        fc.nat(options.length - 1).map((i) => ({ type: "single" as const, options, correct: [i] })),
      ),
      optionsArb(2).chain((options) =>
        fc
          .uniqueArray(fc.nat(options.length - 1), { minLength: 2, maxLength: options.length })
          .map((c) => ({ type: "multiple" as const, options, correct: [...c].sort((a, b) => a - b) })),
      ),
      fc.nat(1).map((i) => ({ type: "true_false" as const, options: ["Đúng", "Sai"], correct: [i] })),
    ),
  })
  .map(({ kind, ...rest }) => ({ ...rest, ...kind }));

/** A zip of the given parts; `declaredSize` lets a test lie about a part's size, as a zip bomb does. */
export function makeZip(parts: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const body = deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
