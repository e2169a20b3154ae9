/**
 * Hostile files (issue 10, finding 1) against a running server: a zip bomb whose directory hides its
 * entries is refused while /healthz keeps answering and memory stays bounded; a workbook over the row
 * limit is refused, never cut; unit lists go through the same guard.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HEADERS, MAX_QUESTION_ROWS, parseQuestionFile, xlsxTemplate } from "~/rules/question-formats";
import { workbookText } from "~/i18n/workbook";
import { readUnitFile } from "~/rules/unit-list-file.server";
import { hostileServer, type HostileServer } from "./hostile-harness";
import { zeroedCountBomb, workbookEntries, writeZip } from "./hostile-zip";

let server: HostileServer;
beforeAll(async () => {
  server = await hostileServer({ web: false });
});
afterAll(async () => {
  await server?.close();
});

/** Runs `work` while polling /healthz and sampling memory; the slowest health answer and the peak growth. */
async function underWatch<T>(
  work: () => Promise<T>,
): Promise<{ result: T; slowestHealthMs: number; peakGrowthMb: number }> {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let slowest = 0;
  let running = true;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const health = (async () => {
    while (running) {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      slowest = Math.max(slowest, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    const result = await work();
    return { result, slowestHealthMs: slowest, peakGrowthMb: (peak - baseline) / 1024 / 1024 };
  } finally {
    running = false;
    clearInterval(sampler);
    await health;
  }
}

describe("finding 1: a question file cannot take the server down", () => {
  it("a workbook whose directory hides a 400 MB part is refused; /healthz answers within a second and memory stays bounded", async () => {
    const bomb = await zeroedCountBomb(await xlsxTemplate(workbookText("vi")), 400);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const watched = await underWatch(() => parseQuestionFile("xlsx", bomb));
    expect(watched.result.rows).toHaveLength(0);
    expect(watched.result.fileProblems.map((p) => p.code)).toEqual(["workbookTooLarge"]);
    expect(watched.slowestHealthMs).toBeLessThan(1000);
    expect(watched.peakGrowthMb).toBeLessThan(200);
  }, 60_000);

  it("a part whose directory claims a tiny size is measured by what it really inflates to", async () => {
    const entries = await workbookEntries(await xlsxTemplate(workbookText("vi")));
    const { deflatedZeros } = await import("./hostile-zip");
    entries.push({ name: "xl/media/image2.png", method: 8, compressed: await deflatedZeros(200), size: 10 });
    const lying = writeZip(entries, { claimedSize: 10 });
    const watched = await underWatch(() => parseQuestionFile("xlsx", lying));
    expect(watched.result.fileProblems.map((p) => p.code)).toEqual(["workbookTooLarge"]);
    expect(watched.peakGrowthMb).toBeLessThan(200);
  }, 60_000);

  it("a unit list goes through the same guard", async () => {
    const bomb = await zeroedCountBomb(await xlsxTemplate(workbookText("vi")), 300);
    const watched = await underWatch(() => readUnitFile(bomb));
    expect("problem" in watched.result && watched.result.problem.key).toBe(
      "registration.units.import.tooLarge",
    );
    expect(watched.peakGrowthMb).toBeLessThan(200);
  }, 60_000);

  it("a workbook over the row limit is refused with a message, never cut", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Câu hỏi");
    sheet.addRow([...HEADERS]);
    for (let i = 0; i < MAX_QUESTION_ROWS + 50; i++)
      sheet.addRow([
        i + 1,
        "Chủ đề",
        "Dễ",
        "Một đáp án",
        `Câu hỏi số ${i + 1}?`,
        "Có",
        "Không",
        "",
        "",
        "",
        "",
        "A",
      ]);
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const parsed = await parseQuestionFile("xlsx", bytes);
    expect(parsed.rows).toHaveLength(0);
    expect(parsed.fileProblems.map((p) => p.code)).toEqual(["tooManyRows"]);
  }, 60_000);
});
