import { expect, test } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "./env";
import { createBoardContestant, createBoardRound, takeRound } from "./board-fixtures";

test("An organizer watches live numbers and sees the audience screen connect", async ({ page, browser }) => {
  const roundId = await createBoardRound("Đợt theo dõi của ban tổ chức");
  await page.goto("/login?next=/console/live");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("heading", { name: "Theo dõi trực tiếp" })).toBeVisible();
  await expect(page.getByTestId(`screens-${roundId}`)).toHaveText("0");

  const projector = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await projector.goto(`/screen/${roundId}`);
  await expect(page.getByTestId(`screens-${roundId}`)).toHaveText("1");

  await takeRound(await createBoardContestant("Mai Thị Hồng Nhung"), roundId, 10);
  await expect(page.getByTestId(`submitted-${roundId}`)).toHaveText("1");
  await projector.close();
  await expect(page.getByTestId(`screens-${roundId}`)).toHaveText("0");
});
