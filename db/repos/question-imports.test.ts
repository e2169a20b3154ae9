import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serializeCsv } from "~/rules/question-formats/csv";
import { sampleDrafts } from "~/rules/question-formats/testing";
import type { QuestionDraft } from "~/rules/question";
import { openTestDatabase, type Db } from "../connection";
import { listAudit } from "./audit";
import { createUser } from "./users";
import { ensureTopics, insertQuestion, listQuestions } from "./questions";
import { IMPORT_TTL_MS, confirmImport, previewImport } from "./question-imports";

const now = new Date("2026-11-27T02:00:00.000Z");

function csv(rows: string[][]): Uint8Array {
  const header = "STT,Chủ đề,Mức độ,Loại,Câu hỏi,A,B,C,D,E,F,Đáp án đúng,Giải thích,Nguồn";
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  return new TextEncoder().encode([header, ...rows.map((r) => r.map(quote).join(","))].join("\r\n"));
}
const row = (text: string, correct = "A", topic = "Kỹ năng số"): string[] => [
  "1",
  topic,
  "Dễ",
  "Một đáp án",
  text,
  "Phương án một",
  "Phương án hai",
  "",
  "",
  "",
  "",
  correct,
  "Giải thích ngắn.",
  "Cẩm nang kỹ năng số",
];

describe("importing a question file", () => {
  let db: Db;
  let organizer: number;
  let other: number;
  beforeEach(async () => {
    db = await openTestDatabase();
    organizer = (
      await createUser(db, { role: "organizer", username: "btc", displayName: "BTC", passwordHash: "x", now })
    ).id;
    other = (
      await createUser(db, {
        role: "organizer",
        username: "btc2",
        displayName: "BTC 2",
        passwordHash: "x",
        now,
      })
    ).id;
    const existing: QuestionDraft = sampleDrafts[0]!;
    const topics = await ensureTopics(db, [existing.topic]);
    await insertQuestion(db, {
      draft: existing,
      topicId: topics.get(existing.topic)!.id,
      status: "approved",
      key: "cqs-001",
      now,
    });
  });
  afterEach(() => db.destroy());

  it("lists each row's problems with its row number and writes nothing", async () => {
    const bytes = csv([
      row("Mã OTP có được đưa cho người khác không?"),
      row("Câu hỏi chưa có đáp án đúng?", ""),
      // The bank's question, typed without diacritics and in capitals: still a duplicate.
      row(
        "CHUONG TRINH CHUYEN DOI SO QUOC GIA DEN NAM 2025, DINH HUONG DEN NAM 2030 DUOC PHE DUYET TAI VAN BAN NAO",
      ),
    ]);
    const preview = await previewImport(db, { userId: organizer, fileName: "cau-hoi.csv", bytes, now });
    expect(preview.validCount).toBe(1);
    expect(preview.problemCount).toBe(2);
    expect(preview.rows.map((r) => [r.line, r.problems.map((p) => p.code)])).toEqual([
      [2, []],
      [3, ["missingCorrect"]],
      [4, ["duplicateExisting"]],
    ]);
    expect(preview.newTopics).toEqual(["Kỹ năng số"]);
    expect(preview.token).toMatch(/^[\w-]{32}$/);
    expect((await listQuestions(db, {}, { limit: 10, offset: 0 })).total).toBe(1);
  });

  it("writes all the valid rows once, for the organizer who uploaded them", async () => {
    const bytes = csv([row("Câu thứ nhất?"), row("Câu thứ hai?"), row("Câu lỗi?", "G")]);
    const preview = await previewImport(db, { userId: organizer, fileName: "cau-hoi.csv", bytes, now });
    const token = preview.token!;

    expect(await confirmImport(db, { token, userId: other, approve: false, now })).toEqual({
      ok: false,
      reason: "notFound",
    });
    const done = await confirmImport(db, { token, userId: organizer, approve: true, now });
    expect(done).toMatchObject({ ok: true, approved: 2 });
    const list = await listQuestions(db, { search: "cau thu" }, { limit: 10, offset: 0 });
    expect(list.rows.map((r) => [r.text, r.status, r.topicName])).toEqual([
      ["Câu thứ nhất?", "approved", "Kỹ năng số"],
      ["Câu thứ hai?", "approved", "Kỹ năng số"],
    ]);
    expect(await confirmImport(db, { token, userId: organizer, approve: true, now })).toEqual({
      ok: false,
      reason: "alreadyConfirmed",
    });
    const [audit] = await listAudit(db, { action: "questions.import" });
    expect(JSON.parse(audit!.details)).toMatchObject({
      file: "cau-hoi.csv",
      format: "csv",
      imported: 2,
      skippedRows: 1,
    });
  });

  it("writes nothing when the bank gained one of the rows since the preview", async () => {
    const first = await previewImport(db, {
      userId: organizer,
      fileName: "a.csv",
      bytes: csv([row("Câu mới?"), row("Câu khác?")]),
      now,
    });
    const second = await previewImport(db, {
      userId: organizer,
      fileName: "b.csv",
      bytes: csv([row("Câu khác?")]),
      now,
    });
    await confirmImport(db, { token: second.token!, userId: organizer, approve: false, now });
    expect(await confirmImport(db, { token: first.token!, userId: organizer, approve: false, now })).toEqual({
      ok: false,
      reason: "bankChanged",
      lines: [3],
    });
    expect((await listQuestions(db, { search: "cau moi" }, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it("forgets a preview after its time", async () => {
    const preview = await previewImport(db, {
      userId: organizer,
      fileName: "a.csv",
      bytes: csv([row("Câu mới?")]),
      now,
    });
    const later = new Date(now.getTime() + IMPORT_TTL_MS + 1);
    expect(
      await confirmImport(db, { token: preview.token!, userId: organizer, approve: false, now: later }),
    ).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("keeps rows that cannot be approved yet as drafts", async () => {
    const aiken = new TextEncoder().encode(
      "Mã OTP dùng để làm gì?\nA. Xác thực giao dịch\nB. Trang trí\nANSWER: A\n",
    );
    const preview = await previewImport(db, {
      userId: organizer,
      fileName: "otp.aiken",
      bytes: aiken,
      defaults: { topic: "Kỹ năng số", difficulty: "easy" },
      now,
    });
    expect(preview.validCount).toBe(1);
    const done = await confirmImport(db, { token: preview.token!, userId: organizer, approve: true, now });
    expect(done).toMatchObject({ ok: true, approved: 0 });
  });

  it("gives no token when nothing can be imported", async () => {
    const preview = await previewImport(db, {
      userId: organizer,
      fileName: "a.pdf",
      bytes: new Uint8Array([1, 2]),
      now,
    });
    expect(preview.token).toBeNull();
    expect(preview.fileProblems.map((p) => p.code)).toEqual(["unsupportedFormat"]);
    const round = await previewImport(db, {
      userId: organizer,
      fileName: "x.csv",
      bytes: serializeCsv(sampleDrafts.slice(0, 1)),
      now,
    });
    expect(round.token).toBeNull();
    expect(round.rows[0]?.problems.map((p) => p.code)).toEqual(["duplicateExisting"]);
  });
});
