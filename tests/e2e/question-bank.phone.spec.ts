import { expect, test } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "./env";

const SCREENS = "test-results/screens";

test("An organizer writes a question on a phone and sees it as contestants will", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/console$/);

  await page.goto("/console/questions");
  await page.screenshot({
    path: `${SCREENS}/question-bank-list-360.png`,
    fullPage: true,
    clip: { x: 0, y: 0, width: 360, height: 2400 },
  });
  await page.getByRole("link", { name: "Thêm câu hỏi" }).click();
  await expect(page.getByRole("heading", { name: "Thêm câu hỏi", level: 1 })).toBeVisible();

  // Saving an empty question names what is missing and writes nothing.
  await page.getByRole("button", { name: "Tạo câu hỏi (nháp)" }).click();
  await expect(page.getByRole("alert")).toContainText("Chưa có nội dung câu hỏi");
  await expect(page.getByRole("alert")).toContainText("Chưa có đáp án đúng");

  await page.getByLabel("Chủ đề").selectOption({ label: "Dịch vụ công trực tuyến" });
  await page.getByLabel("Mức độ").selectOption("medium");
  await page.getByLabel("Loại câu hỏi").selectOption("multiple");
  await page
    .getByLabel("Nội dung câu hỏi")
    .fill("Người dân có thể nộp hồ sơ dịch vụ công trực tuyến qua những kênh nào?");
  await page.getByLabel("Phương án A").fill("Cổng Dịch vụ công quốc gia");
  await page.getByLabel("Phương án B").fill("Ứng dụng VNeID");
  await page.getByLabel("Phương án C").fill("Gửi thư tay cho cán bộ xã");
  await page.getByLabel("A là đáp án đúng").check();
  await page.getByLabel("B là đáp án đúng").check();
  await page
    .getByLabel("Giải thích (hiện cho thí sinh sau khi đợt thi kết thúc)")
    .fill("Hồ sơ trực tuyến được nộp qua Cổng Dịch vụ công quốc gia và ứng dụng VNeID.");
  await page.getByLabel("Văn bản nguồn (số, ngày)").fill("Nghị định 42/2022/NĐ-CP");

  // The preview follows the form, without the answer until asked.
  const preview = page.getByRole("complementary", { name: "Xem trước trên điện thoại" });
  await expect(
    preview.getByText("Người dân có thể nộp hồ sơ dịch vụ công trực tuyến qua những kênh nào?"),
  ).toBeVisible();
  await expect(preview.getByText("Chọn tất cả đáp án đúng (có thể nhiều hơn một)")).toBeVisible();
  await expect(preview.getByText("✓ Đáp án đúng")).toHaveCount(0);
  await preview.getByRole("button", { name: /Ứng dụng VNeID/ }).click();
  await expect(preview.getByRole("button", { name: /Ứng dụng VNeID/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await preview.getByLabel("Hiện đáp án và giải thích").check();
  await expect(preview.getByText("✓ Đáp án đúng")).toHaveCount(2);
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/question-new-360.png`, fullPage: true });

  await page.getByRole("button", { name: "Tạo câu hỏi (nháp)" }).click();
  await expect(page.getByRole("status")).toContainText("Đã tạo câu hỏi ở trạng thái nháp");
  await page.getByRole("button", { name: "Duyệt" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã duyệt: câu hỏi có thể được rút vào đề thi.");
  await page.screenshot({ path: `${SCREENS}/question-edit-360.png`, fullPage: true });

  await page.goto("/console/questions?q=nop+ho+so+dich+vu+cong+truc+tuyen+qua+nhung+kenh");
  await expect(page.getByRole("heading", { name: "1 câu hỏi" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Đã duyệt" })).toBeVisible();
});
