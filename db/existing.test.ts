import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { missingDatabaseMessage, openExistingDatabase } from "./existing";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "existing-db-"));

describe("commands that need an existing database", () => {
  it("are told, in Vietnamese then English, that a missing file is not created", () => {
    const file = path.join(tmp(), "khong-co.db");
    const message = missingDatabaseMessage({ kind: "sqlite", file })!;
    expect(message).toMatch(/^Không tìm thấy cơ sở dữ liệu .*khong-co\.db\./);
    expect(message).toContain("không tạo cơ sở dữ liệu trống");
    expect(message).toContain("does not create an empty database");
    expect(fs.existsSync(file)).toBe(false);
  });

  it("say when DATABASE_URL is unset, or name the option that gave the file", () => {
    const file = path.join(tmp(), "contest.db");
    expect(missingDatabaseMessage({ kind: "sqlite", file }, { configured: false })).toContain(
      "DATABASE_URL chưa được đặt",
    );
    expect(missingDatabaseMessage({ kind: "sqlite", file }, { via: "--from" })).toContain("Hãy đặt --from");
  });

  it("refuse a database in memory, which would be empty, and accept an existing file", () => {
    expect(missingDatabaseMessage({ kind: "sqlite", file: ":memory:" })).not.toBeNull();
    const file = path.join(tmp(), "co.db");
    fs.writeFileSync(file, "");
    expect(missingDatabaseMessage({ kind: "sqlite", file })).toBeNull();
  });

  it("open only a file that holds a contest database", async () => {
    const file = path.join(tmp(), "trong.db");
    fs.writeFileSync(file, "");
    const opened = await openExistingDatabase({ kind: "sqlite", file });
    expect("error" in opened && opened.error).toMatch(/chưa phải cơ sở dữ liệu của hội thi/);
    const missing = await openExistingDatabase({ kind: "sqlite", file: path.join(tmp(), "x.db") });
    expect("error" in missing && missing.error).toMatch(/^Không tìm thấy cơ sở dữ liệu/);
  });
});
