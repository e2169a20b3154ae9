/**
 * Looking at raw bytes before trusting them: what kind of file this really is, UTF-8 text,
 * Zips (an .xlsx) go through the upload guard, app/rules/upload-guard.ts.
 */
import { UPLOAD_LIMITS } from "../upload-guard";
import type { Problem } from "../question";
import { problem } from "./problems";

/** Over this an upload is refused before it is read (issue 3); the upload guard holds the limits. */
export const MAX_FILE_BYTES = UPLOAD_LIMITS.questionFile.maxBytes;
/** A question file with more rows than this is refused, never cut (issue 10). */
export const MAX_QUESTION_ROWS = 5_000;

export type FileKind = "zip" | "ole" | "pdf" | "text" | "binary";

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

export function sniff(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return "binary";
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > head.length / 100 + 2 ? "binary" : "text";
}

/** UTF-8 text without its byte-order mark, or the problem that makes it unreadable as text. */
export function decodeText(bytes: Uint8Array, formatName: string): { text: string } | { problem: Problem } {
  const kind = sniff(bytes);
  if (kind !== "text") return { problem: problem("notTextFile", { format: formatName }) };
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    return { problem: problem("notUtf8", { format: formatName }) };
  }
}
