import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { e2eDatabase } from "./fixtures";

/** A mobile number no other test uses: 09 + eight digits from the clock and a random part. */
function freshPhone(): string {
  return `09${String((Date.now() * 7 + Math.floor(Math.random() * 1e6)) % 100_000_000).padStart(8, "0")}`;
}

async function fieldError(page: Page, label: string) {
  const input = page.getByLabel(label, { exact: true });
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const ids = (await input.getAttribute("aria-describedby")) ?? "";
  const errorId = ids.split(" ").find((id) => id.endsWith("-error"));
  expect(errorId, `${label} points to its error`).toBeTruthy();
  return page.locator(`#${errorId}`);
}

test("A contestant registers on a phone, fixing the errors shown, then logs out and in again", async ({
  page,
}) => {
  const phone = freshPhone();
  await page.goto("/register");
  await expect(page.getByRole("heading", { name: "Đăng ký dự thi" })).toBeVisible();

  // The name: a digit is refused as soon as the field is left, then fixed.
  await page.getByLabel("Họ và tên").fill("Trần Thị Bảo 3");
  await page.getByLabel("Họ và tên").blur();
  await expect(await fieldError(page, "Họ và tên")).toContainText("chỉ gồm chữ cái");
  await page.getByLabel("Họ và tên").fill("  trần   Thị Bảo Ngọc ");
  await expect(page.getByLabel("Họ và tên")).not.toHaveAttribute("aria-invalid", "true");

  // Too young for the contest (10 years and up).
  await page.getByLabel("Ngày sinh").fill("2020-01-01");
  await page.getByLabel("Ngày sinh").blur();
  await expect(await fieldError(page, "Ngày sinh")).toContainText("phải đủ 10 tuổi");
  await page.getByLabel("Ngày sinh").fill("1996-08-25");
  await expect(page.getByLabel("Ngày sinh")).not.toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Nữ", { exact: true }).check();

  // A landline, then the mobile typed in international form with spaces: checked while typing.
  const phoneField = page.getByLabel("Số điện thoại di động");
  await phoneField.fill("0255 3867 123");
  await phoneField.blur();
  await expect(await fieldError(page, "Số điện thoại di động")).toContainText("Số máy bàn");
  await phoneField.fill(`+84 ${phone.slice(1, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`);
  await expect(phoneField).not.toHaveAttribute("aria-invalid", "true");

  // A CCCD whose first digits are no province code.
  const cccdField = page.getByLabel("Số căn cước công dân (CCCD) (không bắt buộc)");
  await cccdField.fill("123456789012");
  await cccdField.blur();
  await expect(await fieldError(page, "Số căn cước công dân (CCCD) (không bắt buộc)")).toContainText(
    "không phải mã tỉnh",
  );
  const cccd = `051196${phone.slice(4)}`; // Quảng Ngãi, a woman born in 1996
  await cccdField.fill(`${cccd.slice(0, 3)} ${cccd.slice(3, 6)} ${cccd.slice(6)}`);
  await expect(cccdField).not.toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Đơn vị").selectOption({ label: "An Hải" });
  await page.getByLabel("Đối tượng").selectOption({ label: "Đoàn viên, thanh niên" });
  await page.getByLabel("Mật khẩu", { exact: true }).fill("123");
  await page.getByLabel("Mật khẩu", { exact: true }).blur();
  await expect(await fieldError(page, "Mật khẩu")).toContainText("ít nhất 8 ký tự");
  await page.getByLabel("Mật khẩu", { exact: true }).fill("bao-ngoc-ly-son");

  // Sending without consent: nothing leaves the phone, the box says why, and everything typed stays.
  await page.getByRole("button", { name: "Đăng ký" }).click();
  await expect(page.getByRole("alert")).toContainText("Vui lòng sửa 1 mục");
  await expect(page.getByText("Bạn cần đánh dấu đồng ý")).toBeVisible();
  await expect(page.getByLabel("Họ và tên")).toHaveValue("  trần   Thị Bảo Ngọc ");
  await page.screenshot({ path: "test-results/screens/register-errors-phone.png", fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await page.getByRole("checkbox", { name: /Tôi đồng ý/ }).check();
  await page.getByRole("button", { name: "Đăng ký" }).click();
  await expect(page).toHaveURL(/\/me\?welcome=1/);
  await expect(page.getByRole("status")).toContainText("Đăng ký thành công");
  // Stored normalised: NFC, single spaces, national phone form.
  await expect(page.getByLabel("Họ và tên")).toHaveValue("trần Thị Bảo Ngọc");
  await expect(page.getByLabel("Số điện thoại di động")).toHaveValue(phone);
  await page.screenshot({ path: "test-results/screens/me-phone.png", fullPage: true });

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  // Logged out once the header offers the login again (going on earlier races the logout request).
  await expect(page.getByRole("banner").getByRole("link", { name: "Đăng nhập", exact: true })).toBeVisible();
  await page.goto("/login");
  await page
    .getByLabel("Số điện thoại hoặc tên đăng nhập")
    .fill(phone.replace(/(\d{4})(\d{3})(\d{3})/, "$1 $2 $3"));
  await page.getByLabel("Mật khẩu").fill("bao-ngoc-ly-son");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("link", { name: "trần Thị Bảo Ngọc" })).toBeVisible();

  // A second sign-up with the same phone is told so and offered the login.
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  // Logged out once the header offers the login again (going on earlier races the logout request).
  await expect(page.getByRole("banner").getByRole("link", { name: "Đăng nhập", exact: true })).toBeVisible();
  await page.goto("/register");
  await page.getByLabel("Họ và tên").fill("Trần Thị Bảo Ngọc");
  await page.getByLabel("Ngày sinh").fill("1996-08-25");
  await page.getByLabel("Nữ", { exact: true }).check();
  await page.getByLabel("Số điện thoại di động").fill(phone);
  await page.getByLabel("Đơn vị").selectOption({ label: "An Hải" });
  await page.getByLabel("Đối tượng").selectOption({ label: "Đoàn viên, thanh niên" });
  await page.getByLabel("Mật khẩu", { exact: true }).fill("mat-khau-khac");
  await page.getByRole("checkbox", { name: /Tôi đồng ý/ }).check();
  await page.getByRole("button", { name: "Đăng ký" }).click();
  await expect(page.getByRole("alert")).toContainText("Số điện thoại này đã được đăng ký");
  await expect(page.getByRole("alert").getByRole("link", { name: "Đăng nhập" })).toBeVisible();
  await expect(page.getByLabel("Số điện thoại di động")).toHaveAttribute("aria-invalid", "true");
});

async function registrationForm(request: APIRequestContext) {
  const html = await (await request.get("/register")).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  expect(csrf).toBeTruthy();
  const db = e2eDatabase();
  try {
    const unit = await db
      .selectFrom("units")
      .select("id")
      .where("name", "=", "An Hải")
      .executeTakeFirstOrThrow();
    const category = await db.selectFrom("categories").select("id").orderBy("id").executeTakeFirstOrThrow();
    return { csrf: csrf!, unitId: String(unit.id), categoryId: String(category.id) };
  } finally {
    await db.destroy();
  }
}

async function contestantsWithPhone(phone: string): Promise<number> {
  const db = e2eDatabase();
  try {
    return (await db.selectFrom("contestants").select("id").where("phone", "=", phone).execute()).length;
  } finally {
    await db.destroy();
  }
}

test("Two tabs sending the same sign-up at once create one account", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  const { csrf, unitId, categoryId } = await registrationForm(request);
  const phone = freshPhone();
  const form = {
    csrf,
    fullName: "Võ Minh Khang",
    birthDate: "2001-03-15",
    gender: "male",
    phone,
    cccd: "",
    unitId,
    categoryId,
    password: "khang-ly-son-1",
    consent: "on",
  };
  const responses = await Promise.all([
    request.post("/register", { form }),
    request.post("/register", { form: { ...form, phone: `+84 ${phone.slice(1)}` } }),
  ]);
  const statuses = responses.map((r) => r.status()).sort();
  expect(statuses).toEqual([302, 409]);
  expect(await contestantsWithPhone(phone)).toBe(1);
});

