import type { bankValidity as vi } from "../vi/bank-validity";

export const bankValidity: Record<keyof typeof vi, string> = {
  "bank.problem.badValidDate": "validity date “{value}” is not YYYY-MM-DD (e.g. 2024-07-01)",
  "bank.problem.validUntilNotAfterFrom":
    "valid-until ({until}) must come after valid-from ({from}): the period is [from, until)",
  "bank.problem.badExclusionGroup":
    "exclusion group “{group}” may hold only lower-case letters without accents, digits and dashes",
  "bank.problem.basisSuperseded":
    "basis {document} was replaced by {replacedBy} from {from}, yet the question is still valid after that day: set validUntil to {from} or write a new question on the new document",
  "bank.problem.supersededNotObject":
    "the superseded-documents file must be a JSON object with a “documents” list",
  "bank.problem.supersededBadEntry": "entry {index} of the superseded documents has a wrong “{field}”",
  "bank.problem.keyMuchLonger":
    "[keyMuchLonger] the key is {ratio} times as long as the distractors on average: contestants guess it by its length; write options of similar length",
  "bank.problem.absoluteOnlyInDistractors":
    "[absoluteOnlyInDistractors] only wrong options carry absolute words ({words}): test-wise contestants rule them out without knowing",
  "bank.problem.leakPair":
    "[leakPair] this question's options and those of {other} hold each other's key (“{key}”): put both in one exclusion group so no attempt draws both",
  "bank.problem.nearDuplicateStem":
    "[nearDuplicateStem] the stem nearly repeats {other} ({similarity} alike): the same fact asked twice; drop one or group them",
  "bank.problem.keyLongestShareHigh":
    "[keyLongestShareHigh] the key is the longest option in {share} of single-choice questions (target ≤ 30%): picking the longest wins too often",
  "bank.problem.trueFalseImbalance":
    "[trueFalseImbalance] {share} of true/false questions are keyed “Đúng” (target 40–60%): always answering “Đúng” scores too well",
  "bank.problem.multipleOneWrongHigh":
    "[multipleOneWrongHigh] {share} of multiple-answer questions have exactly one wrong option: contestants need only spot the silliest",
  "bankValidity.round.validOn":
    "Only questions whose key is true on the contest's reference date ({date}) are counted; others are never drawn.",
  "bankValidity.form.validFrom": "True from",
  "bankValidity.form.validUntil": "No longer true from",
  "bankValidity.form.validityHint":
    "Leave empty when the key is always true. “No longer true from” is the first day the key is wrong (e.g. when a new document takes effect); only questions true on the contest's reference date are drawn.",
  "bankValidity.form.basis": "Legal basis (document numbers, comma-separated)",
  "bankValidity.form.exclusionGroups": "Exclusion groups (questions of one group never share an attempt)",
  "bankValidity.form.cues": "Item-writing warnings (the question can still be saved):",
  "bankValidity.expiring.title": "Questions that stop being true in {year}",
  "bankValidity.expiring.hint":
    "From the contest's reference date ({date}) to the end of its year: from the date in the first column the key is wrong and the question is no longer drawn. Write its successor on the new document.",
  "bankValidity.expiring.none": "No question stops being true within the contest's year.",
  "bankValidity.expiring.until": "No longer true from",
  "bankValidity.expiring.question": "Question",
  "bankValidity.expiring.basis": "Basis",
  "bankValidity.import.warningsTitle": "Warnings ({n}): the rows still import",
  "bankValidity.import.warningsHint":
    "A question without explanation or source comes in as a draft; the item-writing warnings (with the rule's name) help fix it before approval.",
  "bankValidity.check.warning": "warning",
  "bankValidity.check.figures": "Item-writing figures of the bank:",
  "bankValidity.check.keyLongest":
    "- key strictly longest: {count}/{of} single-choice questions ({share}; target ≤ 30%)",
  "bankValidity.check.keyedTrue":
    "- keyed “Đúng”: {count}/{of} true/false questions ({share}; target 40–60%)",
  "bankValidity.check.oneWrong":
    "- exactly one wrong option: {count}/{of} multiple-answer questions ({share})",
  "bankValidity.check.leaks": "- leak pairs outside exclusion groups: {outside} ({all} pairs in all)",
  "bankValidity.check.suggest": "Suggested exclusion groups (paste into each question):",
  "bankValidity.check.suggestLine": '- "exclusionGroups": ["{group}"] for {refs}',
  "bankValidity.check.topicFileSkipped": "skipped {file}: it is the superseded-documents table, not a topic",
};
