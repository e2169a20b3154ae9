/**
 * The words of a question workbook the console or the command line writes (issue 16): the rules lay out
 * the sheets, this gives them their author and guide sheet in the reader's language.
 */
import type { WorkbookText } from "~/rules/question-formats/xlsx";
import { translate, type Lang } from "./index";

const GUIDE_LINES = [
  "bank.template.rows",
  "bank.template.number",
  "bank.template.topic",
  "bank.template.difficulty",
  "bank.template.type",
  "bank.template.text",
  "bank.template.options",
  "bank.template.correct",
  "bank.template.explanation",
  "bank.template.source",
  "bank.template.tags",
  "bank.template.noFormulas",
  "bank.template.upload",
] as const;

export function workbookText(lang: Lang): WorkbookText {
  return {
    // The workbook's author is the contest's name as organizers know it, whatever the guide's language.
    creator: translate("vi", "app.name"),
    guideSheet: translate(lang, "bank.template.sheet"),
    guideTitle: translate(lang, "bank.template.title"),
    guideLines: GUIDE_LINES.map((key) => translate(lang, key)),
  };
}
