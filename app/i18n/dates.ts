/**
 * Dates and times in the page's language, always on Vietnam's clock (app/rules/vn-time.ts): Vietnamese
 * pages read "08:00 ngày 27/11/2026", English pages "27 Nov 2026, 08:00". The rules keep their
 * language-free wall-clock arithmetic; the words live here, beside the catalogues.
 */
import { formatVnDate, formatVnDateTime, formatVnTime, vnCalendarDate } from "~/rules/vn-time";
import type { Lang } from "./index";

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "27/11/2026" or "27 Nov 2026". */
export function formatDateIn(lang: Lang, date: Date): string {
  if (lang !== "en") return formatVnDate(date);
  const { year, month, day } = vnCalendarDate(date);
  return `${day} ${EN_MONTHS[month - 1]} ${year}`;
}

/** "08:00 ngày 27/11/2026" or "27 Nov 2026, 08:00" (Vietnam time). */
export function formatDateTimeIn(lang: Lang, date: Date): string {
  return lang === "en" ? `${formatDateIn(lang, date)}, ${formatVnTime(date)}` : formatVnDateTime(date);
}
