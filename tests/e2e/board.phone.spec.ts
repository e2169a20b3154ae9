import { expect, test } from "@playwright/test";
import { createBoardContestant, createBoardRound, takeRound } from "./board-fixtures";

test("A visitor reads a round's leaderboard on a phone without JavaScript, with masked names", async ({
  browser,
}) => {
  const roundId = await createBoardRound("Đợt đọc không cần JavaScript");
  await takeRound(await createBoardContestant("Hoàng Thị Phương Thảo"), roundId, 13);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 780 },
  });
  const page = await context.newPage();
  await page.goto(`/leaderboard/${roundId}`);
  await expect(page.getByRole("heading", { name: "Đợt đọc không cần JavaScript" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Hoàng Thị Phương T\./ })).toContainText("13");
  await expect(page.getByText("Hoàng Thị Phương Thảo")).toHaveCount(0);
  await expect(page.getByTestId("submitted")).toHaveText("1");
  await page.goto("/leaderboard");
  await expect(page.getByRole("heading", { name: "Bảng xếp hạng chung các đợt" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Tham gia theo đơn vị" })).toBeVisible();
  await context.close();
});

test("A visitor on a phone sees the leaderboard change live", async ({ page }) => {
  const roundId = await createBoardRound("Đợt xem trên điện thoại");
  await takeRound(await createBoardContestant("Phan Văn Đạt"), roundId, 11);
  await page.goto(`/leaderboard/${roundId}`);
  await expect(page.getByRole("status").filter({ hasText: "Trực tiếp" })).toBeVisible();
  await takeRound(await createBoardContestant("Châu Ngọc Hân"), roundId, 18);
  await expect(page.getByTestId("submitted")).toHaveText("2");
  const rows = page.locator(".board-table tbody tr");
  await expect(rows.nth(0)).toContainText("Châu Ngọc H.");
  await expect(rows.nth(1)).toContainText("Phan Văn Đ.");
  await page.waitForTimeout(800);
  await page.screenshot({ path: "test-results/screens/leaderboard-360.png", fullPage: true });
});
