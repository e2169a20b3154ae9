import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "./env";
import { createStaffAccount } from "./fixtures";

async function logIn(page: Page, login: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill(login);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/console/);
}

/** "2026-12-01T08:00": a datetime-local value in Vietnam time, `hours` from now. */
function vnLocal(hoursFromNow: number): string {
  const shifted = new Date(Date.now() + hoursFromNow * 3_600_000 + 7 * 3_600_000);
  return shifted.toISOString().slice(0, 16);
}

async function screens(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.screenshot({ path: `test-results/screens/${name}-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: `test-results/screens/${name}-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 800 });
}

const DRAW_TOO_BIG =
  /Dòng 2 của đề: cần 50 câu Khó chủ đề An toàn thông tin, ngân hàng chỉ có \d+ câu đã duyệt/;
const CLOSES_BEFORE_OPENS = "Thời gian đóng phải sau thời gian mở.";

test("An organizer creates a round, is told what the bank cannot fill and when the times are wrong, and saves it once fixed", async ({
  page,
}) => {
  await logIn(page, "admin", E2E_ADMIN_PASSWORD);
  await page.getByRole("link", { name: "Đợt thi", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Các đợt thi" })).toBeVisible();
  await page.getByRole("link", { name: "Tạo đợt thi mới" }).click();
  await expect(page.getByRole("heading", { name: "Tạo đợt thi mới" })).toBeVisible();

  await page.getByLabel("Tên đợt thi").fill("Đợt 3: An toàn thông tin cho mọi người");
  await page.getByLabel("Thời gian mở").fill("2026-12-01T08:00");
  await page.getByLabel("Thời gian đóng").fill("2026-11-30T20:00");
  await expect(page.getByText("Tức là: 08:00 ngày 01/12/2026")).toBeVisible();

  // Line 2 asks for more hard questions on one topic than the approved bank holds: the counter says so at once.
  const line2 = page.getByRole("group", { name: "Dòng 2" });
  await line2.getByLabel("Chủ đề").selectOption({ label: "An toàn thông tin" });
  await line2.getByLabel("Mức độ").selectOption({ label: "Khó" });
  await line2.getByLabel("Số câu").fill("50");
  await expect(line2.getByText(/Thiếu \d+ câu/)).toBeVisible();

  await page.getByRole("button", { name: "Tạo đợt thi" }).click();
  const problems = page.getByRole("alert");
  await expect(problems).toContainText("Chưa lưu được");
  await expect(problems).toContainText(CLOSES_BEFORE_OPENS);
  await expect(problems).toContainText(DRAW_TOO_BIG);
  await expect(page).toHaveURL(/\/console\/rounds\/new$/);
  await screens(page, "rounds-new-refused");

  // Fix both and save.
  await page.getByLabel("Thời gian đóng").fill("2026-12-07T20:00");
  await line2.getByLabel("Số câu").fill("5");
  await expect(line2.getByText("Đủ câu")).toBeVisible();
  await page.getByRole("button", { name: "Tạo đợt thi" }).click();
  await expect(page).toHaveURL(/\/console\/rounds\/\d+\?created=1$/);
  await expect(page.getByRole("status")).toHaveText("Đã tạo đợt thi.");
  await expect(page.getByRole("heading", { name: "Đợt 3: An toàn thông tin cho mọi người" })).toBeVisible();
  await expect(page.getByText("Tổng số câu của đề: 17")).toBeVisible();

  await page.getByRole("link", { name: "← Danh sách đợt thi" }).click();
  const row = page.getByRole("row", { name: /Đợt 3: An toàn thông tin cho mọi người/ });
  await expect(row).toContainText("Mở: 08:00 ngày 01/12/2026");
  await expect(row).toContainText("Đóng: 20:00 ngày 07/12/2026");
  await expect(row).toContainText("17 câu · 15 phút");
  await expect(row).toContainText("0 bắt đầu · 0 đã nộp");
  await screens(page, "rounds-list");
});

test("The server refuses settings it cannot honour even when the browser's checks are bypassed", async ({
  page,
}) => {
  await logIn(page, "admin", E2E_ADMIN_PASSWORD);
  await page.goto("/console/rounds/new");
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const form: Record<string, string> = {
    csrf,
    intent: "save",
    title: "Đợt gửi thẳng",
    opensAt: "2026-12-10T08:00",
    closesAt: "2026-12-09T08:00",
    durationMinutes: "15",
    drawTopic: "any",
    drawDifficulty: "hard",
    drawCount: "5000",
    maxAttempts: "1",
    boardPolicy: "live",
    freezeMinutes: "",
    pointsEasy: "1",
    pointsMedium: "1",
    pointsHard: "1",
    prizeFirst: "1",
    prizeSecond: "2",
    prizeThird: "3",
    prizeConsolation: "5",
  };
  const response = await page.request.post("/console/rounds/new", { form, maxRedirects: 0 });
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain(CLOSES_BEFORE_OPENS);
  expect(html).toMatch(/Dòng 1 của đề: cần 5000 câu Khó \(mọi chủ đề\), ngân hàng chỉ có \d+ câu đã duyệt/);

  await page.goto("/console/rounds");
  await expect(page.getByText("Đợt gửi thẳng")).toHaveCount(0);
});

test("An organizer closes an open round, ranks it and publishes the results", async ({ page }) => {
  await logIn(page, "admin", E2E_ADMIN_PASSWORD);
  await page.goto("/console/rounds/new");
  await page.getByLabel("Tên đợt thi").fill("Đợt thử đóng sớm");
  await page.getByLabel("Thời gian mở").fill(vnLocal(-2));
  await page.getByLabel("Thời gian đóng").fill(vnLocal(48));
  await page.getByRole("button", { name: "Tạo đợt thi" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã tạo đợt thi.");
  await expect(page.getByText("Đang mở", { exact: true })).toBeVisible();
  await screens(page, "rounds-edit-open");

  // Publishing needs the official ranking first.
  await expect(page.getByRole("button", { name: "Công bố kết quả" })).toBeDisabled();
  await page.getByLabel("Tôi xác nhận đóng đợt thi ngay bây giờ").check();
  await page.getByRole("button", { name: "Đóng đợt thi và tính xếp hạng chính thức" }).click();
  await expect(page.getByRole("status")).toContainText("Đã tính xếp hạng chính thức: 0 bài được xếp hạng");
  await expect(page.getByText("Đã đóng", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Công bố kết quả" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã công bố kết quả đợt thi.");
  await expect(page.getByText("Kết quả đợt thi đã được công bố: cài đặt chỉ còn để xem.")).toBeVisible();
  await expect(page.getByLabel("Tên đợt thi")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Lưu cài đặt" })).toHaveCount(0);
});

test("An organizer turns practice off and on for the contest", async ({ page }) => {
  await logIn(page, "admin", E2E_ADMIN_PASSWORD);
  await page.goto("/console/rounds");
  const practice = page.getByRole("region", { name: /Thi thử/ });
  await expect(practice).toContainText("Đang bật");
  await practice.getByRole("button", { name: "Tắt thi thử" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã tắt thi thử.");
  await expect(practice).toContainText("Đang tắt");
  await practice.getByRole("button", { name: "Bật thi thử" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã bật thi thử.");
  await expect(practice).toContainText("Đang bật");
});

test("A judge reads a round's settings but cannot change them", async ({ page }) => {
  const username = await createStaffAccount("judge", "giam-khao-789");
  await logIn(page, username, "giam-khao-789");
  await page.goto("/console/rounds");
  await expect(page.getByRole("link", { name: "Tạo đợt thi mới" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Tắt thi thử" })).toHaveCount(0);
  await page
    .getByRole("link", { name: /Xem cài đặt/ })
    .first()
    .click();
  await expect(page.getByLabel("Tên đợt thi")).toBeDisabled();
  // Read-only, but everything is shown: the draw, its total and the times in Vietnamese.
  await expect(page.getByRole("group", { name: "Dòng 1" }).getByLabel("Số câu")).toBeDisabled();
  await expect(page.getByText(/Tổng số câu của đề: [1-9]/)).toBeVisible();
  await expect(page.getByText(/Tức là: \d\d:\d\d ngày/).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Lưu cài đặt" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Công bố kết quả" })).toHaveCount(0);
  await screens(page, "rounds-judge");

  const response = await page.request.get("/console/rounds/new", { maxRedirects: 0 });
  expect(response.status()).toBe(403);
});
