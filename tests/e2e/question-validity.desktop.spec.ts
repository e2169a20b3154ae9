import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "./env";

const SCREENS = "test-results/screens";

async function logInAsAdmin(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/console$/);
}

function bundledText(file: string, index: number): string {
  const bank = JSON.parse(fs.readFileSync(`question-bank/${file}`, "utf8")) as {
    questions: { text: string }[];
  };
  return bank.questions[index]!.text;
}

/** The approved questions the round settings count as valid on the contest's reference date. */
async function validTotal(page: Page): Promise<number> {
  await page.goto("/console/rounds/new");
  const bank = page.locator("details", { hasText: "Câu hỏi đã duyệt trong ngân hàng" });
  await expect(bank.getByTestId("bank-reference-date")).toContainText("01/06/2023");
  return Number(await bank.locator("tr").last().locator("th").last().innerText());
}

async function editQuestion(page: Page, text: string, fields: Record<string, string>) {
  await page.goto("/console/questions");
  await page.getByLabel("Tìm trong nội dung câu hỏi").fill(text.slice(0, 60));
  await page.getByLabel("Tìm trong nội dung câu hỏi").press("Enter");
  await page.getByRole("link", { name: text, exact: true }).click();
  for (const [label, value] of Object.entries(fields))
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "Lưu câu hỏi" }).click();
  await expect(page.getByText(/Đã lưu|phiên bản/).first()).toBeVisible();
}

test("An organizer dates two questions: one leaves the 2023 demo's draw, the other is listed as expiring that year", async ({
  page,
}) => {
  // Many page loads on a shared machine: more than the default minute.
  test.setTimeout(180_000);
  await logInAsAdmin(page);
  const before = await validTotal(page);

  // Only true from July 2024: not a June 2023 question.
  const later = bundledText("kinh-te-so.json", 3);
  await editQuestion(page, later, {
    "Đúng từ ngày": "2024-07-01",
    "Văn bản làm căn cứ (số hiệu, cách nhau bằng dấu phẩy)": "69/2024/NĐ-CP",
  });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `${SCREENS}/question-validity-editor-1366.png`, fullPage: true });
  expect(await validTotal(page)).toBe(before - 1);
  await page.screenshot({ path: `${SCREENS}/question-validity-round-1366.png`, fullPage: true });

  // True in June 2023 but no longer from September: still drawn, and listed as expiring in 2023.
  const expiring = bundledText("xa-hoi-so.json", 2);
  await editQuestion(page, expiring, { "Hết đúng từ ngày": "2023-09-01" });
  expect(await validTotal(page)).toBe(before - 1);
  await page.goto("/console/questions");
  const list = page.getByTestId("expiring");
  await expect(list.getByRole("heading", { name: "Câu hỏi hết đúng trong năm 2023" })).toBeVisible();
  await expect(list.getByRole("row")).toHaveCount(2);
  await expect(list.getByRole("row").nth(1)).toContainText("01/09/2023");
  await expect(list.getByRole("row").nth(1)).toContainText(expiring.slice(0, 40));
  await page.screenshot({ path: `${SCREENS}/question-validity-expiring-1366.png`, fullPage: true });

  // A period that ends before it starts is refused in Vietnamese and nothing changes.
  await list.getByRole("link").first().click();
  await page.getByLabel("Đúng từ ngày", { exact: true }).fill("2024-01-01");
  await page.getByRole("button", { name: "Lưu câu hỏi" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "Ngày hết đúng (2023-09-01) phải sau ngày bắt đầu đúng (2024-01-01)",
  );
  expect(await validTotal(page)).toBe(before - 1);
});
