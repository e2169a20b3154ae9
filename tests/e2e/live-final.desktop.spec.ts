/**
 * The live final (issue 14), as the people in the hall live it: the host runs a three-question final
 * from the console with three phones and the big screen; one phone reloads mid-question and keeps its
 * answer; the host skips a question; the podium and the exported workbook agree.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { createBoardContestant } from "./board-fixtures";
import { createStaffAccount, e2eDatabase } from "./fixtures";
import { E2E_PORT } from "./env";

const SCREENS = "test-results/screens";

async function logIn(page: Page, login: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill(login);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

async function phone(browser: Browser, cookie: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: "vi-VN" });
  const [name, value] = cookie.split("=");
  await context.addCookies([{ name, value, domain: "127.0.0.1", path: "/" }]);
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
      .where("round_id", "=", roundId)
      .where("position", "=", position)
      .executeTakeFirstOrThrow();
    return (JSON.parse(row.correct) as number[])[0];
  } finally {
    await db.destroy();
  }
}

const LETTER = ["A", "B", "C", "D"];

test("A host runs a three-question final with three phones and a screen; a phone reloads and keeps its answer; a skipped question counts for nobody; the podium and the workbook agree", async ({
  page: host,
  browser,
}) => {
  test.setTimeout(180_000);
  const password = "mat-khau-chung-ket-2023";
  const organizer = await createStaffAccount("organizer", password);
  const players = await Promise.all(
    ["Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Thị Mai"].map((n) => createBoardContestant(n)),
  );

  await logIn(host, organizer, password);
  await host.goto("/console/finals");
  await host.getByLabel("Tên trận").fill("Chung kết Lý Sơn");
  await host.getByLabel(/Số câu/).fill("3");
  await host.getByLabel("Số giây mỗi câu").fill("120");
  await host.getByRole("button", { name: "Tạo trận chung kết" }).click();
  await expect(host.getByRole("status")).toContainText("Mã tham gia");
  await host
    .getByRole("row", { name: /Chung kết Lý Sơn/ })
    .getByRole("link", { name: "Điều khiển" })
    .click();
  await expect(host.getByTestId("live-phase")).toHaveText("Phòng chờ");
  const roundId = Number(new URL(host.url()).pathname.split("/").at(-1));

  const screenContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const screen = await screenContext.newPage();
  await screen.goto(`http://127.0.0.1:${E2E_PORT}/screen/live/${roundId}`);
  await expect(screen.getByTestId("join-code")).toHaveText(/^[2-9A-Z]{6}$/);

  const phones = await Promise.all(players.map((p) => phone(browser, p.cookie)));
  for (const p of phones) {
    await p.page.goto(`http://127.0.0.1:${E2E_PORT}/live/${roundId}`);
    await expect(p.page.getByText("Chờ ban tổ chức bắt đầu…")).toBeVisible();
  }
  await expect(screen.getByText("3 thí sinh đã vào")).toBeVisible();
  await screen.screenshot({ path: `${SCREENS}/live-lobby-1280.png` });

  // Question 1: phones 0 and 1 right, phone 2 wrong; phone 1 reloads after answering.
  await host.getByRole("button", { name: "Bắt đầu câu 1" }).click();
  const key0 = await keyOf(roundId, 0);
  const wrong0 = (key0 + 1) % 2;
  await phones[0].page.getByRole("button", { name: new RegExp(`^${LETTER[key0]}\\.`) }).click();
  await expect(phones[0].page.getByText("Đã ghi nhận")).toBeVisible();
  await phones[1].page.getByRole("button", { name: new RegExp(`^${LETTER[key0]}\\.`) }).click();
  await expect(phones[1].page.getByText("Đã ghi nhận")).toBeVisible();
  await phones[1].page.reload();
  await expect(phones[1].page.getByText("Đã ghi nhận")).toBeVisible();
  await expect(
    phones[1].page.getByRole("button", { name: new RegExp(`^${LETTER[key0]}\\.`) }),
  ).toHaveAttribute("aria-pressed", "true");
  await phones[2].page.getByRole("button", { name: new RegExp(`^${LETTER[wrong0]}\\.`) }).click();
  await expect(screen.getByText("3/3 đã trả lời")).toBeVisible();
  await phones[0].page.screenshot({ path: `${SCREENS}/live-phone-question-360.png` });
  await screen.screenshot({ path: `${SCREENS}/live-question-1280.png` });

  await host.getByRole("button", { name: "Dừng nhận trả lời" }).click();
  await host.getByRole("button", { name: "Công bố đáp án" }).click();
  await expect(phones[0].page.getByText("Đúng", { exact: true })).toBeVisible();
  await expect(phones[1].page.getByText("Đúng", { exact: true })).toBeVisible();
  await expect(phones[2].page.getByText("Sai", { exact: true })).toBeVisible();
  await expect(screen.locator(".live-bar-key")).toHaveCount(1);
  await phones[2].page.screenshot({ path: `${SCREENS}/live-phone-result-360.png` });
  await screen.screenshot({ path: `${SCREENS}/live-reveal-1280.png` });

  // Question 2 is skipped after phone 2 answered it: it counts for nobody.
  await host.getByRole("button", { name: "Xem bảng xếp hạng" }).click();
  await host.getByRole("button", { name: "Câu tiếp theo" }).click();
  const key1 = await keyOf(roundId, 1);
  await phones[2].page.getByRole("button", { name: new RegExp(`^${LETTER[key1]}\\.`) }).click();
  await expect(phones[2].page.getByText("Đã ghi nhận")).toBeVisible();
  await host.getByRole("button", { name: "Bỏ câu này" }).click();
  await expect(host.getByRole("alertdialog")).toContainText("không thể hoàn tác");
  await host.getByRole("button", { name: "Xác nhận" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Bảng xếp hạng");

  // Question 3: only phone 2 answers, right.
  await host.getByRole("button", { name: "Câu tiếp theo" }).click();
  const key2 = await keyOf(roundId, 2);
  await phones[2].page.getByRole("button", { name: new RegExp(`^${LETTER[key2]}\\.`) }).click();
  await expect(phones[2].page.getByText("Đã ghi nhận")).toBeVisible();
  await host.getByRole("button", { name: "Dừng nhận trả lời" }).click();
  await host.getByRole("button", { name: "Công bố đáp án" }).click();
  await host.getByRole("button", { name: "Kết thúc, trao giải" }).click();
  await host.getByRole("button", { name: "Xác nhận" }).click();
  await expect(screen.getByText("Chúc mừng các thí sinh đoạt giải")).toBeVisible();
  await screen.screenshot({ path: `${SCREENS}/live-podium-1280.png` });
  await screen.setViewportSize({ width: 1920, height: 1080 });
  await screen.screenshot({ path: `${SCREENS}/live-podium-1920.png` });

  const podium = await screen
    .locator(".live-board-row")
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.querySelector(".live-board-rank")?.textContent ?? "",
        r.querySelector(".live-board-score")?.textContent ?? "",
      ]),
    );
  expect(podium).toEqual([
    ["1", "10"],
    ["2", "10"],
    ["3", "10"],
  ]);

  // The exported workbook has the same ranks and scores.
  const download = await host.request.get(`/console/results/export?round=${roundId}&format=xlsx`);
  expect(download.ok()).toBe(true);
  const workbook = new ExcelJS.Workbook();
  const body = await download.body();
  await workbook.xlsx.load(body.slice().buffer as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const rankCol = header.findIndex((h) => /Hạng/i.test(h));
  const scoreCol = header.findIndex((h) => /^Điểm/i.test(h));
  const rows: string[][] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const v = row.values as unknown[];
    if (v[rankCol] !== undefined && v[rankCol] !== null) rows.push([String(v[rankCol]), String(v[scoreCol])]);
  });
  expect(rows.slice(0, 3)).toEqual(podium);
  for (const p of phones) await p.context.close();
  await screenContext.close();
});
