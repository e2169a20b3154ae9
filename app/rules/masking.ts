/**
 * The name shown on public pages (leaderboard, winners page, projector). Decree 13/2023/NĐ-CP asks that
 * public pages show no more personal data than needed, so a contestant is shown by a masked name.
 *
 * Rule: a Vietnamese name is written family name, middle name(s), given name — the given name is the
 * last word and the one that, with the rest, identifies the person. We keep the family and middle
 * names and shorten the given name to its initial with a dot:
 *   "Nguyễn Văn An"  → "Nguyễn Văn A."
 *   "Trần Thị Ánh Ngọc" → "Trần Thị Ánh N."
 *   "Hiền"           → "H."            (a single word is the given name)
 * The text is NFC-normalised and spaces are tidied first, so "  Lê   Bình " gives "Lê B.". The initial
 * is the first letter with its diacritics ("Ánh" → "Á"), upper-cased.
 */
import { tidy } from "./text";

/** The first letter of a word together with any combining marks that follow it. */
function initialOf(word: string): string {
  const first = /^\P{M}\p{M}*/u.exec(word)?.[0] ?? "";
  return first.toLocaleUpperCase("vi").normalize("NFC");
}

export function maskName(fullName: string): string {
  const words = tidy(fullName)
    .split(" ")
    .filter((word) => word !== "");
  if (words.length === 0) return "";
  const given = words[words.length - 1];
  return [...words.slice(0, -1), `${initialOf(given)}.`].join(" ");
}
