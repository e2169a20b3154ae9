/**
 * The one guard every uploaded file goes through (question files, unit lists, and later Word files and
 * pictures): its size, and for a zip (.xlsx, .docx) the bytes it really inflates to.
 *
 * A zip's directory can lie: its entry counts can be zeroed and its sizes made up, and libraries that
 * trust it (JSZip, under ExcelJS) then inflate whatever is there. The guard walks the central directory
 * record by record, exactly as JSZip does (by signature, whatever the end record's counts say), refuses
 * a layout JSZip would read differently, and inflates every entry as a stream on the thread pool with a
 * running count of the real output, stopping at the first limit crossed. So what the parser sees later
 * has been measured, memory stays bounded whatever the input, and the event loop is never held up:
 * other users see no stall while a file is refused.
 *
 *   const guarded = await guardUpload(bytes, UPLOAD_LIMITS.questionFile);
 *   if (!guarded.ok) return refuse(guarded.problem); // a code: tooLarge, tooManyEntries, …
 *   // guarded.entries: [{ name, size, compressedSize, data? }] (data only with `keep`)
 *
 * See docs/security.md.
 */
import { createInflateRaw } from "node:zlib";

export interface UploadLimits {
  /** The upload itself. */
  maxBytes: number;
  /** For a zip: entries, inflated bytes of all entries together, of any one entry. */
  maxEntries: number;
  maxInflatedBytes: number;
  maxEntryBytes: number;
  /** An entry above `ratioFloorBytes` may inflate to at most this many times its compressed size. */
  maxRatio: number;
  ratioFloorBytes: number;
}

const MB = 1024 * 1024;

/** The limits of each kind of upload. Parallel work adds its own (Word files, pictures) here. */
export const UPLOAD_LIMITS = {
  /** .xlsx, .csv, GIFT, Aiken, JSON question files: 5,000 rows fit in far less than this. */
  questionFile: {
    maxBytes: 5 * MB,
    maxEntries: 500,
    maxInflatedBytes: 24 * MB,
    maxEntryBytes: 20 * MB,
    maxRatio: 100,
    ratioFloorBytes: MB,
  },
  /** The list of units (communes, agencies): a few hundred rows. */
  unitList: {
    maxBytes: 2 * MB,
    maxEntries: 500,
    maxInflatedBytes: 12 * MB,
    maxEntryBytes: 10 * MB,
    maxRatio: 100,
    ratioFloorBytes: MB,
  },
  /** A Word .docx or a bank export `.zip` with its pictures/ folder (issue 15). */
  questionPackage: {
    maxBytes: 20 * MB,
    maxEntries: 2_000,
    maxInflatedBytes: 100 * MB,
    maxEntryBytes: 20 * MB,
    maxRatio: 200,
    ratioFloorBytes: MB,
  },
  /** One picture of a question (PNG, JPEG, WebP); re-encoded after this check. Not a zip. */
  picture: {
    maxBytes: 5 * MB,
    maxEntries: 0,
    maxInflatedBytes: 0,
    maxEntryBytes: 0,
    maxRatio: 1,
    ratioFloorBytes: 0,
  },
} as const satisfies Record<string, UploadLimits>;

export type UploadProblem =
  /** The upload is over `maxBytes`. */
  | "tooLarge"
  /** More entries than `maxEntries`. */
  | "tooManyEntries"
  /** Inflating would pass `maxInflatedBytes` or `maxEntryBytes`. */
  | "inflatesTooMuch"
  /** An entry inflates to more than `maxRatio` times its size. */
  | "ratioTooHigh"
  /** Not a zip, or one that cannot be read safely (zip64, encrypted, inconsistent directory). */
  | "unreadable";

export interface ZipEntry {
  name: string;
  /** Inflated size, counted while inflating (never the directory's claim). */
  size: number;
  compressedSize: number;
  /** The inflated bytes, when the caller asked to keep them. */
  data?: Buffer;
}

export type GuardResult = { ok: true; entries: ZipEntry[] } | { ok: false; problem: UploadProblem };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/**
 * Checks an upload against its limits. A zip is inflated entry by entry with a running count; with
 * `keep`, the inflated bytes of the entries it accepts are returned (all, or those `keep` says yes to).
 * A file that is not a zip passes with no entries when only its size matters (`zip: "optional"`).
 */
