/**
 * The bundled bank's own format (question-bank/README.md): one JSON file per topic.
 * `bankFileSchema` is the structure (field names, types, enums, key form); the contest rules (2–6 options,
 * a correct answer, explanation, source, lengths) are the same `questionProblems` every format runs, so a
 * problem reads the same whichever way a question came in. Each question is checked on its own, so one
 * broken entry does not hide the problems of the others.
 */
import { z } from "zod";
import { DIFFICULTIES, QUESTION_TYPES, type Problem, type QuestionDraft } from "../question";
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

/** `<topic prefix>-<3 digits>`, e.g. "kts-004". */
export const BANK_KEY_PATTERN = /^[a-z][a-z0-9]*-\d{3}$/;

export const bankSourceSchema = z
  .object({
    document: z.string(),
    title: z.string().optional(),
    article: z.string().optional(),
  })
  .strict();

export const bankQuestionSchema = z
  .object({
    key: z.string().regex(BANK_KEY_PATTERN),
    type: z.enum(QUESTION_TYPES),
    difficulty: z.enum(DIFFICULTIES),
    text: z.string(),
    options: z.array(z.string()),
    correct: z.array(z.string()),
    explanation: z.string(),
    source: bankSourceSchema,
    tags: z.array(z.string()).optional(),
    // Validity and exclusion (issue 12; the contract is in question-bank/README.md).
    validFrom: z.string().optional(),
    validUntil: z.string().optional(),
    basis: z.array(z.string()).optional(),
    exclusionGroups: z.array(z.string()).optional(),
  })
  .strict();
export type BankQuestion = z.infer<typeof bankQuestionSchema>;

export const bankFileSchema = z
  .object({
    topic: z.string().trim().min(1),
    questions: z.array(bankQuestionSchema),
  })
  .strict();
export type BankFile = z.infer<typeof bankFileSchema>;

/** A bank entry as a draft (letters → indexes) and the problems of the conversion. */
export function bankQuestionToDraft(
  topic: string,
  q: BankQuestion,
): { draft: QuestionDraft; letterProblems: Problem[] } {
  const { correct, problems } = parseCorrect(q.correct.join(", "), q.type, q.options.length);
  return {
    draft: {
      topic: cleanText(topic),
      type: q.type,
      difficulty: q.difficulty,
      text: cleanText(q.text),
      options: q.options.map(cleanText),
      correct,
      explanation: cleanText(q.explanation),
      source: {
        document: cleanText(q.source.document),
        title:
          q.source.title === undefined || cleanText(q.source.title) === "" ? null : cleanText(q.source.title),
        article:
          q.source.article === undefined || cleanText(q.source.article) === ""
            ? null
            : cleanText(q.source.article),
      },
      tags: (q.tags ?? []).map(cleanText),
      ...(q.validFrom !== undefined ? { validFrom: cleanText(q.validFrom) } : {}),
      ...(q.validUntil !== undefined ? { validUntil: cleanText(q.validUntil) } : {}),
      ...(q.basis !== undefined ? { basis: q.basis.map(cleanText).filter((b) => b !== "") } : {}),
      ...(q.exclusionGroups !== undefined
        ? { exclusionGroups: q.exclusionGroups.map(cleanText).filter((g) => g !== "") }
        : {}),
    },
    letterProblems: problems,
  };
}

function issueProblems(issues: z.ZodIssue[], value: unknown): Problem[] {
  return issues.map((issue) => {
    const field = issue.path.join(".") || "question";
    if (issue.code === "unrecognized_keys")
      return problem("bankUnknownField", { field: issue.keys.join(", ") });
    if (issue.code === "invalid_type" && issue.received === "undefined")
      return problem("bankMissingField", { field });
    if (issue.code === "invalid_enum_value" && (field === "difficulty" || field === "type"))
      return problem(field === "difficulty" ? "unknownDifficulty" : "unknownType", {
        value: String(issue.received),
        allowed: issue.options.join(", "),
      });
    if (issue.path[0] === "key" && issue.code === "invalid_string") {
      const key = typeof value === "object" && value !== null && "key" in value ? String(value.key) : "";
      return problem("bankBadKey", { key });
    }
    return problem("bankInvalidField", { field });
  });
}

/** 1-based line of `"key": "<key>"` in the text, so a problem points where an editor should look. */
function lineOfKey(text: string, key: string, from: number): number {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`"key"\\s*:\\s*"${escaped}"`).exec(text.slice(from));
  if (!match) return 0;
  const at = from + match.index;
  return text.slice(0, at).split("\n").length;
}

export async function parseBankJson(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedFile> {
  if (bytes.length === 0) return { rows: [], fileProblems: [problem("fileEmpty")] };
  const decoded = decodeText(bytes, "JSON");
  if ("problem" in decoded) return { rows: [], fileProblems: [decoded.problem] };
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { rows: [], fileProblems: [problem("fileEmpty")] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      rows: [],
      fileProblems: [problem("notJson", { detail: error instanceof Error ? error.message : "" })],
    };
  }
  const shape = z
    .object({ topic: z.unknown(), questions: z.array(z.unknown()) })
    .passthrough()
    .safeParse(json);
  if (!shape.success) return { rows: [], fileProblems: [problem("bankNotObject")] };

  const fileProblems: Problem[] = [];
  const topic = typeof shape.data.topic === "string" ? cleanText(shape.data.topic) : "";
  if (topic === "") fileProblems.push(problem("bankMissingTopic"));
  const extra = Object.keys(shape.data).filter((k) => k !== "topic" && k !== "questions");
  if (extra.length > 0) fileProblems.push(problem("bankUnknownField", { field: extra.join(", ") }));

  const rows: ParsedRow[] = [];
  const keyLines = new Map<string, number>();
  let searchFrom = 0;
  let lastLine = 1;
  shape.data.questions.forEach((value, i) => {
    const rawKey =
      typeof value === "object" && value !== null && "key" in value && typeof value.key === "string"
        ? value.key
        : "";
    const key = rawKey || `#${i + 1}`;
    let line = rawKey ? lineOfKey(text, rawKey, searchFrom) : 0;
    if (line === 0) line = lastLine;
    else searchFrom = text.split("\n").slice(0, line).join("\n").length;
    lastLine = line;

    const problems: Problem[] = [];
    if (rawKey) {
      const earlier = keyLines.get(rawKey);
      if (earlier !== undefined) problems.push(problem("bankDuplicateKey", { key: rawKey, other: earlier }));
      else keyLines.set(rawKey, line);
    }
    const parsed = bankQuestionSchema.safeParse(value);
    if (!parsed.success) {
      const all = [...problems, ...issueProblems(parsed.error.issues, value)];
      rows.push({ line, key, draft: null, problems: all.map((p) => ({ ...p, line })) });
      return;
    }
    const { draft, letterProblems } = bankQuestionToDraft(topic, parsed.data);
    rows.push(finishRow({ ...draft, line, key, problems: [...problems, ...letterProblems] }, options));
  });
  if (rows.length === 0 && fileProblems.length === 0) fileProblems.push(problem("noQuestions"));
  return { rows, fileProblems };
}
