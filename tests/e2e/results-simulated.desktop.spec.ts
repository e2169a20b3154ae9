import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { participationRate } from "~/rules/prizes";
import { simulate } from "../../scripts/lib/simulation";
import { E2E_ADMIN_PASSWORD } from "./env";
import { createRound, e2eDatabase } from "./fixtures";

const HEADER_ROW = 4;

function table(sheet: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let n = HEADER_ROW + 1; n <= sheet.rowCount; n++) {
    const values = sheet.getRow(n).values as unknown[];
    if (values && values.length > 0)
      rows.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] ?? null])));
  }
  return rows;
}

test("A round taken by the simulation exports to a workbook that matches the database", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const roundId = await createRound({
    title: "Đợt mô phỏng để xuất kết quả",
    durationSeconds: 600,
    closesInMinutes: 60,
  });

  // Contestants register and take the round over HTTP and Socket.IO; the organizer closes and ranks it.
  const result = await simulate({
    baseUrl: baseURL!,
    contestants: 12,
    roundId,
    close: true,
    concurrency: 6,
    thinkMs: 0,
    admin: { login: "admin", password: E2E_ADMIN_PASSWORD },
    log: () => undefined,
  });
  expect(result).toMatchObject({ roundId, registered: 12, submitted: 12, failed: 0, ranked: 12 });

  await page.goto("/login");
  await page.getByLabel("Số điện thoại hoặc tên đăng nhập").fill("admin");
  await page.getByLabel("Mật khẩu").fill(E2E_ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/console$/);
  await page.goto(`/console/results/${roundId}`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Tải Excel (.xlsx)" }).click(),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);

  const db = e2eDatabase();
  try {
    const stored = await db
      .selectFrom("round_rankings")
      .innerJoin("attempts", "attempts.id", "round_rankings.attempt_id")
      .innerJoin("contestants", "contestants.id", "attempts.contestant_id")
      .innerJoin("units", "units.id", "contestants.unit_id")
      .select([
        "round_rankings.rank",
        "round_rankings.score",
        "round_rankings.prediction_distance",
        "round_rankings.prize",
        "attempts.prediction",
        "attempts.correct_count",
        "contestants.full_name",
        "units.name as unit_name",
        "units.parent_id",
      ])
      .where("round_rankings.round_id", "=", roundId)
      .orderBy("round_rankings.rank")
      .execute();
    const perfect = (
      await db
        .selectFrom("rounds")
        .select("perfect_count")
        .where("id", "=", roundId)
        .executeTakeFirstOrThrow()
    ).perfect_count;

    // Xếp hạng: the official order, scores and prediction distances as stored.
    const ranking = table(workbook.getWorksheet("Xếp hạng")!);
    expect(ranking.map((r) => [r["Hạng"], r["Họ và tên"], r["Điểm"], r["Số câu đúng"]])).toEqual(
      stored.map((s) => [s.rank, s.full_name, s.score, s.correct_count]),
    );
    expect(ranking.map((r) => r["Chênh lệch dự đoán"] ?? null)).toEqual(
      stored.map((s) => s.prediction_distance),
    );
    for (const s of stored) {
      if (s.prediction !== null) expect(s.prediction_distance).toBe(Math.abs(s.prediction - perfect!));
    }

    // Bài làm: one row per contestant and question (5 each).
    expect(table(workbook.getWorksheet("Bài làm")!)).toHaveLength(12 * 5);

    // Đơn vị: who took part, and the rate against the expected headcount.
    const units = table(workbook.getWorksheet("Đơn vị")!);
    const topUnits = await db.selectFrom("units").selectAll().where("parent_id", "is", null).execute();
    const names = new Map(topUnits.map((u) => [u.id, u.name]));
    const took = new Map<string, number>();
    for (const s of stored) {
      const top = s.parent_id === null ? s.unit_name : names.get(s.parent_id)!;
      took.set(top, (took.get(top) ?? 0) + 1);
    }
    for (const u of topUnits) {
      const row = units.find((r) => r["Đơn vị"] === u.name)!;
      expect(row["Số tham gia"], u.name).toBe(took.get(u.name) ?? 0);
      const rate = participationRate(took.get(u.name) ?? 0, u.expected_headcount);
      if (rate === null) expect(row["Tỷ lệ tham gia"]).toBeNull();
      else expect(row["Tỷ lệ tham gia"]).toBeCloseTo(rate, 10);
    }

    // Giải thưởng: the round gives one of each prize.
    const prizes = table(workbook.getWorksheet("Giải thưởng")!);
    expect(prizes.map((r) => r["Giải"])).toEqual(["Giải Nhất", "Giải Nhì", "Giải Ba", "Giải Khuyến khích"]);
    expect(prizes.map((r) => r["Họ và tên"])).toEqual(stored.filter((s) => s.prize).map((s) => s.full_name));
  } finally {
    await db.destroy();
  }
});
