import { expect, test } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "./env";
import { createContestantAccount } from "./fixtures";

test("A visitor on a phone sees the contest home in Vietnamese", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Hội thi tìm hiểu về Chuyển đổi số huyện Lý Sơn năm 2023",
  );
  await expect(page.getByRole("link", { name: "Đăng ký dự thi" }).first()).toBeVisible();
  // The demo contest's two rounds (other tests may add rounds of their own).
  await expect(page.getByRole("article").filter({ hasText: "Đợt 1:" }).getByText("Đang mở")).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "Đợt 2:" }).getByText("Sắp mở")).toBeVisible();
  // Nothing overflows a 360-px screen sideways.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await page.screenshot({ path: "test-results/screens/home-phone.png", fullPage: true });
});

test("A wrong password gets a Vietnamese error", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill("mat-khau-sai");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("alert")).toContainText("mật khẩu không đúng");
  await expect(page).toHaveURL(/\/login/);
});

test("A contestant cannot open the console", async ({ page }) => {
  const phone = await createContestantAccount("thi-sinh-123");
  await page.goto("/login");
  await page
    .getByLabel("Số điện thoại hoặc tên đăng nhập")
    .fill(phone.replace(/(\d{4})(\d{3})(\d{3})/, "$1 $2 $3"));
  await page.getByLabel("Mật khẩu").fill("thi-sinh-123");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("link", { name: "Trần Thị Bích" })).toBeVisible();
  const response = await page.goto("/console");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Bạn không có quyền xem trang này" })).toBeVisible();
});

test("The organizer console sends an anonymous visitor to log in", async ({ page }) => {
  await page.goto("/console/staff");
  await expect(page).toHaveURL(/\/login\?next=%2Fconsole%2Fstaff/);
  void E2E_ADMIN_PASSWORD;
});
