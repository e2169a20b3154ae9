import type { bank as vi } from "../vi/bank";

export const bank: Record<keyof typeof vi, string> = {
  "bank.problem.atLine": "Line {line}: {message}",
  "bank.problem.missingText": "the question has no text",
  "bank.problem.tooFewOptions": "at least {min} options are needed",
  "bank.problem.tooManyOptions": "at most {max} options (A to F)",
  "bank.problem.emptyOption": "an option is empty: fill it in or remove it",
  "bank.problem.duplicateOption": "two options are the same: every option must differ",
  "bank.problem.missingCorrect": "no correct answer given",
  "bank.problem.correctOutOfRange": "the correct answer must be one of the filled options ({letters})",
  "bank.problem.duplicateCorrect": "a correct answer is listed twice",
  "bank.problem.singleHasSeveral":
    "a one-answer (or true/false) question must have exactly one correct answer",
  "bank.problem.multipleHasOne":
    'a several-answers question needs at least two correct answers; with one, choose "Một đáp án"',
  "bank.problem.trueFalseOptions": 'a true/false question has exactly two options: A "Đúng", B "Sai"',
  "bank.problem.missingExplanation": "no explanation given",
  "bank.problem.missingSource": "no source given (the document the question is based on)",
  "bank.problem.missingTopic": "no topic given",
  "bank.problem.missingDifficulty": "no difficulty given: choose Dễ, Trung bình or Khó",
  "bank.problem.unknownDifficulty": 'difficulty "{value}" is not valid: choose one of {allowed}',
  "bank.problem.missingType": "no question type given: choose Một đáp án, Nhiều đáp án or Đúng/Sai",
  "bank.problem.unknownType": 'question type "{value}" is not valid: choose one of {allowed}',
  "bank.problem.badCorrectLetter":
    'correct answer "{value}" is not valid: write the option letters ({letters}), separated by commas',
  "bank.problem.optionGap":
    "option {letter} is empty while option {next} is filled: fill the options in order from A",
  "bank.problem.topicTooLong": "the topic is too long (at most {max} characters)",
  "bank.problem.textTooLong": "the question is too long (at most {max} characters)",
  "bank.problem.optionTooLong": "option {letter} is too long (at most {max} characters)",
  "bank.problem.explanationTooLong": "the explanation is too long (at most {max} characters)",
  "bank.problem.sourceTooLong": "the source is too long (at most {max} characters per part)",
  "bank.problem.tagTooLong": "a tag is too long (at most {max} characters)",
  "bank.problem.tooManyTags": "too many tags (at most {max})",
  "bank.problem.formulaWithoutResult":
    "the cell in column {column} is a formula without a result: type the text instead",
  "bank.problem.mergedCells": "merged cells in column {columns}: unmerge them and fill every row",
  "bank.problem.giftUnclosedBrace": "the answers are missing their closing }",
  "bank.problem.giftNoAnswers": "no answer block {…} after the question",
  "bank.problem.giftUnsupportedQuestion":
    "this GIFT question kind is not supported ({kind}): only multiple choice and true/false",
  "bank.problem.giftPartialCredit":
    "option {letter} gives partial credit, which is not supported: make it fully right or wrong",
  "bank.problem.giftBadMeta": "the // @meta comment cannot be read: fix or remove it",
  "bank.problem.aikenOptionOrder": 'options must run A, B, C…: line "{value}" is out of order',
  "bank.problem.aikenBadLine": 'line "{value}" is neither an option (A. …) nor an ANSWER: line',
  "bank.problem.bankMissingField": 'field "{field}" is missing',
  "bank.problem.bankInvalidField": 'field "{field}" is not valid',
  "bank.problem.bankUnknownField": 'field "{field}" is not part of the bank format',
  "bank.problem.bankBadKey": 'key "{key}" is not of the form <topic prefix>-<3 digits>, e.g. kts-004',
  "bank.problem.bankDuplicateKey":
    'key "{key}" is already used by the question on line {other}: every question needs its own key',
  "bank.problem.bankKeyUsedElsewhere":
    'key "{key}" is already used in {other}: keys are unique across the bank',
  "bank.problem.duplicateInFile": "same text as question {other}",
  "bank.problem.duplicateOfLine": "same text as the question on line {other}",
  "bank.problem.duplicateExisting": "same text as a question already in the bank",
  "bank.problem.fileEmpty": "the file is empty",
  "bank.problem.fileTooLarge": "the file is too large (at most {maxMb} MB)",
  "bank.problem.noQuestions": "the file holds no questions",
  "bank.problem.notAWorkbook": "the file is not an Excel workbook (.xlsx)",
  "bank.problem.oldExcelFormat": "old Excel file (.xls): open it in Excel and save it as .xlsx",
  "bank.problem.tooManyRows":
    "the file has more than {max} question rows: split it into smaller files (no row was imported)",
  "bank.problem.workbookTooLarge": "the workbook expands to too much data to be read safely",
  "bank.problem.workbookUnreadable":
    "the workbook is damaged or unreadable: open it and save it again in Excel",
  "bank.problem.noSheet": "the workbook has no sheet",
  "bank.problem.wrongHeader":
    "row 1 is not the template's header: missing column {missing}. The columns, in order: {expected}",
  "bank.problem.notTextFile": "the file is not a {format} text file",
  "bank.problem.notUtf8": "the {format} file is not UTF-8: in Excel use Save As → CSV UTF-8",
  "bank.problem.csvMalformed": "the CSV file is malformed at line {line} (usually a missing closing quote)",
  "bank.problem.notJson": "the file is not valid JSON: {detail}",
  "bank.problem.bankNotObject": 'a bank file must look like { "topic": …, "questions": [ … ] }',
  "bank.problem.bankMissingTopic": 'the bank file has no "topic"',
  "bank.problem.fileUnreadable": "the file cannot be read: check that it is in the format its name says",
  "bank.problem.unsupportedFormat": "unknown file format: use .xlsx, .csv, .gift, .aiken (or .txt) or .json",

  "bank.check.atKey": "{file}, {key}: {message}",
  "bank.check.atLine": "{file}, line {line}: {message}",
  "bank.check.atFile": "{file}: {message}",

  "bank.template.sheet": "Instructions",
  "bank.template.title": "How to fill in the question file",
  "bank.template.rows":
    "Each row of the first sheet is one question. Keep the header (row 1) and the column order; delete the example row before importing.",
  "bank.template.number": "STT: a running number for your convenience, may be empty.",
  "bank.template.topic": "Chủ đề (topic): exactly as in the organizers' topic list.",
  "bank.template.difficulty": "Mức độ (difficulty): Dễ, Trung bình or Khó.",
  "bank.template.type": "Loại (type): Một đáp án, Nhiều đáp án or Đúng/Sai.",
  "bank.template.text": "Câu hỏi: the question, at most 2000 characters.",
  "bank.template.options":
    "A to F: 2 to 6 options, filled in order from column A with no gap. A true/false row may leave A and B empty (Đúng, Sai are filled in).",
  "bank.template.correct":
    "Đáp án đúng: the letter of the right option, e.g. B; several letters separated by commas, e.g. A, C.",
  "bank.template.explanation": "Giải thích: required, shown to contestants after the round.",
  "bank.template.source":
    "Nguồn: required. Document number, title and article separated by a spaced em dash ( — ), e.g. Quyết định 749/QĐ-TTg ngày 03/6/2020 — Phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030 — Điều 1.",
  "bank.template.tags": "Thẻ: optional tags separated by commas.",
  "bank.template.noFormulas": "No formulas, no merged cells. Text starting with =, +, - or @ stays text.",
  "bank.template.upload":
    "Upload the file in Question bank → Import from file: every row's problems are listed to fix; nothing is written until you confirm.",
};
