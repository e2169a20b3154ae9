/**
 * Steps the live final's browser stories share (tests/e2e/live-final*.spec.ts): the host's login and
 * the console's new-final form, a contestant's phone, answering and closing a question, and the big
 * screen photographed at both hall sizes.
 */
import { expect as baseExpect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { e2eDatabase } from "./fixtures";

/** Generous: the machine may be loaded and every step waits on what the server shows. */
export const expect = baseExpect.configure({ timeout: 30_000 });
export const LETTER = ["A", "B", "C", "D", "E", "F"];
export const SCREEN_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

export async function logIn(page: Page, login: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill(login);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/**
 * The organizer creates a final on /console/finals and opens its console; returns the round id.
 * `questions` is a count drawn from the bank, or the picker's keys in the order to play them.
 */
export async function createFinal(
  host: Page,
  input: { title: string; questions: number | string[]; seconds: number; prediction?: boolean },
): Promise<number> {
  await host.goto("/console/finals");
  await host.getByLabel("Tên trận").fill(input.title);
  if (typeof input.questions === "number") {
    await host.getByLabel(/^Số câu/).fill(String(input.questions));
  } else {
    await host.getByLabel("Chọn câu theo thứ tự").check();
    await host.locator("summary", { hasText: "Chọn câu theo thứ tự" }).click();
    for (const [i, key] of input.questions.entries())
      await host.getByLabel(`Thứ tự câu ${key}`, { exact: true }).fill(String(i + 1));
  }
  await host.getByLabel("Số giây mỗi câu").fill(String(input.seconds));
  if (input.prediction) await host.getByLabel(/Có câu hỏi dự đoán/).check();
  await host.getByRole("button", { name: "Tạo trận chung kết" }).click();
  await expect(host.getByRole("status")).toContainText("Mã tham gia");
  await host
    .getByRole("row", { name: new RegExp(input.title) })
    .getByRole("link", { name: "Điều khiển" })
    .click();
  await expect(host.getByTestId("live-phase")).toHaveText("Phòng chờ");
  return Number(new URL(host.url()).pathname.split("/").at(-1));
}

/** A contestant's 360-px touch phone, signed in with the session cookie. */
export async function phone(
  browser: Browser,
  cookie: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 780 },
    locale: "vi-VN",
    hasTouch: true,
    isMobile: true,
  });
  const at = cookie.indexOf("=");
  await context.addCookies([
    { name: cookie.slice(0, at), value: cookie.slice(at + 1), domain: "127.0.0.1", path: "/" },
  ]);
  return { context, page: await context.newPage() };
}

/** The answer key of the question at `position`: set-up knowledge, read from the database. */
export async function keyOf(roundId: number, position: number, databaseFile?: string): Promise<number> {
  const db = e2eDatabase(databaseFile);
  try {
    const row = await db
      .selectFrom("live_questions")
      .innerJoin("question_versions", "question_versions.id", "live_questions.question_version_id")
      .select("question_versions.correct")
      .where("live_questions.round_id", "=", roundId)
      .where("live_questions.position", "=", position)
      .executeTakeFirstOrThrow();
    return (JSON.parse(row.correct) as number[])[0];
  } finally {
    await db.destroy();
  }
}

export const option = (page: Page, index: number) =>
  page.getByRole("button", { name: new RegExp(`^${LETTER[index]}\\. `) });

/** Taps an option and waits for the server's acknowledgement on the phone. */
export async function answer(page: Page, index: number) {
  await expect(option(page, index)).toBeEnabled();
  await option(page, index).click();
  await expect(page.getByText("Đã ghi nhận")).toBeVisible();
  await expect(option(page, index)).toHaveAttribute("aria-pressed", "true");
}

/** The host stops the answers (unless the clock already did) and the console offers the reveal. */
export async function closeQuestion(host: Page) {
  const close = host.getByRole("button", { name: "Dừng nhận trả lời" });
  const reveal = host.getByRole("button", { name: "Công bố đáp án" });
  await expect(close.or(reveal).first()).toBeVisible();
  if (await close.isVisible()) await close.click({ timeout: 5_000 }).catch(() => undefined);
  await expect(reveal).toBeVisible();
}

/** The big screen at both hall sizes, into the test's output; returns the files written. */
export async function shoot(screen: Page, name: string): Promise<string[]> {
  const files: string[] = [];
  for (const size of SCREEN_SIZES) {
    await screen.setViewportSize(size);
    const file = test.info().outputPath(`live-${name}-${size.width}x${size.height}.png`);
    await screen.screenshot({ path: file });
    files.push(file);
  }
  await screen.setViewportSize(SCREEN_SIZES[0]);
  return files;
}
