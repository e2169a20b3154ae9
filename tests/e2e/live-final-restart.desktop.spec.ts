/**
 * The live final when the server dies in the middle of a question (issue 14): the phone and the big
 * screen come back by themselves to the same question with the same deadline, the answer given before
 * the crash is kept, and the host finishes the question. The question has a picture from the bank, so
 * the big screen is also looked at with one, in the question and the reveal, at both hall sizes.
 *
 * The shared server must keep running for the other stories, so this one starts its own server (same
 * build, its own port and data folder), kills it with SIGKILL and starts it again on the same database.
 */
import sharp from "sharp";
import { io } from "socket.io-client";
import { test, type Browser, type Page } from "@playwright/test";
import type { LiveView } from "~/realtime/live-contract";
import { encodePicture } from "#server/media/pictures";
import { confirmImport, previewImport } from "#db/repos/question-imports";
import { wordDocument } from "../../scripts/lib/word-documents";
import { createBoardContestant } from "./board-fixtures";
import { createStaffAccount, e2eDatabase } from "./fixtures";
import * as live from "./live-fixtures";
import { expect } from "./live-fixtures";
import { freePort, startServer } from "./server-process";

const PASSWORD = "mat-khau-chung-ket-2023";
/** Two questions of the bank with pictures: a PC's page (landscape), then a phone's message (portrait). */
const WEB = {
  text: "Trang web trong hình có dấu hiệu lừa đảo nào?",
  alt: "Trang web giả mạo ngân hàng đòi nhập mật khẩu và mã OTP, địa chỉ vietcombank-xacthuc.com",
};
const SMS = {
  text: "Tin nhắn trong hình có phải lừa đảo không?",
  alt: "Tin nhắn báo trúng thưởng 50 triệu đồng kèm đường dẫn lạ bit.ly/nhan-qua-tet",
};

/** A screenshot of a fake bank page, landscape as a PC's screen is, with text the hall must read. */
async function phishingPage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" font-family="sans-serif">
    <rect width="1600" height="900" fill="#f1f5f9"/>
    <rect width="1600" height="70" fill="#e2e8f0"/>
    <rect x="30" y="14" width="1100" height="42" rx="21" fill="#fff"/>
    <text x="60" y="45" font-size="28" fill="#b91c1c">⚠ http://vietcombank-xacthuc.com/dang-nhap</text>
    <rect y="70" width="1600" height="110" fill="#166534"/>
    <text x="60" y="142" font-size="48" font-weight="bold" fill="#fff">NGÂN HÀNG TMCP NGOẠI THƯƠNG</text>
    <text x="800" y="290" font-size="52" text-anchor="middle" fill="#0f172a">Tài khoản của quý khách sắp bị khóa!</text>
    <text x="800" y="360" font-size="36" text-anchor="middle" fill="#334155">Vui lòng xác thực trong 24 giờ để tránh gián đoạn.</text>
    <rect x="450" y="420" width="700" height="70" rx="8" fill="#fff" stroke="#94a3b8" stroke-width="3"/>
    <text x="480" y="467" font-size="32" fill="#64748b">Tên đăng nhập</text>
    <rect x="450" y="510" width="700" height="70" rx="8" fill="#fff" stroke="#94a3b8" stroke-width="3"/>
    <text x="480" y="557" font-size="32" fill="#64748b">Mật khẩu</text>
    <rect x="450" y="600" width="700" height="70" rx="8" fill="#fff" stroke="#94a3b8" stroke-width="3"/>
    <text x="480" y="647" font-size="32" fill="#64748b">Mã OTP vừa nhận</text>
    <rect x="450" y="700" width="700" height="80" rx="8" fill="#166534"/>
    <text x="800" y="754" font-size="38" text-anchor="middle" font-weight="bold" fill="#fff">XÁC THỰC NGAY</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A phone's screenshot of a text message, portrait. */