export async function guardUpload(
  bytes: Uint8Array,
  limits: UploadLimits,
  options: { zip?: "required" | "optional"; keep?: boolean | ((name: string) => boolean) } = {},
): Promise<GuardResult> {
  if (bytes.byteLength > limits.maxBytes) return { ok: false, problem: "tooLarge" };
  if (!isZip(bytes))
    return options.zip === "optional" ? { ok: true, entries: [] } : { ok: false, problem: "unreadable" };
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const directory = readDirectory(data, limits);
  if ("problem" in directory) return { ok: false, problem: directory.problem };

  let total = 0;
  const entries: ZipEntry[] = [];
  for (const entry of directory.entries) {
    const keep = typeof options.keep === "function" ? options.keep(entry.name) : options.keep === true;
    const body = data.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    let size: number;
    let kept: Buffer | undefined;
    if (entry.method === 0) {
      size = body.length;
      if (keep) kept = Buffer.from(body);
    } else {
      const entryLimit = Math.min(limits.maxEntryBytes, limits.maxInflatedBytes - total);
      const ratioLimit = Math.max(limits.ratioFloorBytes, body.length * limits.maxRatio);
      const inflated = await inflateCounted(body, Math.min(entryLimit, ratioLimit), keep);
      if ("problem" in inflated) {
        if (inflated.problem === "limit")
          return { ok: false, problem: ratioLimit < entryLimit ? "ratioTooHigh" : "inflatesTooMuch" };
        return { ok: false, problem: "unreadable" };
      }
      size = inflated.size;
      kept = inflated.data;
    }
    total += size;
    if (size > limits.maxEntryBytes || total > limits.maxInflatedBytes)
      return { ok: false, problem: "inflatesTooMuch" };
    entries.push({
      name: entry.name,
      size,
      compressedSize: entry.compressedSize,
      ...(kept ? { data: kept } : {}),
    });
  }
  return { ok: true, entries };
}

interface DirectoryEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataStart: number;
}

/** The central directory, walked by signature as JSZip walks it; null counts and sizes are not trusted. */
function readDirectory(
  data: Buffer,
  limits: UploadLimits,
): { entries: DirectoryEntry[] } | { problem: UploadProblem } {
  const unreadable = { problem: "unreadable" as const };
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return unreadable;
  const directorySize = data.readUInt32LE(eocd + 12);
  const directoryOffset = data.readUInt32LE(eocd + 16);
  // Zip64, several disks, or bytes before the zip (JSZip would then shift every offset): refused.
  if (
    data.readUInt16LE(eocd + 8) === 0xffff ||
    data.readUInt16LE(eocd + 10) === 0xffff ||
    directoryOffset === 0xffffffff ||
    data.readUInt16LE(eocd + 4) !== 0 ||
    directoryOffset + directorySize !== eocd
  )
    return unreadable;

  const entries: DirectoryEntry[] = [];
  let offset = directoryOffset;
  while (offset + 46 <= eocd && data.readUInt32LE(offset) === CENTRAL) {
    if (entries.length >= limits.maxEntries) return { problem: "tooManyEntries" };
    const flags = data.readUInt16LE(offset + 8);
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    const name = data.toString("utf8", offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) return unreadable; // encrypted
    if (method !== 0 && method !== 8) return unreadable;
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) return unreadable;
    if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== LOCAL) return unreadable;
    const dataStart =
      localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > data.length) return unreadable;
    entries.push({ name, method, compressedSize, dataStart });
  }
  if (offset !== eocd) return unreadable;
  return { entries };
}

const CHUNK = 64 * 1024;

/** Inflates `body` on the thread pool, counting the output; stops as soon as it passes `limit`. */
function inflateCounted(
  body: Buffer,
  limit: number,
  keep: boolean,
): Promise<{ size: number; data?: Buffer } | { problem: "limit" | "corrupt" }> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    const parts: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (value: { size: number; data?: Buffer } | { problem: "limit" | "corrupt" }) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        parts.length = 0;
        settle({ problem: "limit" });
        inflate.destroy();
        return;
      }
      if (keep) parts.push(chunk);
    });
    inflate.on("error", () => settle({ problem: "corrupt" }));
    inflate.on("end", () => settle(keep ? { size, data: Buffer.concat(parts) } : { size }));
    // Written in pieces so that a stopped stream stops reading its input too.
    let at = 0;
    const pump = () => {
      while (!settled && at < body.length) {
        const piece = body.subarray(at, at + CHUNK);
        at += piece.length;
        if (!inflate.write(piece)) {
          inflate.once("drain", pump);
          return;
        }
      }
      if (!settled && at >= body.length) inflate.end();
    };
    pump();
  });
}
