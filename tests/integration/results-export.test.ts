/**
 * The results export, read back and checked against the database. The round is built through the
 * service functions (start, answer, predict, submit, close) — the same code path the simulation
 * script drives over HTTP and Socket.IO.
 */
import { translate } from "~/i18n";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { listItems } from "#db/repos/attempts";
import { listOfficialRanking } from "#db/repos/rankings";
import { findRoundSettings } from "#db/repos/rounds";
import { savePictures } from "#db/repos/question-pictures";
import { answerQuestion, predict, startRoundAttempt, submitAttempt } from "#server/contest/attempts";
import { closeRound } from "#server/contest/ranking";
import { exportResults } from "#server/results/export";
import { HEADER_ROW, FIRST_DATA_ROW } from "#server/results/workbook";
import { participationRate } from "~/rules/prizes";
import { contestFixture, type ContestFixture } from "./contest-fixture";

async function takeRound(
  f: ContestFixture,
  userId: number,
  right: number,
  minutes: number,
  prediction: number | null,
) {
  const started = await startRoundAttempt(f.services, { userId, roundId: f.seed.openRoundId });
  if (!started.ok) throw new Error(`start failed: ${started.code}`);
  const items = await listItems(f.services.db, started.attemptId);
  for (const [i, item] of items.entries()) {
    const wrong = item.options.findIndex((_, o) => !item.correct.includes(o));
    const chosen = i < right ? item.correct : i === right ? [wrong] : null;
    if (chosen === null) continue;
    await answerQuestion(f.services, {
      userId,
      attemptId: started.attemptId,
      position: item.position,
      chosen: chosen.map((c) => item.optionOrder.indexOf(c)),
    });
  }
  if (prediction !== null) await predict(f.services, { userId, attemptId: started.attemptId, prediction });
  const start = f.clock.now().getTime();
  f.clock.advance(minutes * 60_000);
  await submitAttempt(f.services, { attemptId: started.attemptId, reason: "manual", userId });
  f.clock.set(new Date(start + 1_000));
  return started.attemptId;
}

const FORMULA_NAMES = ['=HYPERLINK("http://x","Bấm")', "+84 Lê Văn Tám", "-Phạm Thị Chín", "@Đỗ Văn Mười"];

async function buildRound(f: ContestFixture) {
  const people = [
    ["Nguyễn Văn An", 20, 5, 3],
    ["Trần Thị Bình", 20, 9, 2],
    ["Lê Văn Cường", 15, 8, 3],
    ["Phạm Thị Dung", 15, 4, 40],
    ["Hoàng Văn Em", 15, 2, null],
    ["Võ Thị Giang", 3, 1, 2],
    [FORMULA_NAMES[0], 12, 6, 1],
    [FORMULA_NAMES[1], 11, 6, 5],
    [FORMULA_NAMES[2], 10, 7, 2],
    [FORMULA_NAMES[3], 9, 3, 0],
    ["Bùi Thị Hạnh", 8, 10, 2],
    ["Đặng Văn Ích", 7, 12, 2],
    ["Ngô Thị Kim", 6, 11, 1],
  ] as const;
  for (const [name, right, minutes, prediction] of people) {
    const { userId } = await f.addContestant(name);
    await takeRound(f, userId, right, minutes, prediction);
  }
}

async function readWorkbook(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body.slice().buffer as ArrayBuffer);
  return workbook;
}

function table(sheet: ExcelJS.Worksheet): { header: string[]; rows: Record<string, unknown>[] } {
  const header = (sheet.getRow(HEADER_ROW).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let n = FIRST_DATA_ROW; n <= sheet.rowCount; n++) {
    const values = sheet.getRow(n).values as unknown[];
    if (!values || values.length === 0) continue;
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i + 1] ?? null])));
  }
  return { header, rows };
}

const RANKING_HEADER = [
  "Hạng",
  "Họ và tên",
  "Ngày sinh",
  "Giới tính",
  "Số điện thoại",
  "Đơn vị",
  "Đối tượng",
  "Điểm",
  "Số câu đúng",
  "Thời gian làm bài (giây)",
  "Dự đoán",
  "Chênh lệch dự đoán",
  "Thời điểm nộp",
  "Giải",
];

