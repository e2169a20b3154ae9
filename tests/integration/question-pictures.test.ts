import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseQuestionFile, serializeBankZip, type DraftPictures } from "~/rules/question-formats";
// Here rather than beside the repository: it uses the server's picture encoder, which db/ may not import.
import { encodePicture } from "#server/media/pictures";
import { openTestDatabase, type Db } from "#db/connection";
import { createUser } from "#db/repos/users";
import { confirmImport, previewImport } from "#db/repos/question-imports";
import { exportDrafts, exportVersionIds, filterFromParams } from "#db/repos/questions";
import { pictureFilesOfVersions, picturesOfVersions } from "#db/repos/question-pictures";
import { wordDocument } from "../../scripts/lib/word-documents";

const now = new Date("2026-11-30T02:00:00.000Z");
const tail = ["Giải thích: Theo Đề án 06.", "Nguồn: Quyết định 06/QĐ-TTg", "Mức độ: Dễ"];

async function picture(width: number, height: number, format: "png" | "jpeg" = "png") {
  const base = sharp({ create: { width, height, channels: 3, background: "#2e7d32" } });
  return format === "png" ? base.png().toBuffer() : base.jpeg().toBuffer();
}

describe("questions with pictures", () => {
  let db: Db;
  let organizer: number;
  beforeEach(async () => {
    db = await openTestDatabase();
    organizer = (
      await createUser(db, {
        role: "organizer",
        username: "btc",
        displayName: "Ban tổ chức",
        passwordHash: "x",
        now,
      })
    ).id;
  });
  afterEach(async () => {
    await db.destroy();
  });

  async function importFile(fileName: string, bytes: Uint8Array) {
    const preview = await previewImport(db, { userId: organizer, fileName, bytes, now, encodePicture });
    expect(preview.rows.flatMap((r) => r.problems)).toEqual([]);
    const result = await confirmImport(db, { token: preview.token!, userId: organizer, approve: true, now });
    if (!result.ok) throw new Error(result.reason);
    return result.questionIds;
  }

  it("keeps a Word question's picture re-encoded, sized and described, and round-trips it through the .zip export", async () => {
    const photo = await picture(2400, 1600, "jpeg");
    const icon = await picture(300, 300);
    const docx = await wordDocument([
      { heading: "Phần I. Định danh điện tử" },
      "Câu 1. Đây là màn hình của ứng dụng nào?",
      { picture: photo, alt: "Màn hình đăng nhập VNeID", type: "jpg" },
      "A. _VNeID_",
      "B. Zalo",
      ...tail,
      "Câu 2. Biểu tượng nào là của ứng dụng VNeID?",
      "A. Biểu tượng đỏ",
      { picture: icon },
      "B. _Biểu tượng xanh_",
      { picture: icon },
      ...tail,
    ]);
    const ids = await importFile("de-thi.docx", docx);
    expect(ids).toHaveLength(2);

    const versionIds = await exportVersionIds(db, filterFromParams(new URLSearchParams()));
    const views = await picturesOfVersions(db, versionIds);
    const first = views.get(versionIds[0]!)!;
    expect(first.question).toMatchObject({ width: 1280, height: 853, alt: "Màn hình đăng nhập VNeID" });
    expect(first.question!.url).toMatch(/^\/media\/pictures\/\d+-[0-9a-f]{16}\.webp$/);
    const second = views.get(versionIds[1]!)!;
    expect(second.question).toBeNull();
    expect(Object.keys(second.options)).toEqual(["0", "1"]);
    expect(second.options[1]).toMatchObject({ width: 300, height: 300, alt: "Biểu tượng xanh" });

    const stored = (await pictureFilesOfVersions(db, versionIds)).get(versionIds[0]!)![0]!;
    // Never the upload as it came: re-encoded to WebP.
    expect(Buffer.from(stored.picture.bytes).subarray(8, 12).toString("latin1")).toBe("WEBP");
    expect(Buffer.from(stored.picture.bytes).equals(photo)).toBe(false);

    // Export as the console does, then import the zip into a fresh bank.
    const drafts = await exportDrafts(db, filterFromParams(new URLSearchParams()));
    const files = await pictureFilesOfVersions(db, versionIds);
    const pictures = versionIds.map((id): DraftPictures => {
      const p: DraftPictures = {};
      for (const { slot, picture: f } of files.get(id) ?? []) {
        const file = { fileName: f.fileName, alt: f.alt, bytes: f.bytes };
        if (slot === "question") p.question = file;
        else (p.options ??= {})[Number(slot.slice(7))] = file;
      }
      return p;
    });
    for (const format of ["xlsx", "csv"] as const) {
      const zip = await serializeBankZip(format, drafts, pictures);
      const parsed = await parseQuestionFile("zip", zip);
      expect(parsed.fileProblems).toEqual([]);
      expect(parsed.rows.map((r) => r.problems)).toEqual([[], []]);
      expect(parsed.rows.map((r) => r.draft)).toEqual(drafts);
      expect(parsed.rows[0]!.pictures?.question?.alt).toBe("Màn hình đăng nhập VNeID");
      expect(
        Buffer.from(parsed.rows[0]!.pictures!.question!.data).equals(Buffer.from(stored.picture.bytes)),
      ).toBe(true);
      expect(Object.keys(parsed.rows[1]!.pictures?.options ?? {})).toEqual(["0", "1"]);
    }

    const other = await openTestDatabase();
    try {
      const user = await createUser(other, {
        role: "organizer",
        username: "b",
        displayName: "B",
        passwordHash: "x",
        now,
      }).then((u) => u.id);
      const zip = await serializeBankZip("xlsx", drafts, pictures);
      const preview = await previewImport(other, {
        userId: user,
        fileName: "ngan-hang.zip",
        bytes: zip,
        now,
        encodePicture,
      });
      expect(preview.rows.flatMap((r) => r.problems)).toEqual([]);
      const done = await confirmImport(other, { token: preview.token!, userId: user, approve: true, now });
      expect(done.ok).toBe(true);
      const otherIds = await exportVersionIds(other, filterFromParams(new URLSearchParams()));
      const again = await picturesOfVersions(other, otherIds);
      expect(again.get(otherIds[0]!)!.question).toMatchObject({
        width: 1280,
        height: 853,
        alt: "Màn hình đăng nhập VNeID",
      });
      expect(Object.keys(again.get(otherIds[1]!)!.options)).toEqual(["0", "1"]);
    } finally {
      await other.destroy();
    }
  });

  it("flags a picture that is not an image, and a sheet naming a picture its zip does not hold", async () => {
    const fake = Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>");
    const docx = await wordDocument([
      { heading: "Kỹ năng số" },
      "Câu 1. Hình gì?",
      { picture: fake, alt: "Hình" },
      "A. _Một_",
      "B. Hai",
      ...tail,
    ]);
    const preview = await previewImport(db, {
      userId: organizer,
      fileName: "a.docx",
      bytes: docx,
      now,
      encodePicture,
    });
    expect(preview.rows[0]!.problems.map((p) => p.code)).toEqual(["pictureUnreadable"]);
    expect(preview.token).toBeNull();

    const drafts = (
      await parseQuestionFile("docx", await wordDocument(["Câu 1. Hình gì?", "A. _Một_", "B. Hai", ...tail]))
    ).rows.map((r) => r.draft!);
    drafts[0] = { ...drafts[0]!, topic: "Kỹ năng số" };
    const zip = await serializeBankZip("csv", drafts, [
      { question: { fileName: "a.webp", alt: "Hình", bytes: await picture(10, 10) } },
    ]);
    const sheetOnly = (await parseQuestionFile("zip", zip)).rows[0]!;
    expect(sheetOnly.problems).toEqual([]);
    const { readZipEntries } = await import("~/rules/question-formats/zip-entries");
    const entries = readZipEntries(zip);
    if ("error" in entries) throw new Error(entries.error);
    const csv = entries.entries.get("cau-hoi.csv")!;
    const alone = await parseQuestionFile("csv", csv);
    expect(alone.rows[0]!.problems.map((p) => p.code)).toEqual(["pictureNotFound"]);
  });
});
