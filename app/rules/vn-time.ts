/**
 * Vietnam time. Rounds open and close in Asia/Ho_Chi_Minh time (PRODUCT.md), whatever time zone the
 * server or the organizer's PC is set to.
 *
 * Vietnam is UTC+7 all year: no daylight saving since 1975, so the offset is a constant. Arithmetic on
 * that constant gives the same answer on a server with a trimmed ICU as in a browser; the tests check
 * it against Intl's own Asia/Ho_Chi_Minh rules.
 */

export const VN_TIME_ZONE = "Asia/Ho_Chi_Minh";
export const VN_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

interface VnWallClock extends CalendarDate {
  hour: number;
  minute: number;
}

/** The date and time a clock on a wall in Vietnam shows at `date`. */
function vnWallClock(date: Date): VnWallClock {
  const shifted = new Date(date.getTime() + VN_UTC_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** The calendar date in Vietnam at `date` (e.g. to compute an age "today"). */
export function vnCalendarDate(date: Date): CalendarDate {
  const { year, month, day } = vnWallClock(date);
  return { year, month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** "27/11/2026" — day/month/year as Vietnamese documents write dates. */
export function formatVnDate(date: Date): string {
  const { year, month, day } = vnWallClock(date);
  return `${pad(day)}/${pad(month)}/${pad(year, 4)}`;
}

/** "08:00" — 24-hour clock. */
export function formatVnTime(date: Date): string {
  const { hour, minute } = vnWallClock(date);
  return `${pad(hour)}:${pad(minute)}`;
}

/** "08:00 ngày 27/11/2026" — how official notices state a deadline (Vietnamese only). */
export function formatVnDateTime(date: Date): string {
  return `${formatVnTime(date)} ngày ${formatVnDate(date)}`;
}

/** "2026-11-27T08:00": the value an `<input type="datetime-local">` needs to show `date` in Vietnam time. */
export function toVnDateTimeLocal(date: Date): string {
  const { year, month, day, hour, minute } = vnWallClock(date);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}

/** True when year-month-day exists on the calendar (no 31 April, 29 February only in leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2001-02-28" → { year: 2001, month: 2, day: 28 }; null if malformed or not a real date. */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

const DATETIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

/**
 * Reads a `datetime-local` value typed as Vietnam time ("2026-11-27T08:00", seconds optional) and
 * returns the instant (2026-11-27T01:00:00Z). The browser's own time zone plays no part: an organizer
 * abroad still means Vietnam time. Null when the value is malformed or not a real date and time.
 */
export function parseVnDateTimeLocal(value: string): Date | null {
  const match = DATETIME_LOCAL.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day); // setUTCFullYear keeps years 0–99 as written
  utc.setUTCHours(hour, minute, second, 0);
  return new Date(utc.getTime() - VN_UTC_OFFSET_MS);
}

/** Whole years from `birth` to `today`; the birthday itself counts (29 February turns a year on 1 March). */
export function ageOn(birth: CalendarDate, today: CalendarDate): number {
  const hadBirthday = today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
  return today.year - birth.year - (hadBirthday ? 0 : 1);
}
