/** Text normalisation shared by search, duplicate detection and identity checks. */

/** NFC, trimmed, inner runs of white space folded to one space. */
export function tidy(value: string): string {
  return value.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * A key for comparing Vietnamese text regardless of diacritics, case and spacing:
 * "  Chuyển  ĐỔI số " → "chuyen doi so". (đ/Đ are letters of their own, not marks, so they are mapped by hand.)
 */
export function foldForSearch(value: string): string {
  return tidy(value)
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/** Like `foldForSearch`, and also drops punctuation: for "is this the same question?" checks. */
export function foldForDuplicate(value: string): string {
  return foldForSearch(value)
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}
