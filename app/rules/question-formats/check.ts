/**
 * `questions:check` without the file system: files in, report lines and counts out.
 * The script reads the files; this decides what is wrong with them, so it is tested like any rule.
 */
import { translate, type Lang } from "../../i18n";
import type { Problem } from "../question";
import { tidy } from "../text";
import { describeProblem, problem } from "./problems";
import { detectFormat, findDuplicates, parseQuestionFile, type DuplicateCandidate } from "./index";
import type { ParseOptions } from "./draft-row";

export interface CheckFile {
  /** As the reader should see it, e.g. "kinh-te-so.json". */
  name: string;
  bytes: Uint8Array;
}

export interface CheckReport {
  /** One per problem, e.g. "kinh-te-so.json, kts-004: chưa có đáp án đúng". */
  lines: string[];
  questions: number;
  topics: number;
  errors: number;
  /** `N questions, M topics, K errors`: a fixed English line other tools read. */
  summary: string;
}

export async function checkQuestionFiles(
  files: readonly CheckFile[],
  options: ParseOptions = {},
  lang: Lang = "vi",
): Promise<CheckReport> {
  const lines: string[] = [];
  const topics = new Set<string>();
  const candidates: (DuplicateCandidate & { file: string })[] = [];
  const keys = new Map<string, string>();
  let questions = 0;

  const say = (file: string, p: Problem, key?: string) => {
    const message = describeProblem(lang, { ...p, line: undefined });
    if (key !== undefined) lines.push(translate(lang, "bank.check.atKey", { file, key, message }));
    else if (p.line !== undefined)
      lines.push(translate(lang, "bank.check.atLine", { file, line: p.line, message }));
    else lines.push(translate(lang, "bank.check.atFile", { file, message }));
  };

  for (const file of files) {
    const format = detectFormat(file.name, file.bytes);
    if (!format) {
      say(file.name, problem("unsupportedFormat"));
      continue;
    }
    const parsed = await parseQuestionFile(format, file.bytes, options);
    for (const p of parsed.fileProblems) say(file.name, p);
    for (const row of parsed.rows) {
      questions++;
      for (const p of row.problems) say(file.name, p, row.key);
      if (row.key !== undefined && !row.key.startsWith("#")) {
        const elsewhere = keys.get(row.key);
        if (elsewhere !== undefined && elsewhere !== file.name)
          say(file.name, problem("bankKeyUsedElsewhere", { key: row.key, other: elsewhere }), row.key);
        else if (elsewhere === undefined) keys.set(row.key, file.name);
      }
      if (row.draft) {
        if (row.draft.topic !== "") topics.add(tidy(row.draft.topic));
        candidates.push({
          text: row.draft.text,
          line: row.line,
          file: file.name,
          ...(row.key !== undefined ? { key: row.key } : {}),
          ref: row.key !== undefined ? `${file.name}, ${row.key}` : `${file.name}:${row.line}`,
        });
      }
    }
  }

  findDuplicates(candidates).forEach((found, i) => {
    const c = candidates[i];
    if (c) for (const p of found) say(c.file, p, c.key);
  });

  const errors = lines.length;
  return {
    lines,
    questions,
    topics: topics.size,
    errors,
    summary: `${questions} questions, ${topics.size} topics, ${errors} errors`,
  };
}