describe("the results export of a round", () => {
  it("matches the database on every sheet once the round is ranked", async () => {
    const f = await contestFixture();
    await buildRound(f);
    await closeRound(f.services, { roundId: f.seed.openRoundId, actorUserId: null });
    const { db } = f.services;
    // One drawn question carries a picture (issue 15): the question sheet names it.
    const pictured = await db
      .selectFrom("attempt_items")
      .innerJoin("attempts", "attempts.id", "attempt_items.attempt_id")
      .select("attempt_items.question_version_id")
      .where("attempts.round_id", "=", f.seed.openRoundId)
      .orderBy("attempt_items.question_version_id")
      .executeTakeFirstOrThrow();
    await savePictures(
      db,
      pictured.question_version_id,
      [
        {
          slot: "question",
          picture: {
            fileName: "man-hinh-vneid.webp",
            mime: "image/webp",
            width: 10,
            height: 10,
            alt: "Màn hình VNeID",
            sha256: "0".repeat(64),
            bytes: new Uint8Array([1, 2, 3]),
          },
        },
      ],
      new Date(),
    );
    const file = await exportResults(f.services, {
      target: { roundId: f.seed.openRoundId },
      format: "xlsx",
      actorUserId: null,
      via: "cli",
    });
    expect(file).not.toBeNull();
    const workbook = await readWorkbook(file!.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Xếp hạng",
      "Bài làm",
      "Đơn vị",
      "Câu hỏi",
      "Giải thưởng",
    ]);

    // Xếp hạng: the stored official snapshot, row for row.
    const rankingSheet = workbook.getWorksheet("Xếp hạng")!;
    expect(String(rankingSheet.getCell(1, 1).value)).toMatch(/^Xếp hạng chính thức/);
    expect(rankingSheet.views[0]).toMatchObject({ state: "frozen", ySplit: HEADER_ROW });
    const ranking = table(rankingSheet);
    expect(ranking.header).toEqual(RANKING_HEADER);
    const stored = await listOfficialRanking(db, f.seed.openRoundId);
    expect(stored.length).toBe(13);
    expect(ranking.rows.map((r) => [r["Hạng"], r["Họ và tên"], r["Điểm"], r["Chênh lệch dự đoán"]])).toEqual(
      stored.map((s) => [s.rank, s.full_name, s.score, s.prediction_distance]),
    );
    expect(ranking.rows.map((r) => r["Dự đoán"])).toEqual(stored.map((s) => s.prediction));
    expect(ranking.rows.map((r) => r["Thời gian làm bài (giây)"])).toEqual(
      stored.map((s) => s.duration_ms / 1000),
    );
    const prizeNames = {
      first: "Giải Nhất",
      second: "Giải Nhì",
      third: "Giải Ba",
      consolation: "Giải Khuyến khích",
    };
    expect(ranking.rows.map((r) => r["Giải"])).toEqual(
      stored.map((s) => (s.prize ? prizeNames[s.prize] : null)),
    );
    // Dates are real dates, in Vietnam's time.
    const firstSubmitted = ranking.rows[0]["Thời điểm nộp"] as Date;
    expect(firstSubmitted).toBeInstanceOf(Date);
    expect(firstSubmitted.getTime()).toBe(Date.parse(stored[0].submitted_at) + 7 * 3600_000);
    expect(ranking.rows[0]["Ngày sinh"]).toEqual(new Date(Date.UTC(1990, 0, 1)));

    // Names that look like formulas are text, never formulas.
    for (const name of FORMULA_NAMES) {
      const row = ranking.rows.find((r) => r["Họ và tên"] === name);
      expect(row, name).toBeDefined();
    }
    rankingSheet.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
    );
    expect(file!.body.includes(Buffer.from("<f>"))).toBe(false);

    // Bài làm: one row per contestant and question, right or wrong as stored.
    const answers = table(workbook.getWorksheet("Bài làm")!);
    const items = await db
      .selectFrom("attempt_items")
      .innerJoin("round_rankings", "round_rankings.attempt_id", "attempt_items.attempt_id")
      .select([
        "attempt_items.attempt_id",
        "attempt_items.position",
        "attempt_items.is_correct",
        "attempt_items.chosen",
      ])
      .execute();
    expect(answers.rows.length).toBe(items.length);
    const results = answers.rows.map((r) => r["Kết quả"]);
    expect(results.filter((r) => r === "Đúng").length).toBe(items.filter((i) => i.is_correct === 1).length);
    expect(results.filter((r) => r === "Bỏ trống").length).toBe(
      items.filter((i) => i.chosen === null).length,
    );
    expect(answers.rows.every((r) => /^[A-F]\. /.test(String(r["Đáp án đúng"])))).toBe(true);

    // Đơn vị: participants and participation rates against the expected headcount.
    const units = table(workbook.getWorksheet("Đơn vị")!);
    const perUnit = new Map<string, number>();
    for (const s of stored) perUnit.set(s.unit_name, (perUnit.get(s.unit_name) ?? 0) + 1);
    const unitRows = await db.selectFrom("units").selectAll().where("parent_id", "is", null).execute();
    expect(units.rows.length).toBe(unitRows.length);
    for (const u of unitRows) {
      const row = units.rows.find((r) => r["Đơn vị"] === u.name)!;
      const took = perUnit.get(u.name) ?? 0;
      expect(row["Số tham gia"], u.name).toBe(took);
      const rate = participationRate(took, u.expected_headcount);
      if (rate === null) expect(row["Tỷ lệ tham gia"]).toBeNull();
      else expect(row["Tỷ lệ tham gia"]).toBeCloseTo(rate, 10);
    }
    const participantsInOrder = units.rows.map((r) => Number(r["Số tham gia"]));
    expect(participantsInOrder).toEqual([...participantsInOrder].sort((a, b) => b - a));
    expect(units.rows.map((r) => r["Hạng tập thể"])).toEqual(units.rows.map((_, i) => i + 1));

    // Câu hỏi: every draw counted once; shares between 0 and 1.
    const questions = table(workbook.getWorksheet("Câu hỏi")!);
    const drawn = questions.rows.reduce((sum, r) => sum + Number(r["Số lần được rút"]), 0);
    expect(drawn).toBe(items.length);
    for (const q of questions.rows) {
      const share = Number(q["Tỷ lệ trả lời đúng"]);
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    expect(questions.header).toContain("Độ phân biệt (27% cao – thấp)");
    expect(questions.rows.map((r) => r["Hình"]).filter(Boolean)).toEqual([
      "man-hinh-vneid.webp — Màn hình VNeID",
    ]);

    // Giải thưởng: as many of each prize as the round gives.
    const prizes = table(workbook.getWorksheet("Giải thưởng")!);
    const round = (await findRoundSettings(db, f.seed.openRoundId))!;
    const count = (name: string) => prizes.rows.filter((r) => r["Giải"] === name).length;
    expect(count("Giải Nhất")).toBe(round.prizes.first);
    expect(count("Giải Nhì")).toBe(round.prizes.second);
    expect(count("Giải Ba")).toBe(round.prizes.third);
    expect(count("Giải Khuyến khích")).toBe(round.prizes.consolation);
    expect(prizes.rows.map((r) => r["Họ và tên"])).toEqual(
      stored.filter((s) => s.prize).map((s) => s.full_name),
    );

    const audit = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "results.export")
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].details)).toMatchObject({
      format: "xlsx",
      via: "cli",
      official: true,
      rows: 13,
    });
  });

  it("shows the live ranking before close and says so in its title row", async () => {
    const f = await contestFixture();
    await buildRound(f);
    const file = await exportResults(f.services, {
      target: { roundId: f.seed.openRoundId },
      format: "xlsx",
      actorUserId: null,
      via: "cli",
    });
    const workbook = await readWorkbook(file!.body);
    const sheet = workbook.getWorksheet("Xếp hạng")!;
    expect(String(sheet.getCell(1, 1).value)).toMatch(/^Xếp hạng tạm thời \(đợt thi chưa đóng\)/);
    const rows = table(sheet).rows;
    // Live order: score, then time. The two perfect papers: 5 minutes before 9 minutes.
    expect(rows.slice(0, 2).map((r) => r["Họ và tên"])).toEqual(["Nguyễn Văn An", "Trần Thị Bình"]);
    expect(rows.every((r) => r["Chênh lệch dự đoán"] === null && r["Giải"] === null)).toBe(true);
    expect(table(workbook.getWorksheet("Giải thưởng")!).rows).toEqual([]);
  });

  it("exports a round with no attempts as a valid workbook that says so", async () => {
    const f = await contestFixture();
    const file = await exportResults(f.services, {
      target: { roundId: f.seed.upcomingRoundId },
      format: "xlsx",
      actorUserId: null,
      via: "cli",
    });
    const workbook = await readWorkbook(file!.body);
    expect(workbook.worksheets).toHaveLength(5);
    for (const sheet of workbook.worksheets) {
      expect(table(sheet).rows, sheet.name).toEqual(sheet.name === "Đơn vị" ? expect.any(Array) : []);
    }
    expect(String(workbook.getWorksheet("Xếp hạng")!.getCell(3, 1).value)).toBe(
      "Đợt thi chưa có bài thi nào được nộp.",
    );
    expect(table(workbook.getWorksheet("Xếp hạng")!).header).toEqual(RANKING_HEADER);
  });

  it("writes the ranking CSV for Vietnamese Excel: byte-order mark, `;`, decimal comma, phones as text, formulas defused", async () => {
    const f = await contestFixture();
    await buildRound(f);
    await closeRound(f.services, { roundId: f.seed.openRoundId, actorUserId: null });
    const file = await exportResults(f.services, {
      target: { roundId: f.seed.openRoundId },
      format: "csv",
      actorUserId: null,
      via: "web",
    });
    const text = file!.body.toString("utf8");
    expect(
      text.startsWith("\uFEFFHạng;Họ và tên;Ngày sinh;Giới tính;Số điện thoại;Đơn vị;Đối tượng;Điểm"),
    ).toBe(true);
    const lines = text.split("\r\n").filter((l) => l !== "");
    expect(lines).toHaveLength(14);
    expect(text).toContain(";'+84 Lê Văn Tám;");
    expect(text).toContain(";'-Phạm Thị Chín;");
    expect(text).toContain(";'@Đỗ Văn Mười;");
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""Bấm"")"`);
    // The phone keeps its leading zero (Excel evaluates ="09…" to the text), the duration has a decimal comma.
    expect(text).toMatch(/\n1;Trần Thị Bình;01\/01\/1990;Nam;"=""09\d{8}""";[^;]*;[^;]*;\d+;\d+;\d+,\d{3};/);
    expect(text).not.toMatch(/;\d+\.\d+;/);
  });

  it("exports the whole contest with the overall ranking and the audit log", async () => {
    const f = await contestFixture();
    await buildRound(f);
    await closeRound(f.services, { roundId: f.seed.openRoundId, actorUserId: null });
    const file = await exportResults(f.services, {
      target: { contestId: f.seed.contestId },
      format: "xlsx",
      actorUserId: null,
      via: "cli",
    });
    const workbook = await readWorkbook(file!.body);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      "Xếp hạng chung",
      "Các đợt thi",
      "Xếp hạng",
      "Bài làm",
      "Đơn vị",
      "Câu hỏi",
      "Giải thưởng",
      "Nhật ký thao tác",
    ]);
    const overall = table(workbook.getWorksheet("Xếp hạng chung")!);
    const stored = await listOfficialRanking(f.services.db, f.seed.openRoundId);
    // One round taken: the overall order is score, then time.
    const expected = [...stored].sort((a, b) => b.score - a.score || a.duration_ms - b.duration_ms);
    expect(overall.rows.map((r) => r["Họ và tên"])).toEqual(expected.map((s) => s.full_name));
    const audit = table(workbook.getWorksheet("Nhật ký thao tác")!);
    // In words, as the console's audit page reads, with the codes in their own column.
    expect(audit.rows.map((r) => r["Thao tác"])).toEqual([
      translate("vi", "organizer.audit.action.round.rank"),
      translate("vi", "organizer.audit.action.results.export"),
    ]);
    expect(audit.rows.map((r) => r["Mã thao tác"])).toEqual(["round.rank", "results.export"]);
  });
});
