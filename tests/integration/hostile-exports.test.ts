/**
 * Exports by role (issue 10, finding 7): a judge may not read /console/audit, so the contest workbook a
 * judge downloads carries no audit log sheet; the admin's (and the operator's at the server) does.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { exportResults } from "#server/results/export";
import { contestFixture } from "./contest-fixture";

async function sheetNames(body: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(body).buffer);
  return workbook.worksheets.map((s) => s.name);
}

describe("exports by role", () => {
  it("the contest workbook carries the audit log only for those who may read it", async () => {
    const f = await contestFixture();
    const target = { contestId: f.seed.contestId };
    const judge = await exportResults(f.services, {
      target,
      format: "xlsx",
      actorUserId: null,
      via: "web",
      withAuditLog: false,
    });
    const admin = await exportResults(f.services, {
      target,
      format: "xlsx",
      actorUserId: null,
      via: "web",
      withAuditLog: true,
    });
    const operator = await exportResults(f.services, {
      target,
      format: "xlsx",
      actorUserId: null,
      via: "cli",
    });
    const judgeSheets = await sheetNames(judge!.body);
    const adminSheets = await sheetNames(admin!.body);
    expect(adminSheets).toContain("Nhật ký thao tác");
    expect(await sheetNames(operator!.body)).toContain("Nhật ký thao tác");
    expect(judgeSheets).not.toContain("Nhật ký thao tác");
    expect(judgeSheets).toEqual(adminSheets.filter((name) => name !== "Nhật ký thao tác"));
  });
});
