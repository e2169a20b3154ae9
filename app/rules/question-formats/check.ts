/**
 * `questions:check` without the file system: files in, findings and counts out.
 * The script reads the files; this decides what is wrong with them, so it is tested like any rule.
 *
 * A finding is a code with its values and where it is (`FILE`, `ROW`); the command line puts it into
 * words (`describeCheckReport` in app/i18n/problems.ts): every problem as `FILE:ROW: message`, every
 * warning as `FILE:ROW: warning: message` (the form editors and CI annotate; issue 12). Only errors count
 * in the summary. `superseded.json` is the bank's table of superseded documents, not a topic: it is read as
 * such and flags questions whose basis was replaced while they still claim to be valid.
 */
import {
  bankFindings,
  questionWarnings,
  type BankFigures,
  type BankFindings,
  type BankItem,
} from "../item-writing";
import type { Problem } from "../question";
import { parseSuperseded, SUPERSEDED_FILE, supersededProblems, type SupersededDocument } from "../superseded";
import { tidy } from "../text";
import { decodeText } from "./bytes";
import type { ParseOptions } from "./draft-row";
import { detectFormat, findDuplicates, parseQuestionFile, type DuplicateCandidate } from "./index";
import { problem } from "./problems";

export interface CheckFile {
  /** As the reader should see it, e.g. "kinh-te-so.json". */
  name: string;
  bytes: Uint8Array;
}

/** One problem or warning, where it is: printed "kinh-te-so.json:27: chưa có đáp án đúng". */
export interface CheckFinding {
  file: string;
  line: number;
  warning: boolean;
  /** Without its `line`: the finding carries the row. */
  problem: Problem;
}

export interface CheckReport {
  /** In the order they are printed. */
  findings: CheckFinding[];
  /** The bank's item-writing figures, its warnings and suggested exclusion groups, printed before the summary. */
  figures: BankFigures;
  bankWarnings: Problem[];
  suggestedGroups: BankFindings["suggestedGroups"];
  questions: number;
  topics: number;
  errors: number;
  warnings: number;
  /** `N questions, T topics, K errors`: a fixed English line other tools read. */
  summary: string;
}

/** Whether a file is the superseded-documents table rather than a topic. */
export function isSupersededFile(name: string): boolean {
  return name.replace(/\\/g, "/").split("/").pop() === SUPERSEDED_FILE;
}

export async function checkQuestionFiles(
  files: readonly CheckFile[],
  options: ParseOptions = {},
): Promise<CheckReport> {
  const findings: CheckFinding[] = [];
  const topics = new Set<string>();
  const candidates: (DuplicateCandidate & { file: string })[] = [];
  const items: (BankItem & { file: string; line: number })[] = [];
  const keys = new Map<string, string>();
  let questions = 0;
  let errors = 0;
  let warnings = 0;

  const record = (file: string, line: number | undefined, p: Problem, warning: boolean) => {
    const { line: own, ...rest } = p;
    findings.push({ file, line: line ?? own ?? 1, warning, problem: rest });
  };
  const error = (file: string, line: number | undefined, p: Problem) => {
    errors++;
    record(file, line, p, false);
  };
  const warn = (file: string, line: number | undefined, p: Problem) => {
    warnings++;
    record(file, line, p, true);
  };

  // The superseded table first, so that every question can be held against it.
  const superseded: SupersededDocument[] = [];
  for (const file of files.filter((f) => isSupersededFile(f.name))) {
    const decoded = decodeText(file.bytes, "JSON");
    if ("problem" in decoded) {
      error(file.name, 1, decoded.problem);
      continue;
    }
    const parsed = parseSuperseded(decoded.text);
    superseded.push(...parsed.documents);
    for (const p of parsed.problems) error(file.name, p.line, p);
  }

  for (const file of files) {
    if (isSupersededFile(file.name)) continue;
    const format = detectFormat(file.name, file.bytes);
    if (!format) {
      error(file.name, 1, problem("unsupportedFormat"));
      continue;
    }
    const parsed = await parseQuestionFile(format, file.bytes, options);
    for (const p of parsed.fileProblems) error(file.name, p.line, p);
    for (const row of parsed.rows) {
      questions++;
      for (const p of row.problems) error(file.name, row.line, p);
      for (const p of row.warnings ?? []) warn(file.name, row.line, p);
      if (row.key !== undefined && !row.key.startsWith("#")) {
        const elsewhere = keys.get(row.key);
        if (elsewhere !== undefined && elsewhere !== file.name)
          error(file.name, row.line, problem("bankKeyUsedElsewhere", { key: row.key, other: elsewhere }));
        else if (elsewhere === undefined) keys.set(row.key, file.name);
      }
      if (row.draft) {
        if (row.draft.topic !== "") topics.add(tidy(row.draft.topic));
        for (const p of supersededProblems(row.draft, superseded)) error(file.name, row.line, p);
        for (const p of questionWarnings(row.draft)) warn(file.name, row.line, p);
        const ref = row.key !== undefined && !row.key.startsWith("#") ? row.key : `${file.name}:${row.line}`;
        candidates.push({ text: row.draft.text, line: row.line, file: file.name, ref });
        items.push({ ref, draft: row.draft, file: file.name, line: row.line });
      }
    }
  }

  findDuplicates(candidates).forEach((found, i) => {
    const c = candidates[i];
    if (c) for (const p of found) error(c.file, c.line, p);
  });

  const bank = bankFindings(items);
  bank.perItem.forEach((found, i) => {
    const item = items[i];
    if (item) for (const p of found) warn(item.file, item.line, p);
  });

  return {
    findings,
    figures: bank.figures,
    bankWarnings: bank.bankWarnings,
    suggestedGroups: bank.suggestedGroups,
    questions,
    topics: topics.size,
    errors,
    warnings,
    summary: `${questions} questions, ${topics.size} topics, ${errors} errors`,
  };
}
