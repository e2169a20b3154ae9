/**
 * Moodle GIFT, the multiple-choice and true/false subset (https://docs.moodle.org/en/GIFT_format).
 *
 * - `$CATEGORY: $course$/top/Kinh tế số` sets the topic of the questions after it (the last path part;
 *   "/" inside a name is written "//", as Moodle does).
 * - `::title::` is optional and not kept (a draft has no title); export writes `::Câu n::` so a text can
 *   never start a line with `//` and be taken for a comment.
 * - `{=right ~wrong}` one correct; `{~%50%A ~%50%B ~%-100%C}` several correct (positive weight = correct);
 *   `{T}` `{F}` `{TRUE}` `{FALSE}` true/false; `####text` before `}` is the general feedback = explanation.
 *   Per-answer feedback (`#…`) is read and dropped. Partial credit has no place in a contest: reported.
 * - Escapes `\~ \= \# \{ \} \: \\` and `\n` (a line break), as Moodle writes them.
 * - What GIFT cannot say (difficulty, source, tags) travels in a comment line before the question:
 *   `// @meta {"difficulty":"easy","source":{…},"tags":[…]}`. Moodle ignores comments, so the file still
 *   imports there; reading it here restores the fields. Without it, difficulty and source are missing.
 *   The same comment carries validFrom, validUntil, basis and exclusionGroups when a question has them.
 * - A plain Moodle export has no `@meta` line: a missing explanation or source is then a warning (the
 *   question comes in as a draft), never an error; topic from `$CATEGORY`, difficulty from the form.
 * - `[html]` question text (Moodle's export) is turned into plain text; other format markers are dropped.
 * Rows report the line where the question starts (its title or text, after comments).
 */
import { z } from "zod";
import {
  DIFFICULTIES,
  OPTION_LETTERS,
  TRUE_FALSE_OPTIONS,
  type Problem,
  type QuestionDraft,
  type QuestionType,
} from "../question";
import { decodeText } from "./bytes";
import { cleanText, finishRow, type ParseOptions, type ParsedFile, type ParsedRow } from "./draft-row";
import { problem } from "./problems";

// Escaped characters are swapped for private-use characters while the structure is parsed.
const ESCAPES: [string, string][] = [
  ["\\\\", "\\"],
  ["\\~", "~"],
  ["\\=", "="],
  ["\\#", "#"],
  ["\\{", "{"],
  ["\\}", "}"],
  ["\\:", ":"],
  ["\\n", "\n"],
];
const HOLD = ESCAPES.map((_, i) => String.fromCharCode(0xe000 + i));

