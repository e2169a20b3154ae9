/**
 * The bank-wide table of superseded documents (`question-bank/superseded.json`, issue 12): which legal
 * document was replaced by which, from when. A question whose `basis` cites a document superseded from
 * date F while the question still claims to be valid on or after F is flagged by `questions:check`, so a
 * law that changes cannot silently leave a wrong key in the bank. Pure: text in, codes and values out.
 */
import { z } from "zod";
import { isIsoDate, type Problem } from "./question";
import { tidy } from "./text";

/** The file's name in the bank folder; the bank loader and `questions:check` do not read it as a topic. */
export const SUPERSEDED_FILE = "superseded.json";

export const supersededDocumentSchema = z
  .object({
    document: z.string().trim().min(1).max(100),
    title: z.string().trim().max(500).optional(),
    replacedBy: z.string().trim().max(100).optional(),
    from: z.string().refine(isIsoDate, { message: "date" }),
    source: z.string().trim().max(1000).optional(),
  })
  .strict();
export type SupersededDocument = z.infer<typeof supersededDocumentSchema>;

const supersededFileSchema = z.object({ documents: z.array(z.unknown()) }).strict();

/**
 * Reads the table. Each entry is checked on its own: problems carry the entry's 1-based position as
 * `line` (`supersededBadEntry` { index, field }) or concern the whole file (`supersededNotObject`).
 */
export function parseSuperseded(text: string): { documents: SupersededDocument[]; problems: Problem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return {
      documents: [],
      problems: [{ code: "notJson", params: { detail: error instanceof Error ? error.message : "" } }],
    };
  }
  const shape = supersededFileSchema.safeParse(json);
  if (!shape.success) return { documents: [], problems: [{ code: "supersededNotObject" }] };
  const documents: SupersededDocument[] = [];
  const problems: Problem[] = [];
  shape.data.documents.forEach((entry, i) => {
    const parsed = supersededDocumentSchema.safeParse(entry);
    if (parsed.success) documents.push(parsed.data);
    else
      problems.push({
        line: lineOfEntry(text, i),
        code: "supersededBadEntry",
        params: { index: i + 1, field: parsed.error.issues[0]?.path.join(".") || "document" },
      });
  });
  return { documents, problems };
}

/** 1-based line of the i-th `"document":` in the text (0 when not found). */
function lineOfEntry(text: string, index: number): number {
  let at = -1;
  for (let i = 0; i <= index; i++) {
    at = text.indexOf('"document"', at + 1);
    if (at < 0) return 0;
  }
  return text.slice(0, at).split("\n").length;
}

/** How two document numbers are compared: NFC, spaces folded, case ignored ("59/2022/nđ-cp"). */
export function documentKey(value: string): string {
  return tidy(value).toLocaleLowerCase("vi");
}

/**
 * `basisSuperseded` { document, replacedBy, from } for each basis document superseded from a date F
 * while the question's validUntil is absent or later than F.
 */
export function supersededProblems(
  q: { basis?: readonly string[]; validUntil?: string | null },
  documents: readonly SupersededDocument[],
): Problem[] {
  if (!q.basis || q.basis.length === 0) return [];
  const byKey = new Map(documents.map((d) => [documentKey(d.document), d]));
  const problems: Problem[] = [];
  for (const basis of q.basis) {
    const entry = byKey.get(documentKey(basis));
    if (!entry) continue;
    if (!q.validUntil || q.validUntil > entry.from)
      problems.push({
        code: "basisSuperseded",
        params: { document: entry.document, replacedBy: entry.replacedBy ?? "—", from: entry.from },
      });
  }
  return problems;
}
