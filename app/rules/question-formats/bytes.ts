/**
 * Looking at raw bytes before trusting them: what kind of file this really is, UTF-8 text,
 * and a zip (an .xlsx) that would expand into far more than it claims (a zip bomb).
 */
import { inflateRawSync } from "node:zlib";
import type { Problem } from "../question";
import { problem } from "./problems";

/** Over this an upload is refused before it is read (issue 3). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** What the parts of an .xlsx may expand to, all together. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 10_000;

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

/**
 * Reads the zip's central directory and inflates every part with a hard output limit, so a part that
 * lies about its size is caught before ExcelJS (which trusts the zip) expands it in memory.
 */
export function checkZip(bytes: Uint8Array, limit = MAX_UNZIPPED_BYTES): Problem | null {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unreadable = problem("workbookUnreadable");
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return unreadable;
  const entries = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  if (entries === 0xffff || offset === 0xffffffff || entries > MAX_ZIP_ENTRIES)
    return problem("workbookTooLarge");
  let budget = limit;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50) return unreadable;
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const size = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    offset += 46 + nameLength + extraLength + commentLength;
    if (size === 0xffffffff || compressedSize === 0xffffffff || size > budget)
      return problem("workbookTooLarge");
    if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== 0x04034b50) return unreadable;
    const start =
      localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    const body = data.subarray(start, start + compressedSize);
    if (body.length !== compressedSize) return unreadable;
    if (method === 0) {
      budget -= compressedSize;
    } else if (method === 8) {
      try {
        budget -= inflateRawSync(body, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        return error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE"
          ? problem("workbookTooLarge")
          : unreadable;
      }
    } else return unreadable;
    if (budget < 0) return problem("workbookTooLarge");
  }
  return null;
}
