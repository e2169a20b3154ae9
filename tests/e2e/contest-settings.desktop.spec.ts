import { expect, test } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "./env";

test("An organizer makes the citizen ID required, and registration then asks for it", async ({
  page,
  browser,
}) => {
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/console$/);
  await page.getByRole("link", { name: "Cuộc thi", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Thông tin cuộc thi" })).toBeVisible();

  // Ages out of order are refused with the reason, and nothing is saved.
  await page.getByLabel("Tuổi tối thiểu").fill("70");
  await page.getByLabel("Tuổi tối đa").fill("60");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByText("Tuổi tối đa phải lớn hơn hoặc bằng tuổi tối thiểu.")).toBeVisible();

  await expect(page.getByRole("status")).toHaveCount(0);
  await page.getByLabel("Tuổi tối thiểu").fill("10");
  await page.getByLabel("Tuổi tối đa").fill("100");
  await page.getByLabel("Số căn cước công dân (CCCD) khi đăng ký").selectOption("required");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu thông tin cuộc thi.");

  const visitor = await browser.newPage();
  await visitor.goto("/register");
  await expect(visitor.getByText("Số căn cước công dân (CCCD)", { exact: true })).toBeVisible();
  await expect(visitor.getByText("(không bắt buộc)")).toHaveCount(0);
  await visitor.close();

  // Back as it was, for the other tests sharing this contest.
  await page.getByLabel("Số căn cước công dân (CCCD) khi đăng ký").selectOption("optional");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu thông tin cuộc thi.");
  await page.goto("/console/audit?action=contest.update");
  await expect(
    page.getByTestId("audit-table").getByRole("row").filter({ hasText: "Sửa thông tin hội thi" }),
  ).toHaveCount(2);
});
