import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { kindFromText, parseHeadcount, parseUnitTable } from "./unit-list";
import { readUnitFile } from "./unit-list-file.server";

describe("parseUnitTable", () => {
  it("reads units and sub-units with Vietnamese headers, kinds and headcounts", () => {
    const { rows, problems } = parseUnitTable([
      ["TÊN ĐƠN VỊ", "Thuộc", "Loại", "Số người dự kiến"],
      ["An Vĩnh", "", "Xã", "1.200"],
      ["Thôn Đông", "An Vĩnh", "", "250"],
      ["Trường THCS Lý Sơn", "", "Trường học", ""],
      ["", "", "", ""],
    ]);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, name: "An Vĩnh", parent: null, kind: "area", expected: 1200 },
      { line: 3, name: "Thôn Đông", parent: "An Vĩnh", kind: "village", expected: 250 },
      { line: 4, name: "Trường THCS Lý Sơn", parent: null, kind: "school", expected: null },
    ]);
  });

  it("reports each bad row with its Excel row number", () => {
    const { problems } = parseUnitTable([
      ["ten don vi", "loai", "du kien"],
      ["<script>alert(1)</script>", "", ""],
      ["An Hải", "Hợp tác xã", ""],
      ["An Bình", "", "nhiều"],
      ["An Vĩnh", "", "10"],
      ["an vinh", "", "12"],
    ]);
    expect(problems.map((p) => [p.line, p.key])).toEqual([
      [2, "registration.units.import.nameCharacters"],
      [3, "registration.units.import.kindUnknown"],
      [4, "registration.units.import.expectedInvalid"],
      [6, "registration.units.import.repeated"],
    ]);
  });

  it("refuses a third level and a file without a name column", () => {
    expect(
      parseUnitTable([
        ["Tên đơn vị", "Thuộc"],
        ["An Vĩnh", ""],
        ["Thôn Đông", "An Vĩnh"],
        ["Xóm 1", "Thôn Đông"],
      ]).problems.map((p) => p.key),
    ).toEqual(["registration.units.import.parentIsChild"]);
    expect(parseUnitTable([["Họ tên"], ["x"]]).problems[0].key).toBe(
      "registration.units.import.noNameColumn",
    );
  });

  it("understands kinds and headcounts as organizers write them", () => {
    expect(kindFromText("Thôn")).toBe("village");
    expect(kindFromText("CƠ QUAN")).toBe("agency");
    expect(kindFromText("hội")).toBeNull();
    expect(parseHeadcount("1 200")).toBe(1200);
    expect(parseHeadcount("")).toBeNull();
    expect(parseHeadcount("-3")).toBeNaN();
  });
});

describe("readUnitFile", () => {
  it("reads a CSV with semicolons and a BOM, as Excel saves it in Vietnam", async () => {
    const text = "\uFEFFTên đơn vị;Thuộc;Loại;Số người dự kiến\r\nAn Vĩnh;;Xã;900\r\n";
    const read = await readUnitFile(new TextEncoder().encode(text));
    expect(read).toEqual({
      table: [
        ["Tên đơn vị", "Thuộc", "Loại", "Số người dự kiến"],
        ["An Vĩnh", "", "Xã", "900"],
      ],
    });
  });

  it("reads the first sheet of an Excel workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Đơn vị");
    sheet.addRow(["Tên đơn vị", "Thuộc", "Loại", "Số người dự kiến"]);
    sheet.addRow(["An Hải", null, "Xã", 800]);
    sheet.addRow(["Thôn Tây", "An Hải", "Thôn", 120]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const read = await readUnitFile(bytes);
    if (!("table" in read)) throw new Error("expected a table");
    const { rows, problems } = parseUnitTable(read.table);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.name, r.parent, r.kind, r.expected])).toEqual([
      ["An Hải", null, "area", 800],
      ["Thôn Tây", "An Hải", "village", 120],
    ]);
  });

  it("refuses an old .xls and bytes that are no spreadsheet", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await readUnitFile(ole)).toEqual({
      problem: { line: null, key: "registration.units.import.oldExcel" },
    });
    const binary = new Uint8Array([0, 1, 2, 3, 0, 0, 0]);
    expect(await readUnitFile(binary)).toEqual({
      problem: { line: null, key: "registration.units.import.unreadable" },
    });
  });
});
