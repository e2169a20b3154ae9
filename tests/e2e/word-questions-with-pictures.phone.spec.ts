import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { wordDocument, type WordItem } from "../../scripts/lib/word-documents";
import { E2E_ADMIN_PASSWORD } from "./env";
import { createContestantAccount, createRound, e2eDatabase, uniqueSuffix } from "./fixtures";

const SCREENS = "test-results/screens";

/** The organizer's Word file: one good question with a picture, and two the preview must flag. */
async function organizerDocument(topic: string, fixed: boolean): Promise<Buffer> {
  const screen = await sharp({ create: { width: 900, height: 1400, channels: 3, background: "#0b5394" } })
    .composite([
      {
        input: { create: { width: 700, height: 220, channels: 3, background: "#ffffff" } },
        left: 100,
        top: 300,
      },
    ])
    .png()
    .toBuffer();
  const sms = await sharp({ create: { width: 720, height: 360, channels: 3, background: "#fde9e7" } })
    .jpeg()
    .toBuffer();
  const tail = (difficulty: string): WordItem[] => [
    "Giải thích: Câu hỏi kiểm thử nhập văn bản Word có hình.",
    "Nguồn: Cẩm nang kỹ năng số",
    `Mức độ: ${difficulty}`,
  ];
  return wordDocument([
    { heading: `Phần I. ${topic}` },
    `Câu 1. Màn hình trong hình là của ứng dụng nào? (${topic})`,
    { picture: screen, alt: "Màn hình đăng nhập của ứng dụng định danh điện tử VNeID" },
    "A. _VNeID_",
    "B. Zalo",
    "C. Facebook",
    ...tail("Dễ"),
    `Câu 2. Mã OTP có được đọc cho người gọi điện tự xưng nhân viên ngân hàng không? (${topic})`,
    "A. Có, nếu họ biết họ tên mình",
    "B. Không bao giờ",
    ...(fixed ? ["Đáp án: B"] : []),
    ...tail("Dễ"),
    `Câu 3. Tin nhắn trong hình có dấu hiệu lừa đảo không? (${topic})`,
    { picture: sms, type: "jpg" },
    ...(fixed ? ["Mô tả hình: Tin nhắn báo trúng thưởng kèm đường dẫn lạ"] : []),
    "Đáp án: Đúng",
    ...tail("Trung bình"),
  ]);
}

async function upload(page: Page, name: string, bytes: Buffer) {
  await page.getByLabel("Tệp câu hỏi").setInputFiles({
    name,
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: bytes,
  });
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
}

