/**
 * Issue 11's story, on its own fresh installation without the demo (`--real`), beside the run's demo server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { simulate } from "../../scripts/lib/simulation";
import { E2E_PORT } from "./env";

// Apart from every run's own E2E port (engineers run side by side on neighbouring ports).
const PORT = E2E_PORT + 1000;
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = "mat-khau-cua-ban-to-chuc";
let server: ChildProcess;
let dataDir: string;

/** A real installation has no generated or configured admin password: the organizer sets it on the first-run page. */
function withoutAdminPassword(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.ADMIN_PASSWORD;
  return copy;
}

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "contest-real-"));
  server = spawn(process.execPath, ["--import", "tsx", "server/main.ts", "--real"], {
    env: {
      ...withoutAdminPassword(process.env),
      NODE_ENV: "production",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: path.join(dataDir, "contest.db"),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the real installation did not start");
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(async () => {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function vnLocal(hoursFromNow: number): string {
  return new Date(Date.now() + (hoursFromNow + 7) * 3_600_000).toISOString().slice(0, 16);
}

/** Writes a round as an organizer does: its name (and whether it is a rehearsal) on the rounds page, then the times. */
async function writeRound(page: Page, title: string, { rehearsal }: { rehearsal: boolean }): Promise<number> {
  await page.goto(`${BASE}/console/rounds`);
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Viết đợt thi mới" }) });
  await form.getByLabel("Tên đợt thi").fill(title);
  if (rehearsal) await form.getByLabel("Đây là đợt thi thử của ban tổ chức").check();
  await form.getByRole("button", { name: "Tạo đợt thi" }).click();
  await expect(page).toHaveURL(/\/console\/rounds\/\d+\?created=1$/);
  await expect(page.getByRole("status")).toHaveText("Đã tạo đợt thi.");
  await page.getByLabel("Thời gian mở").fill(vnLocal(-1));
  await page.getByLabel("Thời gian đóng").fill(vnLocal(3));
  await page.getByRole("button", { name: "Lưu cài đặt" }).click();
  await expect(page.getByRole("status")).toHaveText(/^Đã lưu cài đặt đợt thi/);
  return Number(/rounds\/(\d+)/.exec(page.url())![1]);
}

async function showOnScreen(console: Page, roundTitle: string, view: string) {
  const screen = console.getByTestId("screen-controls").locator("li").first();
  await screen.getByLabel("Đợt thi").selectOption({ label: roundTitle });
  await screen.getByLabel("Nội dung").selectOption({ label: view });
  await screen.getByRole("button", { name: "Hiển thị" }).click();
  await expect(console.getByText(`Đã chuyển màn hình sang: ${view}.`)).toBeVisible();
}

test("An organizer on a fresh installation without the demo creates the contest, imports units, writes a rehearsal and a real round, rehearses with the simulation, wipes the rehearsal, runs the real round, drives the hall screen and downloads a workbook with no trace of the rehearsal", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const code = fs.readFileSync(path.join(dataDir, "setup-token"), "utf8").trim();

  // The home page of an installation waiting for its contest leads to the first-run page.
  await page.goto(`${BASE}/`);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByTestId("demo-banner")).toHaveCount(0);

  await page.goto(`${BASE}/setup?code=${code}`);
  await page.getByLabel("Tên cuộc thi").fill("Hội thi tìm hiểu về Chuyển đổi số huyện Lý Sơn năm 2027");
  await page.getByLabel("Cơ quan tổ chức").fill("Huyện đoàn Lý Sơn, Phòng Văn hóa và Thông tin");
  await page.getByLabel("Ngày bắt đầu").fill("2027-05-01");
  await page.getByLabel("Ngày kết thúc").fill("2027-06-30");
  await page.getByLabel("Mật khẩu quản trị").fill(PASSWORD);
  await page.getByLabel("Nhập lại mật khẩu").fill("khac-han");
  await page.getByRole("button", { name: "Tạo hội thi" }).click();
  await expect(page.locator("#confirm-error")).toHaveText("Hai mật khẩu không giống nhau.");
  await page.getByLabel("Mật khẩu quản trị").fill(PASSWORD);
  await page.getByLabel("Nhập lại mật khẩu").fill(PASSWORD);
  await page.getByRole("button", { name: "Tạo hội thi" }).click();
  await expect(page).toHaveURL(/\/console\/units\?welcome=1$/);
  await expect(page.getByText("Đã tạo hội thi. Bước tiếp theo")).toBeVisible();
  await expect(page.getByTestId("demo-banner")).toHaveCount(0);

  const csv =
    "Tên đơn vị;Thuộc;Loại;Số người dự kiến\r\nAn Vĩnh;;Khu dân cư;900\r\nAn Hải;;Khu dân cư;800\r\nHuyện đoàn Lý Sơn;;Cơ quan;10\r\n";
  await page
    .getByLabel(".xlsx hoặc .csv")
    .setInputFiles({ name: "don-vi.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Nhập danh sách" }).click();
  await expect(page.getByText("Đã nhập: thêm 3, cập nhật 0 đơn vị.")).toBeVisible();

  const rehearsalTitle = "Thi thử của ban tổ chức trước giờ G";
  const realTitle = "Đợt 1: Chuyển đổi số – hiểu để làm";
  // Two rounds, the rehearsal marked as such when it is written.
  const rehearsalId = await writeRound(page, rehearsalTitle, { rehearsal: true });
  const realId = await writeRound(page, realTitle, { rehearsal: false });
  await page.goto(`${BASE}/console/rounds`);
  const rehearsalRow = page.getByRole("row").filter({ hasText: rehearsalTitle });
  await expect(rehearsalRow.getByText("Thi thử của ban tổ chức", { exact: true })).toBeVisible();
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: realTitle })
      .getByText("Thi thử của ban tổ chức", { exact: true }),
  ).toHaveCount(0);

  // The public never sees the rehearsal: not on the home page, not among the public leaderboards.
  const visitor = await browser.newPage();
  await visitor.goto(`${BASE}/`);
  await expect(visitor.getByText(realTitle)).toBeVisible();
  await expect(visitor.getByText(rehearsalTitle)).toHaveCount(0);
  await visitor.goto(`${BASE}/leaderboard`);
  await expect(visitor.getByText(realTitle).first()).toBeVisible();
  await expect(visitor.getByText(rehearsalTitle)).toHaveCount(0);
  await visitor.close();

  await page.goto(`${BASE}/console/rounds/${rehearsalId}/rehearsal`);
  await expect(page.getByLabel("Đây là đợt thi thử của ban tổ chức")).toBeChecked();

  const admin = { login: "admin", password: PASSWORD };
  const common = { baseUrl: BASE, close: true, concurrency: 4, thinkMs: 0, admin, log: () => undefined };
  const rehearsal = await simulate({ ...common, contestants: 4, roundId: rehearsalId });
  expect(rehearsal.submitted).toBe(4);

  await page.reload();
  await expect(page.getByTestId("attempt-count")).toHaveText("Số bài thi đã bắt đầu: 4");
  await page.getByRole("button", { name: "Xóa các bài thi" }).click();
  await expect(page.getByRole("alert")).toHaveText("Hãy đánh dấu ô xác nhận trước khi xóa.");
  await page.getByLabel(/Tôi hiểu: 4 bài thi/).check();
  await page.getByRole("button", { name: "Xóa các bài thi" }).click();
  await expect(page.getByRole("status")).toHaveText(/Đã xóa 4 bài thi của đợt thi thử/);
  await expect(page.getByTestId("attempt-count")).toHaveText("Số bài thi đã bắt đầu: 0");

  const real = await simulate({ ...common, contestants: 14, roundId: realId });
  expect(real.submitted).toBe(14);

  // The hall: a projector opens the screen, the organizer drives it from the live page.
  const projector = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await projector.goto(`${BASE}/screen`);
  await page.goto(`${BASE}/console/live`);
  await expect(page.getByTestId("screen-controls").getByText("Màn hình 1")).toBeVisible();

  await showOnScreen(page, realTitle, "Trang vào thi (mã QR)");
  await expect(projector.locator("[data-view='join']")).toBeVisible();
  const joinAddress = (await projector.getByTestId("join-address").textContent()) ?? "";
  if (/localhost|127\.0\.0\.1/.test(joinAddress))
    await expect(page.getByText("Máy chủ không có địa chỉ mạng nội bộ")).toBeVisible();
  else expect(joinAddress).toMatch(new RegExp(`:${PORT}$`));

  await showOnScreen(page, realTitle, "Bảng xếp hạng trực tiếp");
  await expect(projector.locator(".board-table tbody tr").first()).toBeVisible();

  await page.goto(`${BASE}/console/rounds/${realId}`);
  await page.getByRole("button", { name: "Công bố kết quả" }).click();
  await expect(page.getByText(/Đã công bố kết quả lúc/)).toBeVisible();

  await page.goto(`${BASE}/console/live`);
  await showOnScreen(page, realTitle, "Người đoạt giải");
  await expect(projector.getByTestId("winners")).toBeVisible();
  // Reopened after publication, the screen shows what it was last told.
  await projector.goto(`${BASE}/screen`);
  await expect(projector.getByTestId("winners")).toBeVisible();

  const winnersCount = 11; // the round's default prizes: 1 + 2 + 3 + 5
  for (const [width, height] of [
    [1920, 1080],
    [1366, 768],
    [1280, 720],
  ]) {
    await projector.setViewportSize({ width, height });
    await projector.reload();
    const box = projector.getByTestId("winners");
    await expect(box).toBeVisible();
    await projector.waitForTimeout(300);
    const pages = Number(await box.getAttribute("data-pages"));
    const seen = new Set<string>();
    for (let p = 0; p < pages; p++) {
      if (pages > 1)
        await expect(box.locator(".pager")).toHaveText(`trang ${p + 1}/${pages}`, { timeout: 15_000 });
      const rows = box.locator("tbody tr");
      for (let i = 0; i < (await rows.count()); i++) {
        const row = rows.nth(i);
        const r = (await row.boundingBox())!;
        expect(r.y + r.height).toBeLessThanOrEqual(height);
        const badge = (await row.locator(".prize-badge").boundingBox())!;
        const cell = (await row.locator("td.prize").boundingBox())!;
        expect(badge.x + badge.width).toBeLessThanOrEqual(cell.x + cell.width + 1);
        const distance = row.getByTestId("prediction-distance");
        if ((await distance.count()) > 0) {
          const d = (await distance.boundingBox())!;
          const score = (await row.locator("td.score").boundingBox())!;
          expect(d.x + d.width).toBeLessThanOrEqual(score.x + score.width + 1);
        }
        expect(badge.y + badge.height).toBeLessThanOrEqual(height);
        seen.add(`${await row.getAttribute("data-rank")}:${await row.locator(".name").textContent()}`);
      }
      await projector.screenshot({
        path: test.info().outputPath(`winners-${width}x${height}-page-${p + 1}.png`),
      });
    }
    expect(seen.size).toBe(winnersCount);
  }

  // The workbook of the contest holds no trace of the rehearsal.
  await page.goto(`${BASE}/console/contests`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Tải tệp kết quả của hội thi (Excel)" }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  let text = "";
  workbook.eachSheet((sheet) => sheet.eachRow((row) => (text += JSON.stringify(row.values) + "\n")));
  expect(text).toContain(realTitle);
  expect(text).not.toContain(rehearsalTitle);
  await projector.close();
});
