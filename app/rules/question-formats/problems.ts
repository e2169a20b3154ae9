/**
 * Every problem code the question formats can report, and how one is rendered for a reader.
 * Each code has a text under `bank.problem.<code>` in both catalogues (checked by problems.test.ts).
 */
import type { Problem } from "../question";
import { translateDynamic, type Lang } from "../../i18n";

/** Codes produced by `questionProblems` in app/rules/question.ts. */
export const QUESTION_RULE_CODES = [
  "missingText",
  "tooFewOptions",
  "tooManyOptions",
  "emptyOption",
  "duplicateOption",
  "missingCorrect",
  "correctOutOfRange",
  "duplicateCorrect",
  "singleHasSeveral",
  "multipleHasOne",
  "trueFalseOptions",
  "missingExplanation",
  "missingSource",
  "badValidDate",
  "validUntilNotAfterFrom",
  "badExclusionGroup",
] as const;

/** Codes about one question (a row, a block, a bank entry). */
export const ROW_CODES = [
  ...QUESTION_RULE_CODES,
  "missingTopic",
  "missingDifficulty",
  "unknownDifficulty",
  "missingType",
  "unknownType",
  "badCorrectLetter",
  "optionGap",
  "topicTooLong",
  "textTooLong",
  "optionTooLong",
  "explanationTooLong",
  "sourceTooLong",
  "tagTooLong",
  "tooManyTags",
  "formulaWithoutResult",
  "mergedCells",
  "giftUnclosedBrace",
  "giftNoAnswers",
  "giftUnsupportedQuestion",
  "giftPartialCredit",
  "giftBadMeta",
  "aikenOptionOrder",
  "aikenBadLine",
  "bankMissingField",
  "bankInvalidField",
  "bankUnknownField",
  "bankBadKey",
  "bankDuplicateKey",
  "bankKeyUsedElsewhere",
  "duplicateInFile",
  "duplicateOfLine",
  "duplicateExisting",
  "basisSuperseded",
] as const;

/** Item-writing warnings (app/rules/item-writing.ts): reported, never blocking. */
export const WARNING_CODES = [
  "keyMuchLonger",
  "absoluteOnlyInDistractors",
  "leakPair",
  "nearDuplicateStem",
  "keyLongestShareHigh",
  "trueFalseImbalance",
  "multipleOneWrongHigh",
] as const;

/** Codes about the file as a whole. */
export const FILE_CODES = [
  "fileEmpty",
  "fileTooLarge",
  "noQuestions",
  "notAWorkbook",
  "oldExcelFormat",
  "workbookTooLarge",
  "tooManyRows",
  "workbookUnreadable",
  "noSheet",
  "wrongHeader",
  "notTextFile",
  "notUtf8",
  "csvMalformed",
  "notJson",
  "bankNotObject",
  "bankMissingTopic",
  "unsupportedFormat",
  "fileUnreadable",
  "supersededNotObject",
  "supersededBadEntry",
] as const;

/** Codes of Word files and pictures (issue 15); their texts are in the `media` catalogue area. */
export const MEDIA_ROW_CODES = [
  "wordNoKey",
  "pictureNoAlt",
  "tooManyPictures",
  "pictureNotFound",
  "pictureUnreadable",
  "pictureTooLarge",
] as const;
export const MEDIA_FILE_CODES = [
  "wordOldFormat",
  "wordMacros",
  "wordIsWorkbook",
  "notAWordDocument",
  "zipNoWorkbook",
] as const;

export const PROBLEM_CODES = [
  ...ROW_CODES,
  ...FILE_CODES,
  ...WARNING_CODES,
  ...MEDIA_ROW_CODES,
  ...MEDIA_FILE_CODES,
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export function problem(code: ProblemCode, params?: Problem["params"]): Problem {
  return params ? { code, params } : { code };
}

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
