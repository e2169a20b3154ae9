/**
 * The live final (issue 14), as the people in the hall live it: the host runs a three-question final
 * from the console with three phones and the big screen; one phone reloads mid-question and keeps its
 * answer; the host skips a question; the podium and the exported workbook agree.
 *
 * Written for a loaded machine: every step waits on what the server shows (generous timeouts), the
 * question time is long and the host moves on rather than waiting for the clock; no sleeps.
 */
import { test } from "@playwright/test";
import ExcelJS from "exceljs";
import { createBoardContestant } from "./board-fixtures";
import { createStaffAccount, e2eDatabase } from "./fixtures";
import { E2E_PORT } from "./env";
import * as live from "./live-fixtures";
import { expect } from "./live-fixtures";

const BASE = `http://127.0.0.1:${E2E_PORT}`;

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
  await live.logIn(host, organizer, password);
  const roundId = await live.createFinal(host, { title, questions: 3, seconds: 30 });

  const screenContext = await browser.newContext({ viewport: live.SCREEN_SIZES[0], locale: "vi-VN" });
  const screen = await screenContext.newPage();
  await screen.goto(`${BASE}/screen/live/${roundId}`);
  await expect(screen.getByTestId("join-code")).toHaveText(/^[2-9A-Z]{6}$/);

  const phones = await Promise.all(players.map((p) => live.phone(browser, p.cookie)));
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
  await live.shoot(screen, "lobby");

  // Question 1: phones 0 and 1 right, phone 2 wrong; phone 1 reloads after answering and keeps it.
  await host.getByRole("button", { name: "Bắt đầu câu 1" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Đang trả lời");
  const key0 = await live.keyOf(roundId, 0);
  const wrong0 = (key0 + 1) % 2;
  await live.answer(phones[0].page, key0);
  await live.answer(phones[1].page, key0);
  await phones[1].page.reload();
  await expect(phones[1].page.getByText("Đã ghi nhận")).toBeVisible();
  await expect(live.option(phones[1].page, key0)).toHaveAttribute("aria-pressed", "true");
  await expect(live.option(phones[1].page, key0)).toBeDisabled();
  await live.answer(phones[2].page, wrong0);
  await expect(screen.getByText("3/3 đã trả lời")).toBeVisible();
  await expect(screen.getByRole("timer")).toHaveText(/^\d+$/);
  await phones[0].page.screenshot({ path: test.info().outputPath("live-phone-question-360.png") });
  await live.shoot(screen, "question");

  await live.closeQuestion(host);
  await host.getByRole("button", { name: "Công bố đáp án" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Đáp án");
  await expect(phones[0].page.getByText("Đúng", { exact: true })).toBeVisible();
  await expect(phones[1].page.getByText("Đúng", { exact: true })).toBeVisible();
  await expect(phones[2].page.getByText("Sai", { exact: true })).toBeVisible();
  await expect(screen.locator(".live-bar-key")).toHaveCount(1);
  await expect(screen.locator(".live-bar-key .live-bar-value")).toHaveText("2 (67%)");
  await phones[2].page.screenshot({ path: test.info().outputPath("live-phone-result-360.png") });
  await live.shoot(screen, "reveal");

  await host.getByRole("button", { name: "Xem bảng xếp hạng" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Bảng xếp hạng");
  await expect(screen.locator(".live-board-row")).toHaveCount(3);
  await live.shoot(screen, "board");

  // Question 2 is skipped after phone 2 answered it right: it counts for nobody.
  await host.getByRole("button", { name: "Câu tiếp theo" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Đang trả lời");
  const key1 = await live.keyOf(roundId, 1);
  await live.answer(phones[2].page, key1);
  await host.getByRole("button", { name: "Bỏ câu này" }).click();
  await expect(host.getByRole("alertdialog")).toContainText("không thể hoàn tác");
  await host.getByRole("button", { name: "Xác nhận" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Bảng xếp hạng");
  await expect(phones[2].page.getByText("Câu này bị bỏ, không tính điểm")).toBeVisible();

  // Question 3: only phone 2 answers, right.
  await host.getByRole("button", { name: "Câu tiếp theo" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Đang trả lời");
  const key2 = await live.keyOf(roundId, 2);
  await live.answer(phones[2].page, key2);
  await live.closeQuestion(host);
  await host.getByRole("button", { name: "Công bố đáp án" }).click();
  await expect(phones[2].page.getByText("Đúng", { exact: true })).toBeVisible();
  await expect(phones[0].page.getByText("Không trả lời", { exact: true })).toBeVisible();
  await host.getByRole("button", { name: "Kết thúc, trao giải" }).click();
  await expect(host.getByRole("alertdialog")).toContainText("Không thể hoàn tác");
  await host.getByRole("button", { name: "Xác nhận" }).click();
  await expect(host.getByTestId("live-phase")).toHaveText("Kết quả chung cuộc");
  await expect(screen.getByText("Chúc mừng các thí sinh đoạt giải")).toBeVisible();
  await expect(screen.locator(".live-board-row")).toHaveCount(3);
  await live.shoot(screen, "podium");

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

  await live.logIn(host, organizer, password);
  // b first, then a.
  await live.createFinal(host, {
    title,
    questions: [b.key ?? `#${b.id}`, a.key ?? `#${a.id}`],
    seconds: 30,
    prediction: true,
  });

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
  await live.answer(phonePage, key);
  await live.closeQuestion(host);
  await host.getByRole("button", { name: "Công bố đáp án" }).click();
  await expect(phonePage.getByText("Đúng", { exact: true })).toBeVisible();
  await host.getByRole("button", { name: "Xem bảng xếp hạng" }).click();
  await host.getByRole("button", { name: "Câu tiếp theo" }).click();
  await expect(phonePage.locator(".live-question-text")).toHaveText(a.text);
  await context.close();
});