async function scamMessage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="1600" font-family="sans-serif">
    <rect width="900" height="1600" fill="#ffffff"/>
    <rect width="900" height="160" fill="#f1f5f9"/>
    <text x="450" y="105" font-size="52" text-anchor="middle" fill="#0f172a">Tin nhắn · 8088</text>
    <rect x="50" y="260" width="760" height="560" rx="40" fill="#e2e8f0"/>
    <text x="90" y="350" font-size="46" fill="#0f172a">[TB] Chúc mừng quý khách</text>
    <text x="90" y="420" font-size="46" fill="#0f172a">đã trúng thưởng</text>
    <text x="90" y="490" font-size="46" font-weight="bold" fill="#b91c1c">50.000.000 đồng!</text>
    <text x="90" y="580" font-size="46" fill="#0f172a">Nhận thưởng trong hôm nay</text>
    <text x="90" y="650" font-size="46" fill="#0f172a">tại:</text>
    <text x="90" y="730" font-size="46" fill="#1d4ed8" text-decoration="underline">bit.ly/nhan-qua-tet</text>
    <text x="90" y="900" font-size="36" fill="#64748b">Hôm qua 21:47</text>
    <rect x="40" y="1440" width="820" height="100" rx="50" fill="#f1f5f9"/>
    <text x="100" y="1505" font-size="40" fill="#94a3b8">Tin nhắn văn bản</text>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * Set-up: the organizer's Word file with the two questions and their pictures goes into the bank
 * through the import's own repository (the import page is the word-questions story's subject), approved.
 * Returns how the final's picker names them: imported questions have no key, so "#<id>".
 */
async function bankQuestionsWithPictures(databaseFile: string, organizer: string): Promise<string[]> {
  const docx = await wordDocument([
    { heading: "Phần I. Nhận diện lừa đảo trực tuyến" },
    `Câu 1. ${WEB.text}`,
    { picture: await phishingPage(), alt: WEB.alt },
    "A. _Địa chỉ trang web giả tên ngân hàng và đòi mã OTP_",
    "B. Có biểu tượng và màu sắc của ngân hàng",
    "C. Viết bằng tiếng Việt có dấu",
    "D. Có ô để nhập tên đăng nhập",
    "Giải thích: Ngân hàng không bao giờ đòi mã OTP qua một trang web gửi kèm tin nhắn.",
    "Nguồn: Cẩm nang phòng chống lừa đảo trực tuyến",
    "Mức độ: Dễ",
    `Câu 2. ${SMS.text}`,
    { picture: await scamMessage(), alt: SMS.alt },
    "A. _Có: báo trúng thưởng kèm đường dẫn lạ_",
    "B. Không: tin nhắn đến từ tổng đài 8088",
    "C. Không: có ghi rõ số tiền",
    "Giải thích: Không bấm vào đường dẫn lạ trong tin nhắn báo trúng thưởng.",
    "Nguồn: Cẩm nang phòng chống lừa đảo trực tuyến",
    "Mức độ: Dễ",
  ]);
  const db = e2eDatabase(databaseFile);
  try {
    const user = await db
      .selectFrom("users")
      .select("id")
      .where("username", "=", organizer)
      .executeTakeFirstOrThrow();
    const now = new Date();
    const preview = await previewImport(db, {
      userId: user.id,
      fileName: "cau-hoi-co-hinh.docx",
      bytes: docx,
      now,
      encodePicture,
    });
    expect(preview.rows.flatMap((r) => r.problems)).toEqual([]);
    const done = await confirmImport(db, { token: preview.token!, userId: user.id, approve: true, now });
    if (!done.ok) throw new Error(`import: ${done.reason}`);
    expect(done.questionIds).toHaveLength(2);
    const refs: string[] = [];
    for (const q of [WEB, SMS]) {
      const { id } = await db
        .selectFrom("questions")
        .innerJoin("question_versions", "question_versions.id", "questions.current_version_id")
        .select("questions.id")
        .where("question_versions.text", "=", q.text)
        .executeTakeFirstOrThrow();
      refs.push(`#${id}`);
    }
    return refs;
  } finally {
    await db.destroy();
  }
}

