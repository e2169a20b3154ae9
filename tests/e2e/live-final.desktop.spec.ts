/**
 * The live final (issue 14), as the people in the hall live it: the host runs a three-question final
 * from the console with three phones and the big screen; one phone reloads mid-question and keeps its
 * answer; the host skips a question; the podium and the exported workbook agree.
 *
 * Written for a loaded machine: every step waits on what the server shows (generous timeouts), the
 * question time is long and the host moves on rather than waiting for the clock; no sleeps.
 */
import { expect as baseExpect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { createBoardContestant } from "./board-fixtures";
import { createStaffAccount, e2eDatabase } from "./fixtures";
import { E2E_PORT } from "./env";

const BASE = `http://127.0.0.1:${E2E_PORT}`;

const expect = baseExpect.configure({ timeout: 30_000 });
const LETTER = ["A", "B", "C", "D", "E", "F"];
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

async function logIn(page: Page, login: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill(login);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function phone(browser: Browser, cookie: string): Promise<{ context: BrowserContext; page: Page }> {
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
async function keyOf(roundId: number, position: number): Promise<number> {
  const db = e2eDatabase();
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

const option = (page: Page, index: number) =>
  page.getByRole("button", { name: new RegExp(`^${LETTER[index]}\\. `) });

/** Taps an option and waits for the server's acknowledgement on the phone. */
async function answer(page: Page, index: number) {
  await expect(option(page, index)).toBeEnabled();
  await option(page, index).click();
  await expect(page.getByText("Đã ghi nhận")).toBeVisible();
  await expect(option(page, index)).toHaveAttribute("aria-pressed", "true");
}

/** The host stops the answers (unless the clock already did) and the console offers the reveal. */
async function closeQuestion(host: Page) {
  const close = host.getByRole("button", { name: "Dừng nhận trả lời" });
  const reveal = host.getByRole("button", { name: "Công bố đáp án" });
  await expect(close.or(reveal).first()).toBeVisible();
  if (await close.isVisible()) await close.click({ timeout: 5_000 }).catch(() => undefined);
  await expect(reveal).toBeVisible();
}

/** The big screen at both hall sizes, into the test's output. */
async function shoot(screen: Page, name: string) {
  for (const size of SIZES) {
    await screen.setViewportSize(size);
    await screen.screenshot({
      path: test.info().outputPath(`live-${name}-${size.width}x${size.height}.png`),
    });
  }
  await screen.setViewportSize(SIZES[0]);
}

test("A host runs a three-question final with three phones and a screen; one phone reloads mid-question and keeps its answer; the host skips a question; the podium and the exported workbook agree", async ({
  page: host,
  browser,
}) => {
  test.setTimeout(240_000);
  const password = "mat-khau-chung-ket-2023";
  const organizer = await createStaffAccount("organizer", password);
  const players = await Promise.all(
    ["Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Thị Mai"].map((n) => createBoardContestant(n)),
  );
  const title = `Chung kết Lý Sơn ${Date.now().toString(36)}`;

  // The organizer creates the final: three questions drawn from the bank, 30 seconds each.
  await logIn(host, organizer, password);
  await host.goto("/console/finals");
  await host.getByLabel("Tên trận").fill(title);
  await host.getByLabel(/^Số câu/).fill("3");
  await host.getByLabel("Số giây mỗi câu").fill("30");
  await host.getByRole("button", { name: "Tạo trận chung kết" }).click();
  await expect(host.getByRole("status")).toContainText("Mã tham gia");
  await host
    .getByRole("row", { name: new RegExp(title) })
    .getByRole("link", { name: "Điều khiển" })
    .click();
  await expect(host.getByTestId("live-phase")).toHaveText("Phòng chờ");
  const roundId = Number(new URL(host.url()).pathname.split("/").at(-1));

  const screenContext = await browser.newContext({ viewport: SIZES[0], locale: "vi-VN" });
  const screen = await screenContext.newPage();
  await screen.goto(`${BASE}/screen/live/${roundId}`);
  await expect(screen.getByTestId("join-code")).toHaveText(/^[2-9A-Z]{6}$/);

  const phones = await Promise.all(players.map((p) => phone(browser, p.cookie)));
  for (const p of phones) {
    await p.page.goto(`${BASE}/live/${roundId}`);
    await expect(p.page.getByText("Chờ ban tổ chức bắt đầu…")).toBeVisible();
  }
  await expect(screen.getByText("3 thí sinh đã vào")).toBeVisible();
  await expect(host.getByText(/3 thí sinh đã vào/)).toBeVisible();
  // The screen counts who joined per unit as they arrive.
  await expect
    .poll(async () =>
      (await screen.locator(".live-units li").allTextContents())
        .map((line) => Number(line.split(": ").at(-1)))
        .reduce((a, b) => a + b, 0),
    )
    .toBe(3);
  await shoot(screen, "lobby");

  // Question 1: phones 0 and 1 right, phone 2 wrong; phone 1 reloads after answering and keeps it.
  await host.getByRole("button", { name: "Bắt đầu câu 1" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Đang trả lời");
  const key0 = await keyOf(roundId, 0);
  const wrong0 = (key0 + 1) % 2;
  await answer(phones[0].page, key0);
  await answer(phones[1].page, key0);
  await phones[1].page.reload();
  await expect(phones[1].page.getByText("Đã ghi nhận")).toBeVisible();
  await expect(option(phones[1].page, key0)).toHaveAttribute("aria-pressed", "true");
  await expect(option(phones[1].page, key0)).toBeDisabled();
  await answer(phones[2].page, wrong0);
  await expect(screen.getByText("3/3 đã trả lời")).toBeVisible();
  await expect(screen.getByRole("timer")).toHaveText(/^\d+$/);
  await phones[0].page.screenshot({ path: test.info().outputPath("live-phone-question-360.png") });
  await shoot(screen, "question");

  await closeQuestion(host);
  await host.getByRole("button", { name: "Công bố đáp án" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Đáp án");
  await expect(phones[0].page.getByText("Đúng", { exact: true })).toBeVisible();
  await expect(phones[1].page.getByText("Đúng", { exact: true })).toBeVisible();
  await expect(phones[2].page.getByText("Sai", { exact: true })).toBeVisible();
  await expect(screen.locator(".live-bar-key")).toHaveCount(1);
  await expect(screen.locator(".live-bar-key .live-bar-value")).toHaveText("2 (67%)");
  await phones[2].page.screenshot({ path: test.info().outputPath("live-phone-result-360.png") });
  await shoot(screen, "reveal");

  await host.getByRole("button", { name: "Xem bảng xếp hạng" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Bảng xếp hạng");
  await expect(screen.locator(".live-board-row")).toHaveCount(3);
  await shoot(screen, "board");

  // Question 2 is skipped after phone 2 answered it right: it counts for nobody.
  await host.getByRole("button", { name: "Câu tiếp theo" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Đang trả lời");
  const key1 = await keyOf(roundId, 1);
  await answer(phones[2].page, key1);
  await host.getByRole("button", { name: "Bỏ câu này" }).click();
  await expect(host.getByRole("alertdialog")).toContainText("không thể hoàn tác");
  await host.getByRole("button", { name: "Xác nhận" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Bảng xếp hạng");
  await expect(phones[2].page.getByText("Câu này bị bỏ, không tính điểm")).toBeVisible();

  // Question 3: only phone 2 answers, right.
  await host.getByRole("button", { name: "Câu tiếp theo" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Đang trả lời");
  const key2 = await keyOf(roundId, 2);
  await answer(phones[2].page, key2);
  await closeQuestion(host);
  await host.getByRole("button", { name: "Công bố đáp án" }).click();
  await expect(phones[2].page.getByText("Đúng", { exact: true })).toBeVisible();
  await expect(phones[0].page.getByText("Không trả lời", { exact: true })).toBeVisible();
  await host.getByRole("button", { name: "Kết thúc, trao giải" }).click();
  await expect(host.getByRole("alertdialog")).toContainText("Không thể hoàn tác");
  await host.getByRole("button", { name: "Xác nhận" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Kết quả chung cuộc");
  await expect(screen.getByText("Chúc mừng các thí sinh đoạt giải")).toBeVisible();
  await expect(screen.locator(".live-board-row")).toHaveCount(3);
  await shoot(screen, "podium");

  // Everyone has one right answer that counts (10 points); the answering time orders them.
  const podium = await screen
    .locator(".live-board-row")
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.querySelector(".live-board-rank")?.textContent ?? "",
        r.querySelector(".live-board-score")?.textContent ?? "",
      ]),
    );
  expect(podium.map(([rank]) => rank)).toEqual(["1", "2", "3"]);
  expect(podium.map(([, score]) => score)).toEqual(["10", "10", "10"]);
  const podiumNames = await screen
    .locator(".live-board-row .live-board-name")
    .evaluateAll((names) => names.map((n) => n.firstChild?.textContent ?? ""));

  // The workbook the organizer downloads has the same ranks, scores and people.
  const download = await host.request.get(`/console/results/export?round=${roundId}&format=xlsx`);
  expect(download.ok()).toBe(true);
  const workbook = new ExcelJS.Workbook();
  const body = await download.body();
  await workbook.xlsx.load(
    body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  let headerRow = 0;
  sheet.eachRow((row, n) => {
    if (!headerRow && (row.values as unknown[]).some((v) => v === "Hạng")) headerRow = n;
  });
  expect(headerRow).toBeGreaterThan(0);
  const header = (sheet.getRow(headerRow).values as unknown[]).map((v) => String(v ?? ""));
  const rankCol = header.indexOf("Hạng");
  const scoreCol = header.indexOf("Điểm");
  const nameCol = header.indexOf("Họ và tên");
  const rows: { rank: string; score: string; name: string }[] = [];
  sheet.eachRow((row, n) => {
    if (n <= headerRow) return;
    const v = row.values as unknown[];
    if (v[rankCol] != null)
      rows.push({ rank: String(v[rankCol]), score: String(v[scoreCol]), name: String(v[nameCol]) });
  });
  expect(rows.map((r) => [r.rank, r.score])).toEqual(podium);
  // The screen masks the given name ("Nguyễn Thị L."); the workbook has the full name, same order.
  expect(podiumNames.map((n) => n.split(" ")[0])).toEqual(rows.map((r) => r.name.split(" ")[0]));

  for (const p of phones) await p.context.close();
  await screenContext.close();
});

test("An invited contestant joins with a seat code and no account, gives the prediction, and plays the questions picked in order", async ({
  page: host,
  browser,
}) => {
  test.setTimeout(180_000);
  const password = "mat-khau-chung-ket-2023";
  const organizer = await createStaffAccount("organizer", password);
  const invited = await createBoardContestant("Phạm Quốc Bảo");
  const title = `Chung kết đội mời ${Date.now().toString(36)}`;
  // Two playable questions of the bank: set-up knowledge, read from the database.
  const db = e2eDatabase();
  const playable = await db
    .selectFrom("questions")
    .innerJoin("question_versions", "question_versions.id", "questions.current_version_id")
    .select(["questions.id", "questions.key", "question_versions.text", "question_versions.correct"])
    .where("questions.status", "=", "approved")
    .orderBy("questions.id")
    .execute()
    .finally(() => db.destroy());
  const [a, b] = playable.filter((q) => (JSON.parse(q.correct) as unknown[]).length === 1);

  await logIn(host, organizer, password);
  await host.goto("/console/finals");
  await host.getByLabel("Tên trận").fill(title);
  await host.getByLabel("Chọn câu theo thứ tự").check();
  await host.locator("summary", { hasText: "Chọn câu theo thứ tự" }).click();
  // b first, then a.
  await host.getByLabel(`Thứ tự câu ${a.key ?? `#${a.id}`}`, { exact: true }).fill("2");
  await host.getByLabel(`Thứ tự câu ${b.key ?? `#${b.id}`}`, { exact: true }).fill("1");
  await host.getByLabel("Số giây mỗi câu").fill("30");
  await host.getByLabel(/Có câu hỏi dự đoán/).check();
  await host.getByRole("button", { name: "Tạo trận chung kết" }).click();
  await expect(host.getByRole("status")).toContainText("Mã tham gia");
  await host
    .getByRole("row", { name: new RegExp(title) })
    .getByRole("link", { name: "Điều khiển" })
    .click();
  await expect(host.getByTestId("live-phase")).toHaveText("Phòng chờ");

  // The host hands out seat codes; the invited contestant's is on the list.
  await host.getByRole("button", { name: "Tạo mã chỗ ngồi" }).click();
  await expect(host.getByText(/^Đã tạo \d+ mã mới\.$/)).toBeVisible();
  const row = host.getByRole("row", { name: new RegExp(invited.fullName) });
  const code = (await row.locator("code").textContent()) ?? "";
  expect(code).toMatch(/^[2-9A-Z]{8}$/);

  // A phone with no account types the seat code.
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "vi-VN" });
  const phonePage = await context.newPage();
  await phonePage.goto(`${BASE}/live`);
  await phonePage.getByLabel(/Mã tham gia/).fill(code.toLowerCase());
  await phonePage.getByRole("button", { name: "Vào phòng thi" }).click();
  await expect(phonePage).toHaveURL(new RegExp(`/live/seat/${code}$`));
  await expect(phonePage.getByText("Bạn: Phạm Quốc B.")).toBeVisible();
  await phonePage.getByLabel(/Dự đoán: bao nhiêu/).fill("1");
  await phonePage.getByRole("button", { name: "Gửi dự đoán" }).click();
  await expect(phonePage.getByText("Đã ghi dự đoán: 1")).toBeVisible();
  await phonePage.screenshot({ path: test.info().outputPath("live-phone-seat-prediction-360.png") });
  // A reload takes the same seat, with the prediction kept.
  await phonePage.reload();
  await expect(phonePage.getByText("Bạn: Phạm Quốc B.")).toBeVisible();
  await expect(phonePage.getByText("Đã ghi dự đoán: 1")).toBeVisible();
  await expect(host.getByText(/1 thí sinh đã vào/)).toBeVisible();

  // The first question is the one picked first.
  await host.getByRole("button", { name: "Bắt đầu câu 1" }).click();
  await expect(phonePage.locator(".live-question-text")).toHaveText(b.text);
  const key = (JSON.parse(b.correct) as number[])[0];
  await answer(phonePage, key);
  await closeQuestion(host);
  await host.getByRole("button", { name: "Công bố đáp án" }).click();
  await expect(phonePage.getByText("Đúng", { exact: true })).toBeVisible();
  await host.getByRole("button", { name: "Xem bảng xếp hạng" }).click();
  await host.getByRole("button", { name: "Câu tiếp theo" }).click();
  await expect(phonePage.locator(".live-question-text")).toHaveText(a.text);
  await context.close();
});
