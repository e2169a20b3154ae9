import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { storeOfficialRanking } from "#db/repos/rankings";
import { computeOfficialRanking } from "#server/contest/ranking";
import { E2E_ADMIN_PASSWORD } from "./env";
import {
  createContestantAccount,
  createRound,
  createStaffAccount,
  e2eDatabase,
  uniqueSuffix,
} from "./fixtures";

const SCREENS = "test-results/screens";

async function logIn(page: Page, login: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill(login);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

const NAMES = [
  "Nguyễn Văn An",
  "Trần Thị Bình",
  "Lê Văn Cường",
  "Phạm Thị Dung",
  "Hoàng Văn Em",
  "Võ Thị Giang",
  "Đặng Văn Hải",
  "Bùi Thị Hạnh",
  "Đỗ Văn Khánh",
  "Ngô Thị Lan",
  "Dương Văn Minh",
  "Lý Thị Ngọc",
];

/**
 * Set-up only: a closed round whose contestants submitted their papers, written straight into the
 * server's database, then ranked with the same function `closeRound` uses.
 */
async function rankedRound(options: { publish: boolean }): Promise<{ roundId: number; names: string[] }> {
  const roundId = await createRound({
    title: `Đợt thử kết quả ${uniqueSuffix()}`,
    durationSeconds: 600,
    questionCount: 5,
    opensInMinutes: -180,
    closesInMinutes: -1,
  });
  const db = e2eDatabase();
  try {
    const contest = await db.selectFrom("contests").select("id").orderBy("id").executeTakeFirstOrThrow();
    const units = await db.selectFrom("units").select("id").where("contest_id", "=", contest.id).execute();
    const categories = await db.selectFrom("categories").select("id").execute();
    const versions = await db
      .selectFrom("questions")
      .innerJoin("question_versions", "question_versions.id", "questions.current_version_id")
      .select(["question_versions.id", "question_versions.options", "question_versions.correct"])
      .where("questions.status", "=", "approved")
      .limit(5)
      .execute();
    const suffix = uniqueSuffix();
    const names = NAMES.map((n) => `${n} ${suffix.slice(-3).toUpperCase()}`);
    const base = Date.now() - 170 * 60_000;
    for (const [i, name] of names.entries()) {
      const at = new Date().toISOString();
      const user = await db
        .insertInto("users")
        .values({
          role: "contestant",
          username: null,
          display_name: name,
          password_hash: "x",
          must_change_password: 0,
          disabled_at: null,
          created_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const contestant = await db
        .insertInto("contestants")
        .values({
          user_id: user.id,
          contest_id: contest.id,
          full_name: name,
          name_folded: name.toLowerCase(),
          birth_date: `199${i % 10}-03-1${i % 10}`,
          gender: i % 2 ? "male" : "female",
          phone: `07${String((Date.now() + i) % 100_000_000).padStart(8, "0")}`,
          cccd: null,
          unit_id: units[i % units.length].id,
          category_id: categories[i % categories.length].id,
          is_staff_member: 0,
          status: "active",
          status_reason: null,
          consent_at: at,
          created_at: at,
          updated_at: at,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const right = 5 - (i % 6);
      const started = base + i * 7 * 60_000;
      const duration = 120_000 + i * 9_000;
      const attempt = await db
        .insertInto("attempts")
        .values({
          round_id: roundId,
          contestant_id: contestant.id,
          is_practice: 0,
          attempt_no: 1,
          status: "submitted",
          seed: i,
          started_at: new Date(started).toISOString(),
          deadline_at: new Date(started + 600_000).toISOString(),
          submitted_at: new Date(started + duration).toISOString(),
          submit_reason: "manual",
          prediction: i % 4,
          score: right,
          correct_count: right,
          all_correct: right === 5 ? 1 : 0,
          duration_ms: duration,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("attempt_items")
        .values(
          versions.map((v, position) => {
            const options = (JSON.parse(v.options) as string[]).length;
            const correct = JSON.parse(v.correct) as number[];
            const isRight = position < right;
            const wrong = [...Array(options).keys()].find((o) => !correct.includes(o)) ?? 0;
            return {
              attempt_id: attempt.id,
              position,
              question_version_id: v.id,
              option_order: JSON.stringify([...Array(options).keys()]),
              chosen: JSON.stringify(isRight ? correct : [wrong]),
              answered_at: new Date(started + (position + 1) * 20_000).toISOString(),
              marked: 0,
              is_correct: isRight ? 1 : 0,
              points: isRight ? 1 : 0,
            };
          }),
        )
        .execute();
    }
    const ranking = await computeOfficialRanking(db, roundId);
    await storeOfficialRanking(db, {
      roundId,
      perfectCount: ranking.perfectCount,
      rows: ranking.rows,
      at: new Date(),
    });
    if (options.publish) {
      await db
        .updateTable("rounds")
        .set({ published_at: new Date().toISOString() })
        .where("id", "=", roundId)
        .execute();
    }
    return { roundId, names };
  } finally {
    await db.destroy();
  }
}

async function storedRanking(roundId: number) {
  const db = e2eDatabase();
  try {
    return await db
      .selectFrom("round_rankings")
      .innerJoin("attempts", "attempts.id", "round_rankings.attempt_id")
      .innerJoin("contestants", "contestants.id", "attempts.contestant_id")
      .select(["round_rankings.rank", "contestants.full_name", "round_rankings.prize", "contestants.phone"])
      .where("round_rankings.round_id", "=", roundId)
      .orderBy("round_rankings.rank")
      .execute();
  } finally {
    await db.destroy();
  }
}

test("An organizer downloads a round's official results as Excel from the console and reads its statistics", async ({
  page,
}) => {
  fs.mkdirSync(SCREENS, { recursive: true });
  const { roundId } = await rankedRound({ publish: false });
  await logIn(page, "admin", E2E_ADMIN_PASSWORD);
  await page.getByRole("link", { name: "Kết quả", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Kết quả", exact: true })).toBeVisible();
  await page.locator(`a[href="/console/results/${roundId}"]`).first().click();
  await expect(page.getByText(/Đã tính xếp hạng chính thức lúc/)).toBeVisible();
  await expect(page.getByTestId("stat-participants")).toHaveText("12");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Tải Excel (.xlsx)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    new RegExp(`^ket-qua-dot-${roundId}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`),
  );
  const file = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file!);
  expect(workbook.worksheets.map((s) => s.name)).toEqual([
    "Xếp hạng",
    "Bài làm",
    "Đơn vị",
    "Câu hỏi",
    "Giải thưởng",
  ]);
  const sheet = workbook.getWorksheet("Xếp hạng")!;
  expect(String(sheet.getCell("A1").value)).toMatch(/^Xếp hạng chính thức/);
  const stored = await storedRanking(roundId);
  const rows: [unknown, unknown][] = [];
  for (let n = 5; n <= sheet.rowCount; n++) rows.push([sheet.getCell(n, 1).value, sheet.getCell(n, 2).value]);
  expect(rows).toEqual(stored.map((s) => [s.rank, s.full_name]));
  expect(workbook.getWorksheet("Bài làm")!.rowCount).toBe(4 + 12 * 5);

  const csv = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Tải CSV xếp hạng" }).click(),
  ]);
  const text = fs.readFileSync((await csv[0].path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain(stored[0].full_name);

  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `${SCREENS}/results-round-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 780 });
  await page.screenshot({ path: `${SCREENS}/results-round-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 800 });

  // Both downloads are in the audit log, which admins can filter.
  await page.goto("/console/audit?action=results.export");
  await expect(page.getByRole("heading", { name: "Nhật ký thao tác" })).toBeVisible();
  const audit = page.getByTestId("audit-table");
  // In words, not codes and JSON.
  const exports = audit.getByRole("row").filter({ hasText: `Đợt thi #${roundId}` });
  await expect(exports).toHaveCount(2);
  await expect(exports.first()).toContainText("Xuất kết quả");
  await expect(audit).toContainText("CSV");
  await expect(audit).not.toContainText('"format"');
});

test("An organizer prints the winners list of a round on an A4 page", async ({ page }) => {
  fs.mkdirSync(SCREENS, { recursive: true });
  const { roundId } = await rankedRound({ publish: false });
  const stored = await storedRanking(roundId);
  await logIn(page, "admin", E2E_ADMIN_PASSWORD);
  await page.goto(`/console/results/${roundId}`);
  await page.getByRole("link", { name: "In danh sách đoạt giải (A4)" }).click();
  const sheet = page.getByRole("article", { name: "DANH SÁCH THÍ SINH ĐOẠT GIẢI" });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  await expect(sheet).toContainText("Giải Nhất (1)");
  for (const winner of stored.filter((s) => s.prize)) await expect(sheet).toContainText(winner.full_name);
  await expect(sheet).not.toContainText(stored[0].phone);
  await page.screenshot({ path: `${SCREENS}/winners-print-screen.png`, fullPage: true });

  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".console-nav")).toBeHidden();
  await expect(page.getByRole("button", { name: "In danh sách" })).toBeHidden();
  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await page.screenshot({ path: `${SCREENS}/winners-print-a4.png`, fullPage: true });
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  fs.writeFileSync(`${SCREENS}/winners-print.pdf`, pdf);
  // One page: count the page objects in the PDF.
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
});

test("Visitors see a round's winners only after publication, with masked names and no phone numbers", async ({
  page,
}) => {
  const draft = await rankedRound({ publish: false });
  const notYet = await page.goto(`/winners/${draft.roundId}`);
  expect(notYet?.status()).toBe(404);

  const { roundId } = await rankedRound({ publish: true });
  const stored = await storedRanking(roundId);
  await page.goto(`/winners/${roundId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Người đoạt giải");
  const first = stored[0].full_name.split(" ");
  const masked = [...first.slice(0, -1), `${first[first.length - 1][0]}.`].join(" ");
  await expect(page.getByRole("region", { name: /Giải Nhất/ })).toContainText(masked);
  const body = await page.locator("main").innerText();
  for (const s of stored) {
    expect(body).not.toContain(s.full_name);
    expect(body).not.toContain(s.phone);
  }
});

test("A judge can download results but not reach the audit log; contestants and visitors never reach an export", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { roundId } = await rankedRound({ publish: false });
  const exportUrl = `/console/results/export?round=${roundId}&format=xlsx`;

  const anonymous = await playwright.request.newContext({ baseURL });
  const anon = await anonymous.get(exportUrl, { maxRedirects: 0 });
  expect(anon.status()).toBe(302);
  expect(anon.headers()["location"]).toMatch(/^\/login\?next=/);

  const phone = await createContestantAccount("thi-sinh-789");
  await logIn(page, phone, "thi-sinh-789");
  const asContestant = await page.request.get(exportUrl, { maxRedirects: 0 });
  expect(asContestant.status()).toBe(403);
  expect(asContestant.headers()["content-type"]).not.toContain("spreadsheet");
  await page.context().clearCookies();

  const judge = await createStaffAccount("judge", "giam-khao-2023");
  await logIn(page, judge, "giam-khao-2023");
  const asJudge = await page.request.get(exportUrl);
  expect(asJudge.status()).toBe(200);
  expect(asJudge.headers()["content-type"]).toContain("spreadsheetml");
  expect((await page.request.get("/console/audit")).status()).toBe(403);
});
