import { expect, test } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "./env";

test("An organizer logs in and reaches the console", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByRole("heading", { name: "Bảng điều khiển ban tổ chức" })).toBeVisible();

  // An admin creates a judge account; the judge must change the temporary password first.
  await page.getByRole("link", { name: "Tài khoản ban tổ chức" }).click();
  await page.getByLabel("Tên đăng nhập").fill("thuky.e2e");
  await page.getByLabel("Họ và tên").fill("Lê Văn Thư");
  await page.getByLabel("Vai trò").selectOption("judge");
  await page.getByRole("button", { name: "Tạo tài khoản" }).click();
  const message = await page.getByRole("status").textContent();
  const temporary = /Mật khẩu tạm thời: (\S+)/.exec(message ?? "")?.[1];
  expect(temporary).toBeTruthy();
  await expect(page.getByRole("cell", { name: "thuky.e2e" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/console-staff.png", fullPage: true });

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  // Logged out once the header offers the login again (going on earlier races the logout request).
  await expect(page.getByRole("banner").getByRole("link", { name: "Đăng nhập", exact: true })).toBeVisible();
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("thuky.e2e");
  await page.getByLabel("Mật khẩu").fill(temporary!);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/account\?must-change=1/);
  await page.getByLabel("Mật khẩu hiện tại").fill(temporary!);
  await page.getByLabel("Mật khẩu mới", { exact: true }).fill("giam-khao-moi-1");
  await page.getByLabel("Nhập lại mật khẩu mới").fill("giam-khao-moi-1");
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã đổi mật khẩu.");
  await page.goto("/console");
  await expect(page.getByText("chỉ xem, không thay đổi được dữ liệu")).toBeVisible();
});