/** What a screen's socket is told on `live:watch`: the deadline the server keeps. */
async function watchView(baseURL: string, roundId: number): Promise<LiveView> {
  const socket = io(baseURL, { transports: ["websocket"], reconnection: false, forceNew: true });
  try {
    return await new Promise<LiveView>((resolve, reject) => {
      socket.once("connect_error", reject);
      socket.emit("live:watch", { roundId }, (ack: { data: LiveView } | { error: { code: string } }) =>
        "data" in ack ? resolve(ack.data) : reject(new Error(`live:watch: ${ack.error.code}`)),
      );
    });
  } finally {
    socket.disconnect();
  }
}

const seconds = async (page: Page) => Number(await page.getByRole("timer").textContent());

/**
 * Where the screen's parts land: the picture, the question, the options (or the reveal's bars) and
 * the countdown must all be inside the viewport, the picture overlapping none of them.
 */
async function screenLayout(screen: Page) {
  return screen.evaluate(() => {
    const box = (selector: string) => {
      const el = document.querySelector(selector);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
    };
    return {
      viewport: { width: innerWidth, height: innerHeight },
      picture: box(".live-picture"),
      question: box(".live-question-text"),
      answers: box(".live-options") ?? box(".live-reveal"),
      timer: box('[role="timer"]'),
    };
  });
}

type Box = { top: number; bottom: number; left: number; right: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** At both hall sizes: nothing cut off, nothing on the picture, the picture big enough to read. */
async function expectScreenReadable(screen: Page, minPictureShare: number) {
  for (const size of live.SCREEN_SIZES) {
    await screen.setViewportSize(size);
    const layout = await screenLayout(screen);
    const { picture, question, answers, timer, viewport } = layout;
    expect(picture && question && answers, JSON.stringify(layout)).toBeTruthy();
    for (const part of [picture!, question!, answers!, ...(timer ? [timer] : [])]) {
      expect(part.bottom, `${size.width}x${size.height}: ${JSON.stringify(layout)}`).toBeLessThanOrEqual(
        viewport.height,
      );
      expect(part.right, `${size.width}x${size.height}: ${JSON.stringify(layout)}`).toBeLessThanOrEqual(
        viewport.width,
      );
    }
    expect(overlap(picture!, answers!), JSON.stringify(layout)).toBe(false);
    expect(overlap(picture!, question!), JSON.stringify(layout)).toBe(false);
    if (timer) expect(overlap(picture!, timer), JSON.stringify(layout)).toBe(false);
    expect(picture!.height / viewport.height, JSON.stringify(layout)).toBeGreaterThanOrEqual(minPictureShare);
  }
  await screen.setViewportSize(live.SCREEN_SIZES[0]);
}

/** The reveal's bars start and end at the same place, whatever the count beside them. */
async function expectBarsAligned(screen: Page) {
  for (const size of live.SCREEN_SIZES) {
    await screen.setViewportSize(size);
    const tracks = await screen
      .locator(".live-bar-track")
      .evaluateAll((els) =>
        els.map(
          (e) =>
            `${Math.round(e.getBoundingClientRect().left)}-${Math.round(e.getBoundingClientRect().right)}`,
        ),
      );
    expect(tracks.length).toBeGreaterThan(1);
    expect(new Set(tracks), `${size.width}x${size.height}: ${tracks.join(" ")}`).toHaveProperty("size", 1);
  }
  await screen.setViewportSize(live.SCREEN_SIZES[0]);
}

async function newPage(browser: Browser, baseURL: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ baseURL, viewport, locale: "vi-VN" });
  return { context, page: await context.newPage() };
}

