import { describe, expect, it } from "vitest";
import { formatDateTimeIn } from "~/i18n/dates";
import { auditEntryWords, auditSummary } from "./audit-words";

describe("the audit log in words", () => {
  it("names each action in the page's language", () => {
    const entry = { action: "contestant.register", entity: "contestant", details: "{}" };
    expect(auditEntryWords("vi", entry)).toEqual({
      action: "Thí sinh đăng ký",
      entity: "Thí sinh",
      summary: "",
    });
    expect(auditEntryWords("en", entry).action).toBe("Contestant registered");
    expect(auditEntryWords("vi", { ...entry, action: "results.export" }).action).toBe("Xuất kết quả");
    expect(auditEntryWords("vi", { ...entry, action: "live.next" }).action).toBe("Chung kết: câu tiếp theo");
  });

  it("shows a code the catalogue does not know as itself", () => {
    expect(auditEntryWords("vi", { action: "x.new", entity: "thing", details: "{}" })).toMatchObject({
      action: "x.new",
      entity: "thing",
    });
  });

  it("reads the details as a short phrase, not JSON", () => {
    const exported = JSON.stringify({ format: "csv", via: "web", official: true, rows: 1234 });
    expect(auditSummary("vi", exported)).toBe("CSV; kết quả chính thức; 1.234 dòng");
    expect(auditSummary("en", exported)).toBe("CSV; official results; 1,234 rows");
    expect(auditSummary("vi", JSON.stringify({ title: "Đợt 1", attempts: 4, rehearsal: true }))).toBe(
      "tên: Đợt 1; 4 bài thi; thi thử của ban tổ chức",
    );
    expect(auditSummary("vi", JSON.stringify({ from: "Khối Đoàn", to: "Khối Đoàn thanh niên" }))).toBe(
      "Khối Đoàn → Khối Đoàn thanh niên",
    );
    expect(auditSummary("vi", JSON.stringify({ changed: ["title", "opensAt"] }))).toBe(
      "đã đổi: Tên đợt thi, Thời gian mở",
    );
    expect(auditSummary("vi", JSON.stringify({ screen: "ab12cd34", view: "winners", rehearsal: true }))).toBe(
      "hiển thị: Người đoạt giải; thi thử của ban tổ chức",
    );
    expect(auditSummary("en", JSON.stringify({ username: "thuky", role: "judge" }))).toBe(
      "user name: thuky; role: Judge / secretary",
    );
  });

  it("writes stored times as dates of the page's language, on Vietnam's clock", () => {
    const at = "2026-11-27T01:00:00.000Z";
    expect(auditSummary("vi", JSON.stringify({ opensAt: at }))).toBe("mở: 08:00 ngày 27/11/2026");
    expect(auditSummary("en", JSON.stringify({ opensAt: at }))).toBe("opens: 27 Nov 2026, 08:00");
    expect(formatDateTimeIn("en", new Date(at))).toBe("27 Nov 2026, 08:00");
  });

  it("shows unreadable details as they are rather than nothing", () => {
    expect(auditSummary("vi", "not json")).toBe("not json");
    expect(auditSummary("vi", "[1,2]")).toBe("");
  });
});