test("Forged and hostile form fields are refused and create nothing", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  const { csrf, unitId, categoryId } = await registrationForm(request);
  const phone = freshPhone();
  const good = {
    csrf,
    fullName: "Huỳnh Thị Lan",
    birthDate: "1990-10-10",
    gender: "female",
    phone,
    cccd: "",
    unitId,
    categoryId,
    password: "lan-ly-son-123",
    consent: "on",
  };
  const cases: [Record<string, string>, string][] = [
    [{ fullName: "<script>alert(1)</script>" }, "chỉ gồm chữ cái"],
    [{ fullName: "Huỳnh\u0007 Thị Lan" }, "chỉ gồm chữ cái"],
    [{ fullName: "Huỳnh Thị Lan ".repeat(20) }, "không được dài quá 100"],
    [{ unitId: "999999" }, "chọn đơn vị"],
    [{ categoryId: "1 OR 1=1" }, "chọn đối tượng"],
    [{ gender: "admin" }, "chọn giới tính"],
    [{ consent: "" }, "đồng ý xử lý dữ liệu"],
  ];
  for (const [change, message] of cases) {
    const response = await request.post("/register", { form: { ...good, ...change } });
    expect(response.status(), JSON.stringify(change)).toBe(400);
    expect(await response.text()).toContain(message);
  }
  const forged = await request.post("/register", { form: { ...good, csrf: "forged" } });
  expect(forged.status()).toBe(403);
  expect(await contestantsWithPhone(phone)).toBe(0);
});
