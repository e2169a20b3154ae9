/**
 * Reading and writing the few zips this feature needs (a .docx, a bank export `.zip` with its
 * `pictures/` folder), with explicit limits. Every upload passes `guardUpload` first, the one call into
 * the shared upload guard (issue 15 asks for exactly one, so the guard can be swapped in one place);
 * the entries are then read here with a hard cap on each inflated part and on the whole.
 */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import type { Problem } from "../question";
import { guardUpload as guard, UPLOAD_LIMITS } from "../upload-guard";
import { problem } from "./problems";

export interface ZipLimits {
  /** Most entries read (the directory may list more; then the zip is refused). */
  maxEntries: number;
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all wanted entries together may inflate to. */
  maxTotalBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
};

/** The one call into the shared upload guard: counts the real inflated bytes of every part of a zip. */
export async function guardUpload(bytes: Uint8Array): Promise<Problem | null> {
  const guarded = await guard(bytes, UPLOAD_LIMITS.questionPackage);
  if (guarded.ok) return null;
  if (guarded.problem === "tooLarge")
    return problem("fileTooLarge", { maxMb: UPLOAD_LIMITS.questionPackage.maxBytes / 1024 / 1024 });
  return problem(guarded.problem === "unreadable" ? "workbookUnreadable" : "workbookTooLarge");
}

export type ZipReadResult = { entries: Map<string, Buffer> } | { error: "unreadable" | "tooLarge" };

/**
 * The entries whose name `want` accepts, inflated. Names are normalised to forward slashes; an entry
 * whose name climbs out of the archive ("../") or is absolute is skipped.
 */
export function readZipEntries(
  bytes: Uint8Array,
  want: (name: string) => boolean = () => true,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipReadResult {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { error: "unreadable" };
  const count = data.readUInt16LE(eocd + 10);
  let offset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || count > limits.maxEntries) return { error: "tooLarge" };
  const entries = new Map<string, Buffer>();
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50) return { error: "unreadable" };
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const size = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    const name = data
      .subarray(offset + 46, offset + 46 + nameLength)
      .toString("utf8")
      .replace(/\\/g, "/");
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/") || name.startsWith("/") || name.split("/").includes("..") || !want(name)) continue;
    if (size > limits.maxEntryBytes || total + size > limits.maxTotalBytes) return { error: "tooLarge" };
    if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== 0x04034b50)
      return { error: "unreadable" };
    const start =
      localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    const body = data.subarray(start, start + compressedSize);
    if (body.length !== compressedSize) return { error: "unreadable" };
    let content: Buffer;
    if (method === 0) content = Buffer.from(body);
    else if (method === 8) {
      const room = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
      try {
        content = inflateRawSync(body, { maxOutputLength: Math.max(1, room) });
      } catch (error) {
        const tooLarge =
          error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE";
        return { error: tooLarge ? "tooLarge" : "unreadable" };
      }
    } else return { error: "unreadable" };
    total += content.length;
    if (total > limits.maxTotalBytes) return { error: "tooLarge" };
    entries.set(name, content);
  }
  return { entries };
}

/** A plain zip (deflated entries, UTF-8 names), enough for an export a spreadsheet user unpacks. */
export function writeZip(files: readonly { name: string; data: Uint8Array }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, "utf8");
    const raw = Buffer.from(file.data);
    const deflated = deflateRawSync(raw);
    const stored = deflated.length >= raw.length;
    const body = stored ? raw : deflated;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, a fixed time keeps exports reproducible
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
