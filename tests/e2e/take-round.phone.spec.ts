import { expect, test, type Page } from "@playwright/test";
import { attemptStatus, createContestantAccount, createRound } from "./fixtures";

async function logInAsContestant(page: Page, password: string): Promise<string> {
  const phone = await createContestantAccount(password);
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill(phone);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL("/");
  return phone;
}

/** The attempt page is live: hydrated and connected to the server. */
async function live(page: Page) {
  await expect(page.locator('.attempt[data-ready="true"]')).toBeVisible();
}

async function choose(page: Page, letter: string) {
  await page.getByRole("button", { name: new RegExp(`^${letter}\\. `) }).click();
}

test("A contestant takes a round on a phone, reloads, loses the connection, submits and sees the official rank", async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  const roundId = await createRound({
    title: "Đợt kiểm thử: làm bài trên điện thoại",
    durationSeconds: 600,
    closesInMinutes: 60,
  });
  await logInAsContestant(page, "lam-bai-123");
  await page.goto(`/rounds/${roundId}`);
  await page.getByRole("button", { name: "Bắt đầu làm bài" }).click();
  await expect(page).toHaveURL(/\/attempts\/\d+$/);
  const attemptUrl = page.url();
  await live(page);
  await expect(page.getByText("Câu 1/5")).toBeVisible();
  await expect(page.getByTestId("countdown")).toHaveText(/^(10:00|09:5\d)$/);

  await choose(page, "A");
  await expect(page.getByTestId("save-state")).toHaveText("✓ Đã lưu");
  await page.getByRole("button", { name: "Câu sau →" }).click();
  await choose(page, "B");
  await expect(page.getByTestId("save-state")).toHaveText("✓ Đã lưu");
  await page.getByRole("button", { name: /Đánh dấu xem lại/ }).click();
  await page.screenshot({ path: "test-results/screens/attempt-phone.png", fullPage: true });

  // Reload in the middle: back on the question the contestant was on, with the saved choices and the mark.
  await expect(page).toHaveURL(/\/attempts\/\d+\?q=2$/);
  await page.reload();
  await live(page);
  await expect(page.getByText("Câu 2/5")).toBeVisible();
  await expect(page.getByRole("button", { name: /^B\. / })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: /Đã đánh dấu xem lại/ })).toBeVisible();
  await expect(page.getByText("Đã trả lời 2/5")).toBeVisible();
  await page.getByRole("button", { name: /^Câu 1\/5/ }).click();
  await expect(page.getByRole("button", { name: /^A\. / })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: /^Câu 2\/5/ }).click();

  // Lose the connection: the choice is kept and sent when the connection comes back.
  await context.setOffline(true);
  await expect(page.getByText("Mất kết nối.")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Câu sau →" }).click();
  await choose(page, "A");
  await expect(page.getByTestId("save-state")).toHaveText("Chờ gửi");
  await page.screenshot({ path: "test-results/screens/attempt-offline.png", fullPage: true });
  await context.setOffline(false);
  await expect(page.getByTestId("save-state")).toHaveText("✓ Đã lưu", { timeout: 30_000 });

  await page.getByLabel(/Câu hỏi dự đoán/).fill("3");
  await page.getByRole("button", { name: "Nộp bài" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Bạn còn 2 câu chưa trả lời.");
  await dialog.getByRole("button", { name: "Nộp bài" }).click();
  await expect(page.getByRole("heading", { name: "Kết quả bài làm" })).toBeVisible();
  await expect(page.getByTestId("live-rank")).toContainText("Thứ hạng tạm thời");
  await expect(page.getByText("Đáp án và giải thích sẽ hiện sau khi đợt thi đóng.")).toBeVisible();

  // The organizer closes the round and computes the official ranking.
  const organizer = await browser.newContext();
  const console = await organizer.newPage();
  await console.goto("/login");
  await console.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("admin");
  await console.getByLabel("Mật khẩu").fill((await import("./env")).E2E_ADMIN_PASSWORD);
  await console.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(console).toHaveURL(/\/console$/);
  await console.goto(`/console/rounds/${roundId}`);
  await console.getByLabel("Tôi xác nhận đóng đợt thi ngay bây giờ").check();
  await console.getByRole("button", { name: "Đóng đợt thi và tính xếp hạng chính thức" }).click();
  await expect(console.getByRole("status")).toBeVisible();
  await organizer.close();

  await page.goto(attemptUrl);
  await expect(page.getByTestId("official-rank")).toContainText("Thứ hạng chính thức: 1");
  await expect(page.getByRole("heading", { name: "Xem lại bài làm" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/attempt-result-phone.png", fullPage: true });
});

test("When the deadline passes with the page closed, the attempt is submitted with what was saved", async ({
  page,
}) => {
  const roundId = await createRound({
    title: "Đợt kiểm thử: hết giờ",
    durationSeconds: 8,
    closesInMinutes: 60,
  });
  await logInAsContestant(page, "het-gio-123");
  await page.goto(`/rounds/${roundId}`);
  await page.getByRole("button", { name: "Bắt đầu làm bài" }).click();
  await expect(page).toHaveURL(/\/attempts\/\d+$/);
  const attemptId = Number(page.url().split("/").at(-1));
  await live(page);
  await choose(page, "A");
  await expect(page.getByTestId("save-state")).toHaveText("✓ Đã lưu");
  await page.goto("about:blank");

  // Deadline 8 s + grace 5 s + a sweep every 2 s.
  await expect
    .poll(async () => (await attemptStatus(attemptId)).status, { timeout: 30_000, intervals: [1_000] })
    .toBe("submitted");
  expect((await attemptStatus(attemptId)).submit_reason).toBe("deadline");
  await page.goto(`/attempts/${attemptId}`);
  await expect(page.getByText("Bài được nộp tự động khi hết giờ.")).toBeVisible();
});
