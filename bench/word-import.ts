/**
 * How long a large Word question file takes to read and preview (issue 15): N questions, every tenth
 * with a 1600×1200 photo, written with the `docx` package, then parsed and previewed (pictures
 * re-encoded) against an in-memory database. Run: npx tsx bench/word-import.ts [questions]
 */
import sharp from "sharp";
import { openTestDatabase } from "#db/connection";
import { createUser } from "#db/repos/users";
import { previewImport } from "#db/repos/question-imports";
import { encodePicture } from "#server/media/pictures";
import { parseQuestionFile } from "~/rules/question-formats";
import { wordDocument, type WordItem } from "../scripts/lib/word-documents";

const count = Number(process.argv[2] ?? 1000);
const photo = await sharp({
  create: {
    width: 1600,
    height: 1200,
    channels: 3,
    background: "#808080",
    noise: { type: "gaussian", mean: 128, sigma: 40 },
  },
})
  .jpeg({ quality: 80 })
  .toBuffer();
const items: WordItem[] = [{ heading: "Phần I. An toàn thông tin" }];
for (let n = 1; n <= count; n++) {
  items.push(`Câu ${n}. Câu hỏi thử số ${n} về an toàn thông tin và kỹ năng số?`);
  if (n % 10 === 0) items.push({ picture: photo, alt: `Hình minh họa câu ${n}`, type: "jpg" });
  items.push(
    "A. Phương án thứ nhất",
    `B. _Phương án đúng của câu ${n}_`,
    "C. Phương án thứ ba",
    "D. Phương án thứ tư",
  );
  items.push("Giải thích: Giải thích ngắn.", "Nguồn: Cẩm nang kỹ năng số", "Mức độ: Dễ");
}
const bytes = await wordDocument(items);
const db = await openTestDatabase();
const user = await createUser(db, {
  role: "organizer",
  username: "b",
  displayName: "B",
  passwordHash: "x",
  now: new Date(),
});
let t = performance.now();
const parsed = await parseQuestionFile("docx", bytes);
const parseMs = performance.now() - t;
t = performance.now();
const preview = await previewImport(db, {
  userId: user.id,
  fileName: "lon.docx",
  bytes,
  now: new Date(),
  encodePicture,
});
const previewMs = performance.now() - t;
console.log(
  JSON.stringify({
    questions: count,
    pictures: Math.floor(count / 10),
    fileMb: +(bytes.length / 1024 / 1024).toFixed(2),
    rows: parsed.rows.length,
    valid: preview.validCount,
    parseMs: Math.round(parseMs),
    previewWithPicturesMs: Math.round(previewMs),
  }),
);
await db.destroy();
