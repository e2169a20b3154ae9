/**
 * For command-line tools that read an installation (issue 11): they never create an empty database.
 * A missing file means DATABASE_URL points at the wrong place, and the tool says so instead.
 */
import fs from "node:fs";
import type { DatabaseTarget } from "./connection";

export function missingDatabaseMessage(target: DatabaseTarget): string | null {
  // A PostgreSQL database is created by its operator, never by connecting to it.
  if (target.kind !== "sqlite") return null;
  if (target.file === ":memory:" || fs.existsSync(target.file)) return null;
  return `Không tìm thấy cơ sở dữ liệu ${target.file}. Hãy đặt DATABASE_URL tới tệp dữ liệu của hội thi (lệnh này không tạo cơ sở dữ liệu trống).\nNo database at ${target.file}. Set DATABASE_URL to the contest's data file (this command does not create an empty database).`;
}
