/**
 * `questions:check` without the file system: files in, report lines and counts out.
 * The script reads the files; this decides what is wrong with them, so it is tested like any rule.
 *
 * Every problem is printed as `FILE:ROW: message`, and every warning as `FILE:ROW: warning: message`
 * (the form editors and CI annotate; issue 12). Only errors count in the summary. `superseded.json`
 * is the bank's table of superseded documents, not a topic: it is read as such and flags questions whose
 * basis was replaced while they still claim to be valid.
 */
import { translate, type Lang } from "../../i18n";
import { bankFindings, percent, questionWarnings, type BankFigures, type BankItem } from "../item-writing";
import type { Problem } from "../question";
import { parseSuperseded, SUPERSEDED_FILE, supersededProblems, type SupersededDocument } from "../superseded";
import { tidy } from "../text";
import { decodeText } from "./bytes";
import type { ParseOptions } from "./draft-row";
import { detectFormat, findDuplicates, parseQuestionFile, type DuplicateCandidate } from "./index";
import { describeProblem, problem } from "./problems";

export interface CheckFile {
  /** As the reader should see it, e.g. "kinh-te-so.json". */
  name: string;
  bytes: Uint8Array;
}

export interface CheckReport {
  /** One per problem or warning: "kinh-te-so.json:27: chưa có đáp án đúng". */
  lines: string[];
  /** The bank's item-writing figures and suggested exclusion groups, printed before the summary. */
  figureLines: string[];
  figures: BankFigures;
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
  lang: Lang = "vi",
): Promise<CheckReport> {
  const lines: string[] = [];
  const topics = new Set<string>();
  const candidates: (DuplicateCandidate & { file: string })[] = [];
  const items: (BankItem & { file: string; line: number })[] = [];
  const keys = new Map<string, string>();
  let questions = 0;
  let errors = 0;
  let warnings = 0;

  const message = (p: Problem) => describeProblem(lang, { ...p, line: undefined });
  const error = (file: string, line: number | undefined, p: Problem) => {
    errors++;
    lines.push(`${file}:${line ?? p.line ?? 1}: ${message(p)}`);
  };
  const warn = (file: string, line: number | undefined, p: Problem) => {
    warnings++;
    lines.push(`${file}:${line ?? p.line ?? 1}: warning: ${message(p)}`);
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

  const findings = bankFindings(items);
  findings.perItem.forEach((found, i) => {
    const item = items[i];
    if (item) for (const p of found) warn(item.file, item.line, p);
  });

  const f = findings.figures;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(lang, key, params);
  const figureLines = [
    t("bankValidity.check.figures"),
    t("bankValidity.check.keyLongest", {
      count: f.keyLongest,
      of: f.single,
      share: percent(f.single ? f.keyLongest / f.single : 0),
    }),
    t("bankValidity.check.keyedTrue", {
      count: f.keyedTrue,
      of: f.trueFalse,
      share: percent(f.trueFalse ? f.keyedTrue / f.trueFalse : 0),
    }),
    t("bankValidity.check.oneWrong", {
      count: f.oneWrong,
      of: f.multiple,
      share: percent(f.multiple ? f.oneWrong / f.multiple : 0),
    }),
    t("bankValidity.check.leaks", { outside: f.leakPairsOutsideGroups, all: f.leakPairs }),
    ...findings.bankWarnings.map((p) => `${t("bankValidity.check.warning")}: ${message(p)}`),
  ];
  if (findings.suggestedGroups.length > 0) {
    figureLines.push(t("bankValidity.check.suggest"));
    for (const s of findings.suggestedGroups)
      figureLines.push(t("bankValidity.check.suggestLine", { group: s.group, refs: s.refs.join(", ") }));
  }

  return {
    lines,
    figureLines,
    figures: f,
    questions,
    topics: topics.size,
    errors,
    warnings,
    summary: `${questions} questions, ${topics.size} topics, ${errors} errors`,
  };
}
