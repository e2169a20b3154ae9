import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN_PASSWORD } from "./env";
import { createStaffAccount } from "./fixtures";

const SCREENS = "test-results/screens";

async function logInAsAdmin(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/console$/);
}

/** A question of the bundled bank, which every fresh database holds. */
function bundledQuestionText(): string {
  const file = JSON.parse(fs.readFileSync("question-bank/chinh-quyen-so.json", "utf8")) as {
    questions: { text: string }[];
  };
  return file.questions[1]!.text;
}

/** One row of the template, in its column order (STT … Nguồn). */
function fillRow(sheet: ExcelJS.Worksheet, row: number, cells: string[]) {
  cells.forEach((value, i) => {
    sheet.getRow(row).getCell(i + 1).value = value;
  });
  sheet.getRow(row).commit();
}

test("An organizer imports the filled template, fixes the rows it flags and finds the new questions", async ({
  page,
}, testInfo) => {
  await logInAsAdmin(page);
  await page.getByRole("link", { name: "Ngân hàng câu hỏi" }).click();
  await expect(page.getByRole("heading", { name: "Ngân hàng câu hỏi", level: 1 })).toBeVisible();
  await page.screenshot({
    path: `${SCREENS}/question-bank-list-1366.png`,
    fullPage: true,
    clip: { x: 0, y: 0, width: 1366, height: 1500 },
  });

  await page.getByRole("link", { name: "Nhập từ tệp" }).click();
  await expect(page.getByRole("heading", { name: "Nhập câu hỏi từ tệp" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Tải tệp Excel mẫu" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("mau-nhap-cau-hoi.xlsx");
  const templatePath = testInfo.outputPath("mau-nhap-cau-hoi.xlsx");
  await download.saveAs(templatePath);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(5).value).toBe("Câu hỏi");
  const source = "Cẩm nang kỹ năng số — Bảo vệ tài khoản trực tuyến";
  // Row 2 replaces the template's example row.
  fillRow(sheet, 2, [
    "1",
    "Kỹ năng số",
    "Dễ",
    "Một đáp án",
    "Xác thực hai lớp (2FA) giúp bảo vệ tài khoản như thế nào?",
    "Yêu cầu thêm một mã xác minh ngoài mật khẩu khi đăng nhập",
    "Làm mật khẩu ngắn hơn",
    "Tắt thông báo đăng nhập",
    "Cho phép người khác đăng nhập thay",
    "",
    "",
    "A",
    "Xác thực hai lớp yêu cầu thêm một yếu tố (mã OTP, ứng dụng xác thực) nên kẻ gian có mật khẩu vẫn không đăng nhập được.",
    source,
  ]);
  fillRow(sheet, 3, [
    "2",
    "Kỹ năng số",
    "Trung bình",
    "Một đáp án",
    "Khi nhận tin nhắn yêu cầu cung cấp mã OTP để nhận quà, bạn nên làm gì?",
    "Gửi mã OTP ngay để nhận quà",
    "Không cung cấp mã OTP và báo cho cơ quan chức năng",
    "Chuyển tin nhắn cho bạn bè",
    "",
    "",
    "",
    "", // the missing correct answer the preview must flag
    "Mã OTP chỉ dùng cho chính chủ tài khoản; không ai có quyền yêu cầu bạn cung cấp mã này.",
    source,
  ]);
  fillRow(sheet, 4, [
    "3",
    "Chính quyền số",
    "Dễ",
    "Một đáp án",
    bundledQuestionText(),
    "Phương án một",
    "Phương án hai",
    "",
    "",
    "",
    "",
    "A",
    "Câu này đã có trong ngân hàng.",
    "Quyết định 942/QĐ-TTg",
  ]);
  fillRow(sheet, 5, [
    "4",
    "An toàn thông tin",
    "Khó",
    "Nhiều đáp án",
    "Những dấu hiệu nào cho thấy một trang web có thể là trang giả mạo?",
    "Tên miền viết sai chính tả so với trang thật",
    "Yêu cầu nhập mật khẩu và mã OTP ngay khi mở trang",
    "Trang có biểu tượng ổ khóa và tên miền đúng của cơ quan",
    "",
    "",
    "",
    "A, B",
    "Trang giả mạo thường dùng tên miền na ná và đòi thông tin đăng nhập ngay.",
    source,
  ]);
  const firstTry = testInfo.outputPath("cau-hoi-lan-1.xlsx");
  await workbook.xlsx.writeFile(firstTry);

  await page.getByLabel("Tệp câu hỏi").setInputFiles(firstTry);
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(page.getByRole("heading", { name: "Kết quả kiểm tra tệp cau-hoi-lan-1.xlsx" })).toBeVisible();
  await expect(page.getByText("4 câu hỏi đọc được: 2 câu hợp lệ, 2 câu có lỗi.")).toBeVisible();
  const problems = page.getByRole("list", { name: "Các dòng có lỗi (sẽ không được nhập)" });
  await expect(problems.getByText("Dòng 3: chưa có đáp án đúng")).toBeVisible();
  await expect(
    problems.getByText("Dòng 4: trùng nội dung với một câu hỏi đã có trong ngân hàng"),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Nhập 2 câu hợp lệ vào ngân hàng" })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/question-import-preview-1366.png`, fullPage: true });

  // Nothing was written by the preview.
  await page.goto("/console/questions?q=xac+thuc+hai+lop+2fa+giup");
  await expect(page.getByText("Không có câu hỏi nào khớp với bộ lọc.")).toBeVisible();

  // The organizer fixes the file: the answer of row 3, and the duplicate row removed.
  sheet.getRow(3).getCell(12).value = "B";
  sheet.spliceRows(4, 1);
  const secondTry = testInfo.outputPath("cau-hoi-lan-2.xlsx");
  await workbook.xlsx.writeFile(secondTry);

  await page.goto("/console/questions/import");
  await page.getByLabel("Tệp câu hỏi").setInputFiles(secondTry);
  await page.getByRole("button", { name: "Kiểm tra tệp" }).click();
  await expect(page.getByText("3 câu hỏi đọc được: 3 câu hợp lệ, 0 câu có lỗi.")).toBeVisible();
  // Warnings (item-writing cues) may still be listed; no row is refused any more.
  await expect(page.getByRole("list", { name: "Các dòng có lỗi (sẽ không được nhập)" })).toHaveCount(0);
  await page.getByLabel("Duyệt luôn các câu này").check();
  await page.getByRole("button", { name: "Nhập 3 câu hợp lệ vào ngân hàng" }).click();

  await expect(page).toHaveURL(/\/console\/questions\?imported=3/);
  await expect(page.getByRole("status")).toHaveText(
    "Đã nhập 3 câu hỏi (3 câu đã duyệt, còn lại ở trạng thái nháp).",
  );

  // Searching without diacritics finds them.
  await page.getByLabel("Tìm trong nội dung câu hỏi").fill("xac thuc HAI lop 2fa giup");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByRole("heading", { name: "1 câu hỏi" })).toBeVisible();
  const link = page.getByRole("link", { name: "Xác thực hai lớp (2FA) giúp bảo vệ tài khoản như thế nào?" });
  await expect(link).toBeVisible();
  await page.getByLabel("Tìm trong nội dung câu hỏi").fill("ma otp de nhan qua");
  await page.getByRole("button", { name: "Lọc" }).click();
  await expect(page.getByRole("link", { name: /cung cấp mã OTP để nhận quà/ })).toBeVisible();
  await page.screenshot({
    path: `${SCREENS}/question-bank-search-1366.png`,
    fullPage: true,
    clip: { x: 0, y: 600, width: 1366, height: 900 },
  });

  // The question opens with the contestant's view beside the form.
  await page.getByRole("link", { name: /cung cấp mã OTP để nhận quà/ }).click();
  await expect(page.getByRole("heading", { name: /Câu hỏi số \d+/ })).toBeVisible();
  const preview = page.getByRole("complementary", { name: "Xem trước trên điện thoại" });
  await expect(preview.getByRole("button", { name: /Không cung cấp mã OTP/ })).toBeVisible();
  await expect(preview.getByText("Đáp án đúng")).toHaveCount(0);
  await preview.getByLabel("Hiện đáp án và giải thích").check();
  await expect(preview.getByText("✓ Đáp án đúng")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/question-edit-1366.png`, fullPage: true });

  // The export holds the imported questions.
  await page.goto("/console/questions?q=xac+thuc+hai+lop+2fa+giup");
  const [exported] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải tệp xuất" }).click(),
  ]);
  expect(exported.suggestedFilename()).toMatch(/^ngan-hang-cau-hoi-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const exportPath = testInfo.outputPath("xuat.xlsx");
  await exported.saveAs(exportPath);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(exportPath);
  expect(back.worksheets[0]!.getRow(2).getCell(5).value).toBe(
    "Xác thực hai lớp (2FA) giúp bảo vệ tài khoản như thế nào?",
  );
  expect(back.worksheets[0]!.rowCount).toBe(2);
});

test("A judge reads the bank but cannot change it", async ({ page }) => {
  const username = await createStaffAccount("judge", "giam-khao-doc-1");
  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill("giam-khao-doc-1");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/console$/);

  await page.goto("/console/questions");
  await expect(page.getByRole("heading", { name: "Ngân hàng câu hỏi", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Thêm câu hỏi" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Nhập từ tệp" })).toHaveCount(0);
  await page.getByRole("table").last().getByRole("link").first().click();
  await expect(page.getByText("Bạn chỉ có quyền xem câu hỏi này.")).toBeVisible();
  await expect(page.getByLabel("Nội dung câu hỏi")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Lưu câu hỏi" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ngừng dùng" })).toHaveCount(0);

  const csrf = await page.locator('input[name="csrf"]').first().getAttribute("value");
  const post = await page.request.post(page.url(), { form: { csrf: csrf ?? "", intent: "retire" } });
  expect(post.status()).toBe(403);
  expect((await page.request.get("/console/questions/import")).status()).toBe(403);
});