function hideEscapes(value: string): string {
  return value.replace(/\\[\\~=#{}:n]/g, (seq) => HOLD[ESCAPES.findIndex(([e]) => e === seq)] ?? seq);
}
function restoreEscapes(value: string): string {
  return value.replace(/[\ue000-\ue007]/g, (ch) => ESCAPES[ch.charCodeAt(0) - 0xe000]?.[1] ?? ch);
}
/** Raw line breaks are layout; escaped ones (`\n`) are content. */
function finalText(value: string, html: boolean): string {
  const text = restoreEscapes(value.replace(/\s*\n\s*/g, " "));
  return cleanText(html ? htmlToText(text) : text);
}

export function escapeGift(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\\~=#{}:]/g, (ch) => `\\${ch}`)
    .replace(/\n/g, "\\n");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code =
          name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\n{2,}/g, "\n");
}

const metaSchema = z
  .object({
    difficulty: z.enum(DIFFICULTIES).optional(),
    source: z
      .object({
        document: z.string(),
        title: z.string().nullable().optional(),
        article: z.string().nullable().optional(),
      })
      .optional(),
    tags: z.array(z.string()).optional(),
    validFrom: z.string().optional(),
    validUntil: z.string().optional(),
    basis: z.array(z.string()).optional(),
    exclusionGroups: z.array(z.string()).optional(),
  })
  .passthrough();
type Meta = z.infer<typeof metaSchema>;

function readMeta(json: string): Meta | null {
  try {
    const parsed = metaSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The topic is the category's last part: "$course$/top/Kinh tế số" → "Kinh tế số"; "//" is a "/" inside a name. */
export function topicOfCategory(path: string): string {
  const parts = path
    .trim()
    .split(/(?<!\/)\/(?!\/)/)
    .map((p) => p.replace(/\/\//g, "/").trim())
    .filter((p) => p !== "");
  return parts[parts.length - 1] ?? "";
}

interface Block {
  line: number;
  lines: string[];
  meta: string | null;
}

interface Answer {
  mark: "=" | "~";
  weight: number | null;
  text: string;
}

function parseAnswers(body: string): Answer[] | null {
  const pieces = body.split(/([~=])/);
  if (pieces[0]?.trim() !== "") return null;
  const answers: Answer[] = [];
  for (let i = 1; i < pieces.length; i += 2) {
    const mark = pieces[i] as "=" | "~";
    let rest = pieces[i + 1] ?? "";
    let weight: number | null = null;
    const w = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(rest);
    if (w) {
      weight = Number(w[1]);
      rest = rest.slice(w[0].length);
    }
    const feedbackAt = rest.indexOf("#");
    answers.push({ mark, weight, text: feedbackAt >= 0 ? rest.slice(0, feedbackAt) : rest });
  }
  return answers;
}

function parseBlock(block: Block, topic: string, options: ParseOptions): ParsedRow {
  const problems: Problem[] = [];
  const meta = block.meta === null ? null : readMeta(block.meta);
  const strictByDefault = block.meta !== null;
  if (block.meta !== null && meta === null) problems.push(problem("giftBadMeta"));
  const base = {
    line: block.line,
    topic,
    difficulty: meta?.difficulty ?? ("" as const),
    explanation: "",
    source: {
      document: cleanText(meta?.source?.document ?? ""),
      title: meta?.source?.title ? cleanText(meta.source.title) : null,
      article: meta?.source?.article ? cleanText(meta.source.article) : null,
    },
    tags: (meta?.tags ?? []).map(cleanText).filter((t) => t !== ""),
    validFrom: meta?.validFrom ? cleanText(meta.validFrom) : null,
    validUntil: meta?.validUntil ? cleanText(meta.validUntil) : null,
    basis: (meta?.basis ?? []).map(cleanText).filter((t) => t !== ""),
    exclusionGroups: (meta?.exclusionGroups ?? []).map(cleanText).filter((t) => t !== ""),
  };
  const unreadable = (code: Problem, text = "") =>
    finishRow(
      { ...base, type: undefined, text, options: [], correct: [], problems: [...problems, code] },
      options,
      strictByDefault,
    );

  let raw = hideEscapes(block.lines.join("\n")).trim();
  const title = /^::([^]*?)::/.exec(raw);
  if (title) raw = raw.slice(title[0].length);
  const open = raw.indexOf("{");
  if (open < 0) return unreadable(problem("giftNoAnswers"), finalText(raw, false));
  const close = raw.indexOf("}", open);
  let before = raw.slice(0, open);
  if (close < 0) return unreadable(problem("giftUnclosedBrace"), finalText(before, false));
  const after = raw.slice(close + 1).trim();
  let body = raw.slice(open + 1, close);

  const marker = /^\s*\[(html|moodle|plain|markdown)\]/i.exec(before);
  const html = marker?.[1]?.toLowerCase() === "html";
  if (marker) before = before.slice(marker[0].length);
  // "Text {answers} more text" is Moodle's missing-word form: the blank is where the answers were.
  const text = finalText(after === "" ? before : `${before} _____ ${after}`, html);

  let explanation = "";
  const feedbackAt = body.lastIndexOf("####");
  if (feedbackAt >= 0) {
    explanation = finalText(body.slice(feedbackAt + 4), html);
    body = body.slice(0, feedbackAt);
  }
  const fields = { ...base, text, explanation };

  const trueFalse = /^\s*(T|F|TRUE|FALSE)\s*(#[^]*)?$/i.exec(body);
  if (trueFalse) {
    const right = (trueFalse[1] ?? "").toUpperCase().startsWith("T");
    return finishRow(
      { ...fields, type: "true_false", options: [...TRUE_FALSE_OPTIONS], correct: [right ? 0 : 1], problems },
      options,
      strictByDefault,
    );
  }
  const unsupported = (kind: string) => unreadable(problem("giftUnsupportedQuestion", { kind }), text);
  if (body.trim() === "") return unsupported("essay");
  if (body.trim().startsWith("#")) return unsupported("numerical");
  const answers = parseAnswers(body);
  if (!answers || answers.length === 0) return unsupported("?");
  if (answers.every((a) => a.mark === "="))
    return unsupported(answers.some((a) => a.text.includes("->")) ? "matching" : "short answer");

  const hasEquals = answers.some((a) => a.mark === "=");
  const correct: number[] = [];
  answers.forEach((a, i) => {
    const weight = a.weight ?? (a.mark === "=" ? 100 : 0);
    const letter = OPTION_LETTERS[i] ?? String(i + 1);
    if (hasEquals) {
      if (a.mark === "=") correct.push(i);
      else if (weight > 0) problems.push(problem("giftPartialCredit", { letter }));
    } else if (weight > 0) correct.push(i);
  });
  const type: QuestionType = hasEquals || correct.length < 2 ? "single" : "multiple";
  if (!hasEquals && correct.length === 1) {
    const only = answers[correct[0] ?? 0];
    if ((only?.weight ?? 0) < 100)
      problems.push(problem("giftPartialCredit", { letter: OPTION_LETTERS[correct[0] ?? 0] ?? "?" }));
  }
  const optionTexts = answers.map((a) => finalText(a.text, html));
  return finishRow({ ...fields, type, options: optionTexts, correct, problems }, options, strictByDefault);
}

export async function parseGift(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
  if (bytes.length === 0) return { rows: [], fileProblems: [problem("fileEmpty")] };
  const decoded = decodeText(bytes, "GIFT");
  if ("problem" in decoded) return { rows: [], fileProblems: [decoded.problem] };
  const lines = decoded.text.replace(/^\uFEFF/, "").split(/\r\n?|\n/);
  if (lines.every((l) => l.trim() === "")) return { rows: [], fileProblems: [problem("fileEmpty")] };

  const rows: ParsedRow[] = [];
  let topic = "";
  let pendingMeta: string | null = null;
  let block: Block | null = null;
  const flush = () => {
    if (block && block.lines.length > 0) {
      rows.push(parseBlock(block, topic, options));
      pendingMeta = null;
    }
    block = null;
  };
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === "") return flush();
    if (trimmed.startsWith("//")) {
      const meta = /^\/\/\s*@meta\s+(.*)$/.exec(trimmed);
      if (meta) {
        if (block && block.lines.length > 0) flush();
        pendingMeta = meta[1] ?? "";
      }
      return;
    }
    if (!block || block.lines.length === 0) {
      const category = /^\$CATEGORY:(.*)$/i.exec(trimmed);
      if (category) {
        topic = cleanText(topicOfCategory(category[1] ?? ""));
        return;
      }
      block = { line: i + 1, lines: [], meta: pendingMeta };
    }
    block.lines.push(line);
  });
  flush();
  return { rows, fileProblems: rows.length === 0 ? [problem("noQuestions")] : [] };
}

function weightOf(count: number): string {
  return String(Number((100 / count).toFixed(5)));
}

export function serializeGift(drafts: readonly QuestionDraft[]): Buffer {
  const out: string[] = [
    "// Ngân hàng câu hỏi, định dạng GIFT của Moodle.",
    "// Dòng // @meta giữ mức độ, nguồn và thẻ của câu hỏi ngay sau nó (Moodle bỏ qua dòng chú thích).",
    "",
  ];
  let topic: string | null = null;
  drafts.forEach((draft, n) => {
    if (draft.topic !== topic) {
      topic = draft.topic;
      out.push(`$CATEGORY: $course$/top/${draft.topic.replace(/\s+/g, " ").replace(/\//g, "//")}`, "");
    }
    const meta = {
      difficulty: draft.difficulty,
      source: draft.source,
      tags: draft.tags,
      ...(draft.validFrom ? { validFrom: draft.validFrom } : {}),
      ...(draft.validUntil ? { validUntil: draft.validUntil } : {}),
      ...(draft.basis?.length ? { basis: draft.basis } : {}),
      ...(draft.exclusionGroups?.length ? { exclusionGroups: draft.exclusionGroups } : {}),
    };
    out.push(`// @meta ${JSON.stringify(meta)}`);
    out.push(`::Câu ${n + 1}::${escapeGift(draft.text)} {`);
    if (draft.type === "true_false") {
      out.push(draft.correct[0] === 1 ? "FALSE" : "TRUE");
    } else if (draft.type === "multiple") {
      const right = weightOf(Math.max(1, draft.correct.length));
      draft.options.forEach((o, i) =>
        out.push(`~%${draft.correct.includes(i) ? right : "-100"}%${escapeGift(o)}`),
      );
    } else {
      // GIFT cannot escape "%": an option that itself starts like a weight gets an explicit one first.
      draft.options.forEach((o, i) => {
        const right = draft.correct.includes(i);
        const weight = /^%-?\d+(?:\.\d+)?%/.test(o) ? (right ? "%100%" : "%0%") : "";
        out.push(`${right ? "=" : "~"}${weight}${escapeGift(o)}`);
      });
    }
    if (draft.explanation !== "") out.push(`####${escapeGift(draft.explanation)}`);
    out.push("}", "");
  });
  return Buffer.from(out.join("\n"), "utf8");
}
