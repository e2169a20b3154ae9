/**
 * Hostile zip files for the upload tests and the benchmark: a real workbook with a part added that
 * inflates to far more than the upload, its directory's entry counts zeroed so a guard that trusts
 * them sees nothing to check.
 */
import { createDeflateRaw, deflateRawSync } from "node:zlib";
import JSZip from "jszip";

interface RawEntry {
  name: string;
  method: 0 | 8;
  compressed: Buffer;
  size: number;
}

/** Deflates `megabytes` MB of zeros without holding them: the bomb's payload. */
export async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve) => deflate.on("end", () => resolve()));
  const mb = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(mb)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** A zip of the entries, written by hand so that sizes and counts can lie. CRCs are left 0. */
export function writeZip(
  entries: RawEntry[],
  options: { zeroCounts?: boolean; claimedSize?: number } = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const size = options.claimedSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(e.compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(0, 16);
    central.writeUInt32LE(e.compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = options.zeroCounts ? 0 : entries.length;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a real workbook, re-deflated, ready for `writeZip`. */
export async function workbookEntries(xlsx: Uint8Array): Promise<RawEntry[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const entries: RawEntry[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const data = await file.async("nodebuffer");
    entries.push({ name: file.name, method: 8, compressed: deflateRawSync(data), size: data.length });
  }
  return entries;
}

/**
 * The zip bomb of finding 1: a real workbook plus a picture part of `megabytes` MB of zeros (about
 * a thousandth of that on the wire), with the directory's counts zeroed.
 */
export async function zeroedCountBomb(xlsx: Uint8Array, megabytes = 400): Promise<Buffer> {
  const entries = await workbookEntries(xlsx);
  entries.push({
    name: "xl/media/image1.png",
    method: 8,
    compressed: await deflatedZeros(megabytes),
    size: megabytes * 1024 * 1024,
  });
  return writeZip(entries, { zeroCounts: true });
}
