/** Question files named on a command line: a file, or every question file under a folder. */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { detectFormat } from "~/rules/question-formats";
import type { CheckFile } from "~/rules/question-formats/check";

/** A file, or every question file under a folder; names as the reader gave them, so FILE:ROW opens. */
export async function collectQuestionFiles(target: string): Promise<CheckFile[]> {
  const info = await stat(target);
  if (!info.isDirectory()) return [{ name: target, bytes: await readFile(target) }];
  const files: CheckFile[] = [];
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && !entry.name.startsWith(".")) await walk(full);
      } else if (detectFormat(entry.name) !== null || entry.name.endsWith(".txt"))
        files.push({ name: full, bytes: await readFile(full) });
    }
  };
  await walk(target);
  return files;
}
