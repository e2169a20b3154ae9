import { expect, test } from "@playwright/test";
import { createBoardContestant, createBoardRound, takeRound } from "./board-fixtures";

test.use({ viewport: { width: 1920, height: 1080 } });

test("The audience screen shows new submissions and moving ranks without reloading", async ({ page }) => {
  const roundId = await createBoardRound("Đợt trình chiếu: thi trực tiếp tại hội trường");
  const first = await createBoardContestant("Nguyễn Thị Thu Hà");
  await takeRound(first, roundId, 12);

  await page.goto(`/screen/${roundId}`);
  await expect(
    page.getByRole("heading", { name: "Đợt trình chiếu: thi trực tiếp tại hội trường" }),
  ).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Trực tiếp" })).toBeVisible();
  await expect(page.getByTestId("submitted")).toHaveText("1");
  await expect(page.getByRole("row", { name: /Nguyễn Thị Thu H\./ })).toContainText("12");
  // The page stays the same document from here on: a reload would lose this marker.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  const second = await createBoardContestant("Lê Văn Bảo");
  await takeRound(second, roundId, 17);
  await expect(page.getByTestId("submitted")).toHaveText("2");
  const rows = page.locator(".board-table tbody tr");
  await expect(rows.nth(0)).toContainText("Lê Văn B.");
  await expect(rows.nth(1)).toContainText("Nguyễn Thị Thu H.");
  for (const [name, correct] of [
    ["Trần Quốc Toản", 15],
    ["Phạm Thị Ngọc Lan", 19],
    ["Võ Minh Khôi", 9],
  ] as const) {
    await takeRound(await createBoardContestant(name), roundId, correct);
  }
  await expect(page.getByTestId("submitted")).toHaveText("5");
  await expect(rows.nth(0)).toContainText("Phạm Thị Ngọc L.");
  await expect(rows).toHaveCount(5);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  // Only masked names reach the screen.
  await expect(page.getByText("Phạm Thị Ngọc Lan")).toHaveCount(0);
  await expect(page.getByText("Quét mã để dự thi")).toBeVisible();
  await expect(page.locator(".qr svg")).toBeVisible();
  await page.waitForTimeout(800); // let the rows finish sliding
  await page.screenshot({ path: "test-results/screens/audience-screen-1080p.png" });
});

test("The audience screen recovers after its connection is cut, with the right numbers", async ({
  page,
  context,
}) => {
  const roundId = await createBoardRound("Đợt kiểm tra mất kết nối");
  await takeRound(await createBoardContestant("Đỗ Thị Mai Anh"), roundId, 10);
  await page.goto(`/screen/${roundId}`);
  await expect(page.getByRole("status").filter({ hasText: "Trực tiếp" })).toBeVisible();
  await expect(page.getByTestId("submitted")).toHaveText("1");
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  await context.setOffline(true);
  await expect(page.getByText("Mất kết nối — đang kết nối lại…")).toBeVisible({ timeout: 60_000 });
  // While the screen is cut off, two more contestants submit.
  await takeRound(await createBoardContestant("Huỳnh Văn Nam"), roundId, 14);
  await takeRound(await createBoardContestant("Lý Thị Kiều"), roundId, 16);
  await page.screenshot({ path: "test-results/screens/audience-screen-offline.png" });

  await context.setOffline(false);
  await expect(page.getByRole("status").filter({ hasText: "Trực tiếp" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("submitted")).toHaveText("3");
  const rows = page.locator(".board-table tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("Lý Thị K.");
  await expect(rows.nth(1)).toContainText("Huỳnh Văn N.");
  await expect(rows.nth(2)).toContainText("Đỗ Thị Mai A.");
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test("The audience screen address opens the round that is open now", async ({ page }) => {
  await page.goto("/screen");
  await expect(page).toHaveURL(/\/screen\/\d+$/);
  await expect(page.getByText("Còn lại")).toBeVisible();
});
