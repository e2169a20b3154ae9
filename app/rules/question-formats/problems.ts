/**
 * Every problem code the question formats can report. A rule returns the code and its values; the page,
 * the command line and the export put it into words (`describeProblem` in app/i18n/problems.ts). Each code
 * has a text under `bank.problem.<code>` in both catalogues (checked by app/i18n/problems.test.ts).
 */
import type { Problem } from "../question";

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
