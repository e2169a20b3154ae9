import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { parseXlsx, xlsxTemplate, TEMPLATE_EXAMPLE } from "~/rules/question-formats/xlsx";
import { HEADERS } from "~/rules/question-formats/table";
import { workbookText } from "./workbook";

describe("the template", () => {
  it("has the header, lists, a frozen header, one example and a guide sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxTemplate(workbookText("vi"))).buffer as ArrayBuffer);
    const [sheet, guide] = workbook.worksheets;
    expect(sheet!.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(sheet!.getRow(1).font?.bold).toBe(true);
    expect(sheet!.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet!.getColumn(5).width).toBeGreaterThan(30);
    expect(sheet!.getCell("C2").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"Dễ,Trung bình,Khó"'],
    });
    expect(sheet!.getCell("D300").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"Một đáp án,Nhiều đáp án,Đúng/Sai"'],
    });
    expect(guide!.name).toBe("Hướng dẫn");
    expect(String(guide!.getCell("A1").value)).toBe("Cách điền tệp câu hỏi");
    expect(guide!.rowCount).toBeGreaterThan(10);
  });

  it("reads back as its one example question, without problems", async () => {
    const parsed = await parseXlsx(await xlsxTemplate(workbookText("vi")));
    expect(parsed.rows).toEqual([{ line: 2, draft: TEMPLATE_EXAMPLE, problems: [] }]);
  });
});
