/**
 * Item-writing checks (issue 12): cues that let a test-wise contestant guess without knowing. Pure rules
 * returning codes and values; the sentence a reader sees is `bank.problem.<code>` in the catalogue
 * (area bank-validity). They are warnings: a question that trips one can still be right, but a bank
 * where they pile up rewards guessing.
 *
 * Per question: `keyMuchLonger`, `absoluteOnlyInDistractors`.
 * Across a bank: `leakPair` (a question's options hold another question's key), `nearDuplicateStem`,
 * and the figures the bundled bank is held to (key strictly longest in ≤ 30% of single-choice questions,
 * "Đúng" keyed in 40–60% of true/false questions, no leak pair outside an exclusion group).
 */
import type { Problem, QuestionDraft } from "./question";
import { foldForDuplicate, foldForSearch } from "./text";

// ---------------------------------------------------------------------------------------------------
// One question

/** The key is "much longer" when it is the strictly longest option and this many times the distractors' mean. */
export const KEY_LENGTH_RATIO = 1.75;

function length(option: string): number {
  return [...option.normalize("NFC").trim()].length;
}

/** Whether the (single) key is strictly longer than every distractor. */
export function keyStrictlyLongest(q: Pick<QuestionDraft, "options" | "correct">): boolean {
  if (q.correct.length !== 1) return false;
  const key = q.correct[0]!;
  const keyLength = length(q.options[key] ?? "");
  return q.options.every((o, i) => i === key || length(o) < keyLength);
}

/**
 * Absolute words, Vietnamese as written (accents matter: "chi" is not "chỉ"). "chỉ" is left out of the
 * compounds where it means something else ("chỉ đạo", "chỉ số", "địa chỉ"…), and "tất cả" of the
 * "all of the above" option, which is not an absolute claim.
 */
const ABSOLUTE_WORDS: readonly RegExp[] = [
  /(?<![\p{L}\p{N}])(?<!địa )chỉ(?! (?:đạo|số|tiêu|thị|định|dẫn|rõ|ra|huy|điểm|báo|mục|trích)(?![\p{L}]))(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])mọi(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])hoàn toàn(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])tất cả(?! (?:các )?(?:đáp án|phương án|ý) (?:trên|đều))(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])luôn luôn(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])không bao giờ(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])tuyệt đối(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])duy nhất(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])bất kỳ(?![\p{L}\p{N}])/iu,
];

/** The absolute words an option carries, as written in it. */
export function absoluteWords(option: string): string[] {
  const text = option.normalize("NFC");
  return ABSOLUTE_WORDS.flatMap((pattern) => {
    const match = pattern.exec(text);
    return match ? [match[0].toLocaleLowerCase("vi")] : [];
  });
}

/** Warnings about one question's own shape (empty for true/false questions, whose options are fixed). */
export function questionWarnings(q: QuestionDraft): Problem[] {
  if (q.type === "true_false") return [];
  const warnings: Problem[] = [];
  if (q.type === "single" && q.correct.length === 1 && q.options.length >= 3 && keyStrictlyLongest(q)) {
    const key = q.correct[0]!;
    const others = q.options.filter((_, i) => i !== key).map(length);
    const mean = others.reduce((a, b) => a + b, 0) / others.length;
    const keyLength = length(q.options[key] ?? "");
    if (mean > 0 && keyLength >= KEY_LENGTH_RATIO * mean)
      warnings.push({
        code: "keyMuchLonger",
        params: { ratio: Math.round((keyLength / mean) * 10) / 10, keyLength, mean: Math.round(mean) },
      });
  }
  const keyWords = q.correct.flatMap((i) => absoluteWords(q.options[i] ?? ""));
  const distractorWords = q.options.flatMap((o, i) => (q.correct.includes(i) ? [] : absoluteWords(o)));
  if (keyWords.length === 0 && distractorWords.length > 0)
    warnings.push({
      code: "absoluteOnlyInDistractors",
      params: { words: [...new Set(distractorWords)].join(", ") },
    });
  return warnings;
}

// ---------------------------------------------------------------------------------------------------
// Across a bank

