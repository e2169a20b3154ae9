import { expect, test } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "./env";

test("An organizer reviews flagged duplicates, disqualifies one with a reason, and resets a password", async ({
  page,
}) => {
  await page.goto("/login?next=/console/contestants");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: "Thí sinh", exact: true })).toBeVisible();

  // The demo data carries possible duplicates of each kind.
  const duplicates = page.locator("#duplicates");
  await expect(duplicates.getByRole("heading", { name: "Cùng số CCCD (gõ khác nhau)" })).toBeVisible();
  await expect(
    duplicates.getByRole("heading", { name: "Cùng họ tên và ngày sinh, khác số điện thoại" }).first(),
  ).toBeVisible();
  await expect(duplicates.getByRole("link", { name: "Lê Thi Hoa" })).toBeVisible();
  await expect(duplicates.getByRole("link", { name: "Trần Kim Oanh" })).toBeVisible();
  await expect(duplicates.getByRole("link", { name: "Phạm Văn Tài" })).toHaveCount(2);
  await expect(page.getByRole("cell", { name: "An Vĩnh" }).first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/console-contestants.png", fullPage: true });

  // Search without diacritics.
  await page.getByLabel("Tìm theo tên, số điện thoại hoặc CCCD").fill("nguyen van hung");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByRole("heading", { name: "2 thí sinh" })).toBeVisible();

  // Disqualify the second record, with a reason that lands in the history.
  await page
    .locator("#list-title + .table-wrap")
    .getByRole("link", { name: "Nguyễn Văn Hùng" })
    .last()
    .click();
  await page.getByRole("button", { name: "Loại thí sinh" }).click();
  await expect(page.getByText("Vui lòng ghi lý do.")).toBeVisible();
  await page.getByLabel("Lý do").fill("Đăng ký trùng, đã xác minh qua điện thoại");
  await page.getByRole("button", { name: "Loại thí sinh" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã loại thí sinh.");
  await expect(page.getByRole("cell", { name: "Đăng ký trùng, đã xác minh qua điện thoại" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Khôi phục quyền dự thi" })).toBeVisible();

  // A forgotten password: a one-time password, to be changed at the next login.
  await page.getByRole("button", { name: "Cấp mật khẩu tạm" }).click();
  await expect(page.getByRole("status")).toContainText("chỉ hiện một lần");
  const message = (await page.getByRole("status").textContent()) ?? "";
  const temporary = /: (\S+) — chỉ hiện một lần/.exec(message)?.[1];
  expect(temporary).toBeTruthy();
  const phone = (await page.locator("dt:has-text('Số điện thoại di động') + dd").textContent())!.trim();
  await page.screenshot({ path: "test-results/screens/console-contestant.png", fullPage: true });

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  // Logged out once the header offers the login again (going on earlier races the logout request).
  await expect(page.getByRole("banner").getByRole("link", { name: "Đăng nhập", exact: true })).toBeVisible();
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill(phone);
  await page.getByLabel("Mật khẩu").fill(temporary!);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/account\?must-change=1/);
});

test("An organizer adds a village under a commune and imports a unit list", async ({ page }) => {
  await page.goto("/login?next=/console/units");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/console\/units$/);
  await expect(page.getByRole("heading", { name: "Đơn vị và đối tượng dự thi" })).toBeVisible();

  const add = page.locator("section", { has: page.getByRole("heading", { name: "Thêm đơn vị" }) });
  await add.getByLabel("Tên đơn vị").fill("Thôn Đông");
  await add.getByLabel("Thuộc đơn vị").selectOption({ label: "An Vĩnh" });
  await add.getByLabel("Loại").selectOption({ label: "Thôn, tổ dân phố" });
  await add.getByLabel("Số người dự kiến").fill("300");
  await add.getByRole("button", { name: "Thêm đơn vị" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã thêm đơn vị.");
  await expect(page.getByRole("cell", { name: "— Thôn Đông" })).toBeVisible();

  const csv =
    "Tên đơn vị;Thuộc;Loại;Số người dự kiến\r\nThôn Tây;An Vĩnh;Thôn;280\r\nTrường THCS Lý Sơn;;Trường học;1.200\r\n";
  await page
    .getByLabel(".xlsx hoặc .csv")
    .setInputFiles({ name: "don-vi.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Nhập danh sách" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã nhập: thêm 2, cập nhật 0 đơn vị.");
  await expect(page.getByRole("cell", { name: "Trường THCS Lý Sơn" })).toBeVisible();

  const bad = "Tên đơn vị;Thuộc\r\nXóm Mới;Không Có\r\n";
  await page
    .getByLabel(".xlsx hoặc .csv")
    .setInputFiles({ name: "sai.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Nhập danh sách" }).click();
  await expect(page.getByRole("alert")).toContainText("Dòng 2: Không tìm thấy đơn vị cấp trên “Không Có”");
  await page.screenshot({ path: "test-results/screens/console-units.png", fullPage: true });

  // A commune with villages is now chosen by village at registration.
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  // Logged out once the header offers the login again (going on earlier races the logout request).
  await expect(page.getByRole("banner").getByRole("link", { name: "Đăng nhập", exact: true })).toBeVisible();
  await page.goto("/register");
  await expect(page.locator("optgroup[label='An Vĩnh'] option")).toHaveText(["Thôn Đông", "Thôn Tây"]);
});
