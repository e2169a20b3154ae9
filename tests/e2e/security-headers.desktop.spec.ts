import { expect, test, type Page } from "@playwright/test";
import { createContestantAccount, createRound } from "./fixtures";
import { E2E_ADMIN_PASSWORD } from "./env";

/**
 * Every page's own scripts, styles, sockets and pictures pass its Content-Security-Policy (issue 10):
 * a violation is recorded by the browser as a `securitypolicyviolation` event and a console message
 * "Refused to …", and either fails the test.
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const messages: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/Refused to|Content.Security.Policy/i.test(text)) messages.push(`console: ${text}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return async () => [
    ...messages,
    ...(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])),
  ];
}

async function visit(
  page: Page,
  path: string,
  violations: () => Promise<string[]>,
  ready?: () => Promise<void>,
) {
  const response = await page.goto(path);
  expect(response?.headers()["content-security-policy"], path).toMatch(/script-src[^;]*'nonce-/);
  await page.waitForLoadState("networkidle");
  await ready?.();
  expect(await violations(), path).toEqual([]);
}

test("The public pages, the login and the registration run without a single policy violation", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  await visit(page, "/", violations);
  await visit(page, "/login", violations);
  await visit(page, "/register", violations);
  await visit(page, "/leaderboard", violations);
  await visit(page, "/screen", violations);
});

test("A contestant's attempt runs without a single policy violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const roundId = await createRound({
    title: "Đợt kiểm thử: chính sách bảo mật nội dung",
    durationSeconds: 600,
    closesInMinutes: 60,
  });
  const phone = await createContestantAccount("chinh-sach-123");
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill(phone);
  await page.getByLabel("Mật khẩu").fill("chinh-sach-123");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL("/");
  await visit(page, `/rounds/${roundId}`, violations);
  await page.getByRole("button", { name: "Bắt đầu làm bài" }).click();
  await expect(page).toHaveURL(/\/attempts\/\d+$/);
  await visit(page, new URL(page.url()).pathname, violations, async () => {
    await expect(page.locator('.attempt[data-ready="true"]')).toBeVisible();
    await page.getByRole("button", { name: /^A\. / }).click();
    await expect(page.getByTestId("save-state")).toHaveText("✓ Đã lưu");
  });
  await visit(page, `/leaderboard/${roundId}`, violations);
  await visit(page, `/screen/${roundId}`, violations);
});

test("The organizers' console runs without a single policy violation", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/console$/);
  for (const path of ["/console", "/console/rounds", "/console/staff", "/console/audit"])
    await visit(page, path, violations);
});