export interface BankItem {
  /** How to name the question to a reader: its key, or "FILE:ROW". */
  ref: string;
  draft: QuestionDraft;
}

function tokens(text: string): Set<string> {
  return new Set(
    foldForDuplicate(text)
      .split(" ")
      .filter((t) => t !== ""),
  );
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Stems at least this similar (token Jaccard, accent-insensitive) are near-duplicates. */
export const NEAR_DUPLICATE = 0.8;
/** Stems at least this similar are "about the same thing": a short key leaking between them counts. */
export const RELATED_STEMS = 0.4;
/** A key of at least this many words is specific enough to leak between unrelated stems. */
export const SPECIFIC_KEY_WORDS = 5;

/** "Tất cả các đáp án trên", "Cả A và B", "Không có đáp án nào"…: options that say nothing on their own. */
const GENERIC_KEY =
  /^(tat ca|ca hai|ca ba|ca [a-f] (va|deu)|khong co (dap an|phuong an|y) nao|khong phai|dung|sai|co|khong)\b/;

/**
 * A leak pair {A, B}: neither is true/false, the folded text of a key of A equals the folded text of an
 * option of B (or the other way round), that key is not generic ("Tất cả các đáp án trên", "Đúng"…) and
 * it is either specific (≥ 5 words) or the two stems are related (token Jaccard ≥ 0.4). A round drawing
 * both shows one question's answer among the other's options. Covered when A and B share an exclusion group.
 */
export interface LeakPair {
  a: number;
  b: number;
  /** The key that leaks, as written in the question that owns it. */
  key: string;
  covered: boolean;
}

export interface NearDuplicate {
  a: number;
  b: number;
  similarity: number;
}

export interface BankFigures {
  single: number;
  keyLongest: number;
  trueFalse: number;
  keyedTrue: number;
  multiple: number;
  /** Multiple-answer questions with exactly one wrong option. */
  oneWrong: number;
  leakPairs: number;
  leakPairsOutsideGroups: number;
}

export interface BankFindings {
  /** One list per item, in order: leakPair and nearDuplicateStem warnings. */
  perItem: Problem[][];
  leaks: LeakPair[];
  nearDuplicates: NearDuplicate[];
  figures: BankFigures;
  /** Warnings about the bank as a whole (trueFalseImbalance, keyLongestShareHigh, multipleOneWrongHigh). */
  bankWarnings: Problem[];
  /** Exclusion groups the leak check proposes for the pairs outside any group. */
  suggestedGroups: { group: string; refs: string[] }[];
}

/** Targets of issue 12 for the bundled bank. */
export const TARGETS = { keyLongestMax: 0.3, keyedTrueMin: 0.4, keyedTrueMax: 0.6, oneWrongMax: 0.6 };

function share(n: number, of: number): number {
  return of === 0 ? 0 : n / of;
}
export function percent(value: number): string {
  return `${Math.round(value * 1000) / 10}%`;
}

function sharesGroup(a: QuestionDraft, b: QuestionDraft): boolean {
  const groups = new Set(a.exclusionGroups ?? []);
  return (b.exclusionGroups ?? []).some((g) => groups.has(g));
}

export function bankFindings(items: readonly BankItem[]): BankFindings {
  const stems = items.map((item) => tokens(item.draft.text));
  const options = items.map((item) => item.draft.options.map(foldForDuplicate));
  const keys = items.map((item) =>
    item.draft.type === "true_false"
      ? []
      : item.draft.correct
          .map((i) => ({
            raw: item.draft.options[i] ?? "",
            folded: foldForDuplicate(item.draft.options[i] ?? ""),
          }))
          .filter((k) => k.folded !== "" && !GENERIC_KEY.test(k.folded)),
  );
  const perItem: Problem[][] = items.map(() => []);
  const leaks: LeakPair[] = [];
  const nearDuplicates: NearDuplicate[] = [];

  for (let a = 0; a < items.length; a++) {
    for (let b = a + 1; b < items.length; b++) {
      const similarity = jaccard(stems[a]!, stems[b]!);
      const exact = foldForDuplicate(items[a]!.draft.text) === foldForDuplicate(items[b]!.draft.text);
      if (similarity >= NEAR_DUPLICATE && !exact) {
        nearDuplicates.push({ a, b, similarity });
        const params = { similarity: percent(similarity) };
        perItem[b]!.push({ code: "nearDuplicateStem", params: { ...params, other: items[a]!.ref } });
      }
      if (items[a]!.draft.type === "true_false" || items[b]!.draft.type === "true_false") continue;
      const related = similarity >= RELATED_STEMS;
      const leaking = (from: number, into: number) =>
        keys[from]!.find(
          (k) =>
            (related || k.folded.split(" ").length >= SPECIFIC_KEY_WORDS) &&
            options[into]!.includes(k.folded),
        );
      const leak = leaking(a, b) ?? leaking(b, a);
      if (leak) {
        const covered = sharesGroup(items[a]!.draft, items[b]!.draft);
        leaks.push({ a, b, key: leak.raw, covered });
        if (!covered) {
          perItem[a]!.push({ code: "leakPair", params: { other: items[b]!.ref, key: leak.raw } });
          perItem[b]!.push({ code: "leakPair", params: { other: items[a]!.ref, key: leak.raw } });
        }
      }
    }
  }

  const drafts = items.map((i) => i.draft);
  const single = drafts.filter((d) => d.type === "single" && d.correct.length === 1);
  const trueFalse = drafts.filter((d) => d.type === "true_false");
  const multiple = drafts.filter((d) => d.type === "multiple");
  const figures: BankFigures = {
    single: single.length,
    keyLongest: single.filter(keyStrictlyLongest).length,
    trueFalse: trueFalse.length,
    keyedTrue: trueFalse.filter((d) => d.correct[0] === 0).length,
    multiple: multiple.length,
    oneWrong: multiple.filter((d) => d.options.length - d.correct.length === 1).length,
    leakPairs: leaks.length,
    leakPairsOutsideGroups: leaks.filter((l) => !l.covered).length,
  };

  const bankWarnings: Problem[] = [];
  const keyLongestShare = share(figures.keyLongest, figures.single);
  if (figures.single >= 10 && keyLongestShare > TARGETS.keyLongestMax)
    bankWarnings.push({ code: "keyLongestShareHigh", params: { share: percent(keyLongestShare) } });
  const keyedTrueShare = share(figures.keyedTrue, figures.trueFalse);
  if (
    figures.trueFalse >= 10 &&
    (keyedTrueShare < TARGETS.keyedTrueMin || keyedTrueShare > TARGETS.keyedTrueMax)
  )
    bankWarnings.push({ code: "trueFalseImbalance", params: { share: percent(keyedTrueShare) } });
  const oneWrongShare = share(figures.oneWrong, figures.multiple);
  if (figures.multiple >= 5 && oneWrongShare > TARGETS.oneWrongMax)
    bankWarnings.push({ code: "multipleOneWrongHigh", params: { share: percent(oneWrongShare) } });

  return {
    perItem,
    leaks,
    nearDuplicates,
    figures,
    bankWarnings,
    suggestedGroups: suggestGroups(items, leaks),
  };
}

/** One group per connected set of uncovered leak pairs, named after its first question. */
function suggestGroups(items: readonly BankItem[], leaks: readonly LeakPair[]) {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const leak of leaks) if (!leak.covered) parent[find(leak.b)] = find(leak.a);
  const members = new Map<number, number[]>();
  for (const leak of leaks) {
    if (leak.covered) continue;
    for (const i of [leak.a, leak.b]) {
      const root = find(i);
      const list = members.get(root) ?? [];
      if (!list.includes(i)) list.push(i);
      members.set(root, list);
    }
  }
  return [...members.values()].map((list) => {
    const sorted = [...list].sort((x, y) => x - y);
    const first = items[sorted[0]!]!.ref;
    const slug =
      foldForSearch(first)
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "q";
    return { group: `leak-${slug}`.slice(0, 60), refs: sorted.map((i) => items[i]!.ref) };
  });
}