test("The server restarts in the middle of a question; the phone and the screen come back to the same question with the same deadline and the answer given before the restart is kept", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const server = await startServer({ port: await freePort(), adminPassword: "quan-tri-khoi-dong-lai-2023" });
  const contexts: { close(): Promise<void> }[] = [];
  try {
    const base = server.baseURL;
    const organizer = await createStaffAccount("organizer", PASSWORD, server.databaseFile);
    const player = await createBoardContestant("Nguyễn Thị Lan", server.databaseFile);
    const picked = await bankQuestionsWithPictures(server.databaseFile, organizer);

    const host = await newPage(browser, base, { width: 1366, height: 800 });
    contexts.push(host.context);
    await live.logIn(host.page, organizer, PASSWORD);
    const roundId = await live.createFinal(host.page, {
      title: "Chung kết khởi động lại",
      questions: picked,
      seconds: 60,
    });

    const screen = await newPage(browser, base, live.SCREEN_SIZES[0]);
    contexts.push(screen.context);
    await screen.page.goto(`/screen/live/${roundId}`);
    await expect(screen.page.getByTestId("join-code")).toHaveText(/^[2-9A-Z]{6}$/);
    const mobile = await live.phone(browser, player.cookie);
    contexts.push(mobile.context);
    await mobile.page.goto(`${base}/live/${roundId}`);
    await expect(mobile.page.getByText("Chờ ban tổ chức bắt đầu…")).toBeVisible();
    await expect(screen.page.getByText("1 thí sinh đã vào")).toBeVisible();

    // The question with its picture, 60 seconds; the phone answers right away.
    await host.page.getByRole("button", { name: "Bắt đầu câu 1" }).click();
    await expect(host.page.getByTestId("live-phase")).toHaveText("Đang trả lời");
    const key = await live.keyOf(roundId, 0, server.databaseFile);
    await expect(mobile.page.locator(".live-question-text")).toHaveText(WEB.text);
    await expect(mobile.page.getByRole("img", { name: WEB.alt })).toBeVisible();
    await live.answer(mobile.page, key);
    // The confirmation is seen without scrolling, below the picture and four two-line options.
    await expect(mobile.page.getByText("Đã ghi nhận")).toBeInViewport();
    await expect(screen.page.getByText("1/1 đã trả lời")).toBeVisible();
    await expect(screen.page.getByRole("img", { name: WEB.alt })).toBeVisible();
    await expect
      .poll(() =>
        screen.page.getByRole("img", { name: WEB.alt }).evaluate((img: HTMLImageElement) => img.naturalWidth),
      )
      .toBeGreaterThan(0);
    await live.shoot(screen.page, "picture-question");
    await expectScreenReadable(screen.page, 0.4);
    await mobile.page.screenshot({
      path: test.info().outputPath("live-phone-picture-question-360.png"),
    });

    const before = await watchView(base, roundId);
    expect(before).toMatchObject({ phase: "open", position: 0, answered: 1 });
    expect(Date.parse(before.deadlineAt!) - Date.parse(before.serverNow)).toBeGreaterThan(30_000);
    const shownBefore = await seconds(mobile.page);
    const crashedAt = Date.now();

    // The process dies as in a crash: no goodbye to the sockets. Both pages notice.
    await server.crash();
    await expect(mobile.page.locator('[data-connection="lost"]')).toBeVisible();
    await expect(screen.page.locator('[data-connection="lost"]')).toBeVisible();

    // Started again on the same database and port: everyone reconnects by themselves.
    await server.restart();
    await expect(mobile.page.locator('[data-connection="live"]')).toBeVisible();
    await expect(screen.page.locator('[data-connection="live"]')).toBeVisible();
    const after = await watchView(base, roundId);
    expect(after).toMatchObject({ phase: "open", position: 0, answered: 1, deadlineAt: before.deadlineAt });

    // The phone: the same question, its answer as recorded, the countdown toward the same deadline.
    await expect(mobile.page.locator(".live-question-text")).toHaveText(WEB.text);
    await expect(mobile.page.getByText("Đã ghi nhận")).toBeVisible();
    await expect(live.option(mobile.page, key)).toHaveAttribute("aria-pressed", "true");
    await expect(live.option(mobile.page, key)).toBeDisabled();
    const left = () => Math.ceil((Date.parse(before.deadlineAt!) - Date.now()) / 1000);
    const shownAfter = await seconds(mobile.page);
    expect(Math.abs(shownAfter - left())).toBeLessThanOrEqual(2);
    expect(shownAfter).toBeLessThanOrEqual(shownBefore - Math.floor((Date.now() - crashedAt) / 1000) + 1);
    // The screen: the same question and picture, the same count, the same clock.
    await expect(screen.page.locator(".live-question-text")).toHaveText(WEB.text);
    await expect(screen.page.getByRole("img", { name: WEB.alt })).toBeVisible();
    await expect(screen.page.getByText("1/1 đã trả lời")).toBeVisible();
    expect(Math.abs((await seconds(screen.page)) - left())).toBeLessThanOrEqual(2);
    await mobile.page.screenshot({ path: test.info().outputPath("live-phone-after-restart-360.png") });

    // The host, reconnected too, closes and reveals: the phone gets its result.
    await expect(host.page.getByTestId("live-phase")).toHaveText("Đang trả lời");
    await live.closeQuestion(host.page);
    await host.page.getByRole("button", { name: "Công bố đáp án" }).click();
    await expect(host.page.getByTestId("live-phase")).toHaveText("Đáp án");
    await expect(mobile.page.getByText("Đúng", { exact: true })).toBeVisible();
    await expect(screen.page.locator(".live-bar-key .live-bar-value")).toHaveText("1 (100%)");
    await expect(screen.page.getByRole("img", { name: WEB.alt })).toBeVisible();
    await live.shoot(screen.page, "picture-reveal");
    await expectScreenReadable(screen.page, 0.2);
    await expectBarsAligned(screen.page);
    await mobile.page.screenshot({
      path: test.info().outputPath("live-phone-picture-result-360.png"),
    });

    // The final goes on after the restart: the next question, with a tall phone screenshot.
    await host.page.getByRole("button", { name: "Xem bảng xếp hạng" }).click();
    await host.page.getByRole("button", { name: "Câu tiếp theo" }).click();
    await expect(host.page.getByTestId("live-phase")).toHaveText("Đang trả lời");
    const key2 = await live.keyOf(roundId, 1, server.databaseFile);
    await expect(mobile.page.locator(".live-question-text")).toHaveText(SMS.text);
    await expect(mobile.page.getByRole("img", { name: SMS.alt })).toBeVisible();
    await live.answer(mobile.page, key2);
    await expect(mobile.page.getByText("Đã ghi nhận")).toBeInViewport();
    await expect(screen.page.getByRole("img", { name: SMS.alt })).toBeVisible();
    await expect(screen.page.getByText("1/1 đã trả lời")).toBeVisible();
    await live.shoot(screen.page, "portrait-question");
    await expectScreenReadable(screen.page, 0.4);
    await mobile.page.screenshot({
      path: test.info().outputPath("live-phone-portrait-question-360.png"),
    });
    await live.closeQuestion(host.page);
    await host.page.getByRole("button", { name: "Công bố đáp án" }).click();
    await expect(mobile.page.getByText("Đúng", { exact: true })).toBeVisible();
    await expect(mobile.page.getByText("Tổng: 20 điểm")).toBeVisible();
    await expect(screen.page.locator(".live-bar-key .live-bar-value")).toHaveText("1 (100%)");
    await live.shoot(screen.page, "portrait-reveal");
    await expectScreenReadable(screen.page, 0.2);
    await expectBarsAligned(screen.page);
  } catch (error) {
    await test.info().attach("server output", { body: server.output() });
    throw error;
  } finally {
    for (const c of contexts) await c.close();
    await server.stop({ remove: true });
  }
});
