/**
 * Aiken (https://docs.moodle.org/en/Aiken_format): the question, options `A. …` or `A) …`, then `ANSWER: B`.
 *
 * Aiken carries no topic, difficulty, explanation, source or tags. Import takes the topic and difficulty
 * from `options.defaults` (missing ones are problems, as a question cannot be stored without them), and
 * only reports a missing explanation or source when the caller passes `strict: true` — by default an
 * Aiken import gives drafts to complete in the console before they are approved.
 * Export writes what fits: text (blank lines inside it dropped), options (line breaks become spaces),
 * and the answer. A several-answers question is written `ANSWER: A, C` — read back here, but Moodle would
 * take only the first letter, so export to GIFT for Moodle. A question whose options are exactly Đúng, Sai
 * with one answer reads back as true/false.
 */
import {
  OPTION_LETTERS,
  TRUE_FALSE_OPTIONS,
  type Problem,
  type QuestionDraft,
  type QuestionType,
} from "../question";
import { decodeText } from "./bytes";
import {
  cleanText,
  finishRow,
  parseCorrect,
  type ParseOptions,
  type ParsedFile,
  type ParsedRow,
} from "./draft-row";
import { problem } from "./problems";

const OPTION_LINE = /^([A-Z])[.)][ \t]+(.*)$/;
const ANSWER_LINE = /^ANSWER\s*:\s*(.*)$/i;

interface Pending {
  line: number;
  text: string[];
  options: string[];
  answer: string | null;
  problems: Problem[];
}

function finish(q: Pending, options: ParseOptions): ParsedRow {
  const optionTexts = q.options.map(cleanText);
  const { correct, problems } = parseCorrect(q.answer ?? "", undefined, optionTexts.length);
  const isTrueFalse =
    correct.length === 1 &&
    optionTexts.length === 2 &&
    optionTexts[0] === TRUE_FALSE_OPTIONS[0] &&
    optionTexts[1] === TRUE_FALSE_OPTIONS[1];
  const type: QuestionType = isTrueFalse ? "true_false" : correct.length > 1 ? "multiple" : "single";
  return finishRow(
    {
      line: q.line,
      topic: "",
      difficulty: "",
      type,
      text: cleanText(q.text.join("\n")),
      options: optionTexts,
      correct,
      explanation: "",
      source: { document: "", title: null, article: null },
      tags: [],
      problems: [...q.problems, ...problems],
    },
    options,
    false,
  );
}

export async function parseAiken(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
  if (bytes.length === 0) return { rows: [], fileProblems: [problem("fileEmpty")] };
  const decoded = decodeText(bytes, "Aiken");
  if ("problem" in decoded) return { rows: [], fileProblems: [decoded.problem] };
  const lines = decoded.text.replace(/^\uFEFF/, "").split(/\r\n?|\n/);
  if (lines.every((l) => l.trim() === "")) return { rows: [], fileProblems: [problem("fileEmpty")] };

  const rows: ParsedRow[] = [];
  let q: Pending | null = null;
  let blankBefore = false;
  const close = () => {
    if (q) rows.push(finish(q, options));
    q = null;
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") {
      blankBefore = true;
      return;
    }
    const wasBlank = blankBefore;
    blankBefore = false;
    const option = OPTION_LINE.exec(line);
    const answer = ANSWER_LINE.exec(line);
    if (!q) q = { line: i + 1, text: [], options: [], answer: null, problems: [] };
    if (answer) {
      q.answer = answer[1] ?? "";
      close();
    } else if (option && q.text.length > 0) {
      const expected = String.fromCharCode(65 + q.options.length);
      if (option[1] !== expected) q.problems.push(problem("aikenOptionOrder", { value: line }));
      q.options.push(option[2] ?? "");
    } else if (q.options.length === 0) {
      q.text.push(line);
    } else if (wasBlank) {
      // Options then a new paragraph without ANSWER: the question ended; this one starts.
      close();
      q = { line: i + 1, text: [line], options: [], answer: null, problems: [] };
    } else {
      q.problems.push(problem("aikenBadLine", { value: line }));
    }
  });
  close();
  return { rows, fileProblems: rows.length === 0 ? [problem("noQuestions")] : [] };
}

export function serializeAiken(drafts: readonly QuestionDraft[]): Buffer {
  const out: string[] = [];
  for (const draft of drafts) {
    out.push(
      draft.text
        .replace(/\r\n?/g, "\n")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "")
        .join("\n"),
    );
    draft.options.forEach((o, i) =>
      out.push(`${OPTION_LETTERS[i] ?? "?"}. ${o.replace(/\s*[\r\n]+\s*/g, " ")}`),
    );
    out.push(`ANSWER: ${draft.correct.map((i) => OPTION_LETTERS[i] ?? "?").join(", ")}`, "");
  }
  return Buffer.from(out.join("\n"), "utf8");
}