test("An organizer imports a Word file with a picture after fixing the two flagged questions, and a contestant sees the picture on a phone", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const topic = `Nhận diện lừa đảo ${uniqueSuffix()}`;

  // The organizer works on an office PC.
  const office = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: "vi-VN" });
  const organizer = await office.newPage();
  await organizer.goto("/login");
  await organizer.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("admin");
  await organizer.getByLabel("Mật khẩu").fill(E2E_ADMIN_PASSWORD);
  await organizer.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(organizer).toHaveURL(/\/console$/);
  await organizer.goto("/console/questions/import");
  await expect(organizer.getByRole("link", { name: "Tải văn bản Word mẫu (.docx)" })).toBeVisible();

  await upload(organizer, "de-cuong-lua-dao.docx", await organizerDocument(topic, false));
  const problems = organizer.getByRole("list", { name: "Các dòng có lỗi (sẽ không được nhập)" });
  await expect(problems).toContainText("Câu 2 («Mã OTP có được đọc cho người gọi điện");
  await expect(problems).toContainText("không tìm thấy đáp án đúng");
  await expect(problems).toContainText("Câu 3 («Tin nhắn trong hình có dấu hiệu lừa đảo không?");
  await expect(problems).toContainText("hình chưa có mô tả");
  await expect(organizer.getByRole("status")).toContainText(
    "3 câu hỏi đọc được: 1 câu hợp lệ, 2 câu có lỗi.",
  );
  await organizer.screenshot({ path: `${SCREENS}/word-import-flagged-1366.png`, fullPage: true });

  // The organizer fixes both in Word and checks the file again: nothing was written meanwhile.
  await upload(organizer, "de-cuong-lua-dao.docx", await organizerDocument(topic, true));
  await expect(organizer.getByRole("list", { name: "Các dòng có lỗi (sẽ không được nhập)" })).toHaveCount(0);
  await expect(organizer.getByText("có hình")).toHaveCount(2);
  await organizer.getByLabel(/Duyệt luôn các câu này/).check();
  await organizer.getByRole("button", { name: "Nhập 3 câu hợp lệ vào ngân hàng" }).click();
  await expect(organizer).toHaveURL(/\/console\/questions\?imported=3&approved=3/);

  // In the editor the picture shows with its description, which cannot be left empty.
  const db = e2eDatabase();
  const sms = await db
    .selectFrom("questions")
    .innerJoin("question_versions", "question_versions.id", "questions.current_version_id")
    .select("questions.id")
    .where("question_versions.text", "like", `Tin nhắn trong hình%${topic}%`)
    .executeTakeFirstOrThrow()
    .finally(() => db.destroy());
  await organizer.goto(`/console/questions/${sms.id}`);
  await expect(
    organizer.getByRole("img", { name: "Tin nhắn báo trúng thưởng kèm đường dẫn lạ" }),
  ).toBeVisible();
  const alt = organizer.getByLabel("Mô tả hình (bắt buộc)");
  await alt.fill("");
  await organizer.getByRole("button", { name: "Lưu hình" }).click();
  await expect(alt).toHaveJSProperty("validity.valueMissing", true);
  await alt.fill("Tin nhắn SMS báo trúng thưởng kèm đường dẫn lạ");
  await organizer.getByRole("button", { name: "Lưu hình" }).click();
  await expect(organizer.getByText("Đã lưu hình của câu hỏi.")).toBeVisible();
  await organizer.reload();
  await expect(
    organizer.getByRole("img", { name: "Tin nhắn SMS báo trúng thưởng kèm đường dẫn lạ" }),
  ).toBeVisible();
  await office.close();

  // A contestant on a 360-px phone takes a round drawn from those questions.
  const roundId = await createRound({
    title: `Đợt kiểm thử: câu hỏi có hình ${topic}`,
    durationSeconds: 600,
    questionCount: 3,
    closesInMinutes: 60,
    topic,
  });
  const phone = await createContestantAccount("hinh-anh-123");
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill(phone);
  await page.getByLabel("Mật khẩu").fill("hinh-anh-123");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL("/");
  await page.goto(`/rounds/${roundId}`);
  await page.getByRole("button", { name: "Bắt đầu làm bài" }).click();
  await expect(page).toHaveURL(/\/attempts\/\d+$/);
  await expect(page.locator('.attempt[data-ready="true"]')).toBeVisible();
  await expect(page.getByText("Câu 1/3")).toBeVisible();

  // The draw may put the questions in any order: look at each, as the contestant would.
  const seen: string[] = [];
  for (let n = 1; n <= 3; n++) {
    await expect(page.getByText(`Câu ${n}/3`)).toBeVisible();
    const card = page.locator(".question-card");
    if ((await card.locator(".question-card-picture img").count()) > 0) {
      const picture = card.locator(".question-card-picture img");
      await expect(picture).toBeVisible();
      const shown = await picture.evaluate((img: HTMLImageElement) => ({
        alt: img.alt,
        natural: img.naturalWidth,
        width: img.getBoundingClientRect().width,
        src: img.getAttribute("src"),
        attrs: [img.getAttribute("width"), img.getAttribute("height")],
      }));
      seen.push(shown.alt);
      // Loaded, inside the phone's width, with its size in the markup so the page does not jump.
      expect(shown.natural).toBeGreaterThan(0);
      expect(shown.width).toBeLessThanOrEqual(360);
      if (shown.alt.startsWith("Màn hình")) {
        expect(shown.attrs).toEqual(["900", "1400"]);
        await page.screenshot({ path: `${SCREENS}/word-picture-phone-360.png`, fullPage: true });
      }
      const response = await page.request.get(shown.src!);
      expect(response.headers()["content-type"]).toBe("image/webp");
      expect(response.headers()["cache-control"]).toContain("max-age=31536000");
    }
    if (n < 3) await page.getByRole("button", { name: "Câu sau →" }).click();
  }
  expect(seen.sort()).toEqual([
    "Màn hình đăng nhập của ứng dụng định danh điện tử VNeID",
    "Tin nhắn SMS báo trúng thưởng kèm đường dẫn lạ",
  ]);
});
