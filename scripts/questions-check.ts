/**
 * npm run questions:check -- PATH... [--topic=…] [--difficulty=easy|medium|hard] [--strict]
 * Checks question files (.xlsx, .csv, .gift, .aiken, the bank's .json) or folders of them, prints every
 * problem in Vietnamese and ends with `N questions, M topics, K errors`; exits 1 when K > 0.
 * --topic / --difficulty fill what Aiken files cannot say; --strict asks Aiken for explanation and source too.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { checkQuestionFiles, type CheckFile } from "../app/rules/question-formats/check";
import { detectFormat } from "../app/rules/question-formats";
import { DIFFICULTIES, type Difficulty } from "../app/rules/question";

const isDifficulty = (v: string): v is Difficulty => (DIFFICULTIES as readonly string[]).includes(v);

async function collect(target: string): Promise<CheckFile[]> {
  const info = await stat(target);
  if (!info.isDirectory()) return [{ name: target, bytes: await readFile(target) }];
  const files: CheckFile[] = [];
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (detectFormat(entry.name) !== null || entry.name.endsWith(".txt"))
        files.push({ name: path.relative(target, full), bytes: await readFile(full) });
    }
  };
  await walk(target);
  return files;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const targets = args.filter((a) => !a.startsWith("--"));
  const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const difficulty = flag("difficulty");
  if (difficulty !== undefined && !isDifficulty(difficulty)) {
    console.error(`--difficulty: ${DIFFICULTIES.join(" | ")}`);
    return 2;
  }
  if (targets.length === 0) {
    console.error(
      "npm run questions:check -- PATH... [--topic=…] [--difficulty=easy|medium|hard] [--strict]",
    );
    return 2;
  }
  const files: CheckFile[] = [];
  for (const target of targets) {
    try {
      files.push(...(await collect(target)));
    } catch (error) {
      console.error(`${target}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  const topic = flag("topic");
  const report = await checkQuestionFiles(files, {
    defaults: { ...(topic ? { topic } : {}), ...(difficulty ? { difficulty } : {}) },
    ...(args.includes("--strict") ? { strict: true } : {}),
  });
  for (const line of report.lines) console.log(line);
  console.log(report.summary);
  return report.errors > 0 ? 1 : 0;
}

process.exitCode = await main();
