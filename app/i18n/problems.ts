/**
 * Where the question formats' codes become words (issue 16): a rule returns `{ code, params, line }`,
 * and the page, the command line and the export call these to say it in Vietnamese or English.
 */
import type { Problem } from "~/rules/question";
import type { CheckReport } from "~/rules/question-formats/check";
import { percent } from "~/rules/item-writing";
import { translate, translateDynamic, type Lang, type MessageKey, type Params } from "./index";

/** "chưa có đáp án đúng", or "Dòng 14: chưa có đáp án đúng" when the problem has a line. */
export function describeProblem(lang: Lang, p: Problem): string {
  const message = translateDynamic(lang, `bank.problem.${p.code}`, p.params);
  // A Word question is named as the document names it ("Câu 7"), with a short quote of its text.
  const at = p.params?.["at"];
  if (typeof at === "string")
    return translateDynamic(lang, "media.problem.atQuestion", {
      at,
      quote: String(p.params?.["quote"] ?? ""),
      message,
    });
  return p.line === undefined
    ? message
    : translateDynamic(lang, "bank.problem.atLine", { line: p.line, message });
}

/**
 * What `questions:check` prints before its summary: `FILE:ROW: message` and `FILE:ROW: warning: message`
 * per finding (`lines`), then the bank's item-writing figures and suggested exclusion groups (`figureLines`).
 */
export function describeCheckReport(
  lang: Lang,
  report: CheckReport,
): { lines: string[]; figureLines: string[] } {
  const message = (p: Problem) => describeProblem(lang, { ...p, line: undefined });
  const lines = report.findings.map(
    (f) => `${f.file}:${f.line}: ${f.warning ? "warning: " : ""}${message(f.problem)}`,
  );
  const f = report.figures;
  const t = (key: MessageKey, params?: Params) => translate(lang, key, params);
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
    ...report.bankWarnings.map((p) => `${t("bankValidity.check.warning")}: ${message(p)}`),
  ];
  if (report.suggestedGroups.length > 0) {
    figureLines.push(t("bankValidity.check.suggest"));
    for (const s of report.suggestedGroups)
      figureLines.push(t("bankValidity.check.suggestLine", { group: s.group, refs: s.refs.join(", ") }));
  }
  return { lines, figureLines };
}
