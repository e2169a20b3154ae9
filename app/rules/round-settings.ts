/**
 * A round's settings as the organizer enters them in the console: one Zod schema for the shape (the
 * form runs it in the browser for instant messages, the action runs it again on the server), and
 * `roundSettingsProblems` for the contest's rules on top of it (PRODUCT.md, "How Vietnamese online
 * knowledge contests run"). Everything here is pure: the pool, the attempts and the previous draw are
 * passed in.
 *
 * Problems are catalogue-keyed (`round.problem.<code>`) and say which field they belong to, so the
 * form can show each one beside its field; draw problems also carry the 1-based `line` of the draw.
 */
import { z } from "zod";
import { DIFFICULTIES, type Difficulty, type Problem } from "./question";
import { drawShortfalls, type DrawSpecLine, type PoolCount } from "./draw";
import { parseVnDateTimeLocal, toVnDateTimeLocal } from "./vn-time";
import { PRIZE_KINDS, type PrizeCounts, type PrizeKind } from "./prizes";
import { DEFAULT_POINTS, type PointsPerDifficulty } from "./scoring";
import type { BoardPolicy } from "./deadline";

export const BOARD_POLICIES = ["live", "hidden", "frozen"] as const satisfies readonly BoardPolicy[];

/** Limits the console enforces; the messages quote them, so they live in one place. */
export const ROUND_LIMITS = {
  titleMax: 300,
  /** Time allowed per attempt, in minutes (the issue: 1–180). */
  durationMinutes: { min: 1, max: 180 },
  /** Questions in one draw: enough for a long final, few enough to answer on a phone. */
  questionCount: { min: 1, max: 200 },
  drawLines: 30,
  /** Ranked attempts per contestant (PRODUCT.md: one by default). */
  maxAttempts: { min: 1, max: 10 },
  /** A frozen board stops updating this many minutes before the close: up to a day. */
  freezeMinutes: { min: 1, max: 1440 },
  /** Points per question of one difficulty: whole numbers, as attempt scores are stored as integers. */
  points: { min: 0, max: 100 },
  /** Prizes of one kind per round. */
  prizeCount: { min: 0, max: 1000 },
} as const;

/** The fields of the form, which problems are attached to. */
export type RoundField =
  | "title"
  | "opensAt"
  | "closesAt"
  | "durationMinutes"
  | "draw"
  | "shuffleQuestions"
  | "shuffleOptions"
  | "predictionEnabled"
  | "maxAttempts"
  | "eligibleCategories"
  | "showReviewAfterClose"
  | "boardPolicy"
  | "freezeMinutes"
  | "points"
  | "prizes"
  | "form";

/** Every problem code this module and `drawShortfalls` give; each has a `round.problem.<code>` text. */
export const ROUND_PROBLEM_CODES = [
  "titleRequired",
  "titleTooLong",
  "opensRequired",
  "opensInvalid",
  "closesRequired",
  "closesInvalid",
  "closesBeforeOpens",
  "durationRequired",
  "durationInvalid",
  "durationOutOfRange",
  "drawEmpty",
  "drawTooManyLines",
  "drawTooLarge",
  "drawTopicInvalid",
  "drawDifficultyInvalid",
  "drawCountRequired",
  "drawCountInvalid",
  "drawCountZero",
  "drawShortfall",
  "drawLocked",
  "pointsLocked",
  "pointsRequired",
  "pointsInvalid",
  "pointsOutOfRange",
  "maxAttemptsRequired",
  "maxAttemptsInvalid",
  "maxAttemptsOutOfRange",
  "boardPolicyInvalid",
  "freezeRequired",
  "freezeInvalid",
  "freezeOutOfRange",
  "freezeLongerThanRound",
  "prizeRequired",
  "prizeInvalid",
  "prizeNegative",
  "prizeTooMany",
  "categoryUnknown",
  "roundPublished",
] as const;

export interface RoundProblem extends Problem {
  field: RoundField;
}

// ---------------------------------------------------------------------------------------------------
// The raw form: what the browser posts, field by field

/** One row of the draw table as typed: topic id or "any", difficulty or "any", count as text. */
export interface RawDrawLine {
  topic: string;
  difficulty: string;
  count: string;
}

/** The form's values as text, the same whether read from a FormData in the browser or on the server. */
export interface RoundFormValues {
  title: string;
  opensAt: string;
  closesAt: string;
  durationMinutes: string;
  draw: RawDrawLine[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  predictionEnabled: boolean;
  maxAttempts: string;
  eligibleCategories: string[];
  showReviewAfterClose: boolean;
  boardPolicy: string;
  freezeMinutes: string;
  points: Record<Difficulty, string>;
  prizes: Record<PrizeKind, string>;
}

/** Form field names for the grouped values (one input each). */
export const POINTS_FIELD: Record<Difficulty, string> = {
  easy: "pointsEasy",
  medium: "pointsMedium",
  hard: "pointsHard",
};
export const PRIZE_FIELD: Record<PrizeKind, string> = {
  first: "prizeFirst",
  second: "prizeSecond",
  third: "prizeThird",
  consolation: "prizeConsolation",
};
export const ANY = "any";

/** Anything with `get`/`getAll` like FormData (URLSearchParams too). */
export interface FormLike {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

const text = (value: FormDataEntryValue | null | undefined) => (typeof value === "string" ? value : "");

/**
 * Reads the posted form. The draw table posts three parallel lists (drawTopic, drawDifficulty,
 * drawCount), one entry per row; rows left completely blank are dropped, so the form can offer an
 * empty row to fill in.
 */
export function readRoundForm(form: FormLike): RoundFormValues {
  const topics = form.getAll("drawTopic").map(text);
  const difficulties = form.getAll("drawDifficulty").map(text);
  const counts = form.getAll("drawCount").map(text);
  const rows = Math.max(topics.length, difficulties.length, counts.length);
  const draw: RawDrawLine[] = [];
  for (let i = 0; i < rows; i++) {
    const line = { topic: topics[i] ?? ANY, difficulty: difficulties[i] ?? ANY, count: counts[i] ?? "" };
    if (line.count.trim() === "" && line.topic === ANY && line.difficulty === ANY) continue;
    draw.push(line);
  }
  const flag = (name: string) => {
    const value = form.get(name);
    return value === "on" || value === "1" || value === "true";
  };
  return {
    title: text(form.get("title")),
    opensAt: text(form.get("opensAt")),
    closesAt: text(form.get("closesAt")),
    durationMinutes: text(form.get("durationMinutes")),
    draw,
    shuffleQuestions: flag("shuffleQuestions"),
    shuffleOptions: flag("shuffleOptions"),
    predictionEnabled: flag("predictionEnabled"),
    maxAttempts: text(form.get("maxAttempts")),
    eligibleCategories: form.getAll("eligibleCategories").map(text),
    showReviewAfterClose: flag("showReviewAfterClose"),
    boardPolicy: text(form.get("boardPolicy")),
    freezeMinutes: text(form.get("freezeMinutes")),
    points: mapKeys(DIFFICULTIES, (d) => text(form.get(POINTS_FIELD[d]))),
    prizes: mapKeys(PRIZE_KINDS, (k) => text(form.get(PRIZE_FIELD[k]))),
  };
}

function mapKeys<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, value(key)])) as Record<K, V>;
}

// ---------------------------------------------------------------------------------------------------
// The schema: shape and types. Messages are problem codes (`round.problem.<code>`).

/** A whole number typed in a box: blank is `required`, anything else that is not whole is `invalid`. */
const wholeNumber = (required: string, invalid: string) =>
  z.string({ required_error: required }).transform((raw, ctx) => {
    const value = raw.trim();
    if (value === "") {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: required });
      return z.NEVER;
    }
    const number = Number(value);
    if (!/^[+-]?\d+$/.test(value) || !Number.isSafeInteger(number)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: invalid });
      return z.NEVER;
    }
    return number;
  });

/** An id chosen from a list: a positive whole number. */
const listId = (invalid: string) =>
  z.string().transform((value, ctx) => {
    const number = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number <= 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: invalid });
      return z.NEVER;
    }
    return number;
  });

const vnDateTime = (required: string, invalid: string) =>
  z.string({ required_error: required }).transform((raw, ctx) => {
    const value = raw.trim();
    const date = value === "" ? null : parseVnDateTimeLocal(value);
    if (date === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: value === "" ? required : invalid });
      return z.NEVER;
    }
    return date;
  });

export const drawLineSchema = z.object({
  topic: z.string().transform((value, ctx): number | null => {
    if (value === ANY) return null;
    const id = Number(value);
    if (/^\d+$/.test(value) && Number.isSafeInteger(id) && id > 0) return id;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "drawTopicInvalid" });
    return z.NEVER;
  }),
  difficulty: z.string().transform((value, ctx): Difficulty | null => {
    if (value === ANY) return null;
    if ((DIFFICULTIES as readonly string[]).includes(value)) return value as Difficulty;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: "drawDifficultyInvalid" });
    return z.NEVER;
  }),
  count: wholeNumber("drawCountRequired", "drawCountInvalid"),
});

export const drawSchema = z
  .array(drawLineSchema)
  .transform((lines): DrawSpecLine[] =>
    lines.map((line) => ({ topicId: line.topic, difficulty: line.difficulty, count: line.count })),
  );

export const roundFormSchema = z.object({
  title: z.string().trim().min(1, "titleRequired").max(ROUND_LIMITS.titleMax, "titleTooLong"),
  opensAt: vnDateTime("opensRequired", "opensInvalid"),
  closesAt: vnDateTime("closesRequired", "closesInvalid"),
  durationMinutes: wholeNumber("durationRequired", "durationInvalid"),
  draw: drawSchema,
  shuffleQuestions: z.boolean(),
  shuffleOptions: z.boolean(),
  predictionEnabled: z.boolean(),
  maxAttempts: wholeNumber("maxAttemptsRequired", "maxAttemptsInvalid"),
  eligibleCategories: z.array(listId("categoryUnknown")),
  showReviewAfterClose: z.boolean(),
  boardPolicy: z.enum(BOARD_POLICIES, { errorMap: () => ({ message: "boardPolicyInvalid" }) }),
  // Only a frozen board uses it, so a blank box is 0 (the rules ask for it when the board freezes).
  freezeMinutes: z
    .string()
    .trim()
    .transform((value) => (value === "" ? "0" : value))
    .pipe(wholeNumber("freezeRequired", "freezeInvalid")),
  points: z.object(mapKeys(DIFFICULTIES, () => wholeNumber("pointsRequired", "pointsInvalid"))),
  prizes: z.object(mapKeys(PRIZE_KINDS, () => wholeNumber("prizeRequired", "prizeInvalid"))),
});

/** The settings once parsed: what the repository stores and the rules check. */
export interface RoundSettingsInput {
  title: string;
  opensAt: Date;
  closesAt: Date;
  durationMinutes: number;
  drawSpec: DrawSpecLine[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  predictionEnabled: boolean;
  maxAttempts: number;
  /** Category ids that may enter; empty = everyone. */
  eligibleCategories: number[];
  showReviewAfterClose: boolean;
  boardPolicy: BoardPolicy;
  /** Minutes before the close when a frozen board stops; 0 unless the policy is "frozen". */
  freezeMinutes: number;
  points: PointsPerDifficulty;
  prizes: PrizeCounts;
}

const FIELDS = new Set<string>([
  "title",
  "opensAt",
  "closesAt",
  "durationMinutes",
  "draw",
  "shuffleQuestions",
  "shuffleOptions",
  "predictionEnabled",
  "maxAttempts",
  "eligibleCategories",
  "showReviewAfterClose",
  "boardPolicy",
  "freezeMinutes",
  "points",
  "prizes",
]);

function issueToProblem(issue: z.ZodIssue): RoundProblem {
  const [head, index] = issue.path;
  const field = (typeof head === "string" && FIELDS.has(head) ? head : "form") as RoundField;
  const problem: RoundProblem = { field, code: issue.message };
  if (field === "draw" && typeof index === "number") problem.line = index + 1;
  if ((field === "points" || field === "prizes") && typeof index === "string") {
    problem.params = { kind: index };
  }
  return problem;
}

export type ParsedRoundForm =
  | { ok: true; value: RoundSettingsInput }
  | { ok: false; problems: RoundProblem[]; drawSpec: DrawSpecLine[] | null };

/**
 * The shape check. When it fails, the draw is still returned when it parses on its own, so the form
 * can keep showing whether the bank fills it while other fields are being corrected.
 */
export function parseRoundForm(values: RoundFormValues): ParsedRoundForm {
  const parsed = roundFormSchema.safeParse(values);
  if (parsed.success) {
    const { draw, ...rest } = parsed.data;
    return {
      ok: true,
      value: {
        ...rest,
        drawSpec: draw,
        freezeMinutes: rest.boardPolicy === "frozen" ? rest.freezeMinutes : 0,
      },
    };
  }
  const draw = drawSchema.safeParse(values.draw);
  return {
    ok: false,
    problems: dedupe(parsed.error.issues.map(issueToProblem)),
    drawSpec: draw.success ? draw.data : null,
  };
}

function dedupe(problems: RoundProblem[]): RoundProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}|${p.line ?? ""}|${p.code}|${JSON.stringify(p.params ?? {})}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

// ---------------------------------------------------------------------------------------------------
// The rules

export interface RoundRulesContext {
  /** What the approved bank holds per topic × difficulty. */
  poolCounts: readonly PoolCount[];
  /** Some contestant has started the round: its draw and points may no longer change. */
  hasAttempts: boolean;
  /** The draw stored now; null for a new round. */
  previousDrawSpec: readonly DrawSpecLine[] | null;
  /** The points stored now; null or absent for a new round. */
  previousPoints?: PointsPerDifficulty | null;
  /** The contest's categories, to refuse an id from elsewhere; absent = not checked. */
  categoryIds?: readonly number[];
  /** The round's results are published: the official record, so its settings stay as they are. */
  published?: boolean;
}

const inRange = (value: number, range: { min: number; max: number }) =>
  Number.isInteger(value) && value >= range.min && value <= range.max;

/** Same lines, same order (the order decides the order questions come in when not shuffled). */
export function sameDrawSpec(a: readonly DrawSpecLine[], b: readonly DrawSpecLine[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (line, i) =>
        line.topicId === b[i].topicId && line.difficulty === b[i].difficulty && line.count === b[i].count,
    )
  );
}

/** How many approved questions fit a draw line, before other lines take their share. */
export function poolFor(
  poolCounts: readonly PoolCount[],
  line: Pick<DrawSpecLine, "topicId" | "difficulty">,
): number {
  return poolCounts
    .filter(
      (cell) =>
        (line.topicId === null || cell.topicId === line.topicId) &&
        (line.difficulty === null || cell.difficulty === line.difficulty),
    )
    .reduce((sum, cell) => sum + Math.max(0, cell.count), 0);
}

/**
 * The draw's own problems: empty, too many lines or questions, and whatever the bank cannot fill
 * (`drawShortfall` { needed, available, inPool, missing }: `available` is what is left for the line
 * after the lines above took their share, `inPool` what fits it in the whole bank).
 */
export function drawProblems(
  poolCounts: readonly PoolCount[],
  spec: readonly DrawSpecLine[],
): RoundProblem[] {
  const problems: RoundProblem[] = [];
  if (spec.length === 0) return [{ field: "draw", code: "drawEmpty" }];
  if (spec.length > ROUND_LIMITS.drawLines) {
    problems.push({ field: "draw", code: "drawTooManyLines", params: { max: ROUND_LIMITS.drawLines } });
  }
  spec.forEach((line, index) => {
    if (Number.isInteger(line.count) && line.count === 0) {
      problems.push({ field: "draw", line: index + 1, code: "drawCountZero" });
    }
  });
  const total = spec.reduce((sum, line) => sum + (Number.isInteger(line.count) ? line.count : 0), 0);
  if (total > ROUND_LIMITS.questionCount.max) {
    problems.push({
      field: "draw",
      code: "drawTooLarge",
      params: { total, max: ROUND_LIMITS.questionCount.max },
    });
  }
  for (const problem of drawShortfalls(poolCounts, spec)) {
    const line = spec[(problem.line ?? 1) - 1];
    if (problem.code === "drawShortfall" && line) {
      const needed = Number(problem.params?.needed ?? line.count);
      const available = Number(problem.params?.available ?? 0);
      problems.push({
        field: "draw",
        line: problem.line,
        code: problem.code,
        params: { ...problem.params, inPool: poolFor(poolCounts, line), missing: needed - available },
      });
    } else {
      problems.push({ field: "draw", line: problem.line, code: problem.code, params: problem.params });
    }
  }
  return problems;
}

/**
 * The contest's rules for a round's settings, as problems; empty when the console may save them.
 * - closesBeforeOpens: the close must come after the opening;
 * - durationOutOfRange: 1–180 minutes;
 * - the draw (see `drawProblems`), checked against the bank when it is new or changed;
 * - drawLocked / pointsLocked: once a contestant has started, the draw and the points stay as they
 *   were, or two entrants would have sat different papers under one ranking;
 * - maxAttemptsOutOfRange, freezeOutOfRange, freezeLongerThanRound, pointsOutOfRange,
 *   prizeNegative, prizeTooMany, categoryUnknown;
 * - roundPublished: the published results are the official record, so nothing changes after that.
 */
export function roundSettingsProblems(input: RoundSettingsInput, context: RoundRulesContext): RoundProblem[] {
  if (context.published) return [{ field: "form", code: "roundPublished" }];
  const problems: RoundProblem[] = [];
  const windowMs = input.closesAt.getTime() - input.opensAt.getTime();
  if (windowMs <= 0) problems.push({ field: "closesAt", code: "closesBeforeOpens" });

  if (!inRange(input.durationMinutes, ROUND_LIMITS.durationMinutes)) {
    problems.push({
      field: "durationMinutes",
      code: "durationOutOfRange",
      params: ROUND_LIMITS.durationMinutes,
    });
  }

  const drawChanged =
    context.previousDrawSpec === null || !sameDrawSpec(context.previousDrawSpec, input.drawSpec);
  if (context.hasAttempts && context.previousDrawSpec !== null && drawChanged) {
    problems.push({ field: "draw", code: "drawLocked" });
  } else if (drawChanged) {
    // An unchanged draw was checked when it was saved; if the bank has shrunk since, the draw table
    // shows it, but that must not stop the organizer from correcting a title or a closing time.
    problems.push(...drawProblems(context.poolCounts, input.drawSpec));
  }

  const previousPoints = context.previousPoints ?? null;
  if (
    context.hasAttempts &&
    previousPoints !== null &&
    DIFFICULTIES.some((d) => previousPoints[d] !== input.points[d])
  ) {
    problems.push({ field: "points", code: "pointsLocked" });
  }
  for (const difficulty of DIFFICULTIES) {
    if (!inRange(input.points[difficulty], ROUND_LIMITS.points)) {
      problems.push({
        field: "points",
        code: "pointsOutOfRange",
        params: { kind: difficulty, ...ROUND_LIMITS.points },
      });
    }
  }

  if (!inRange(input.maxAttempts, ROUND_LIMITS.maxAttempts)) {
    problems.push({ field: "maxAttempts", code: "maxAttemptsOutOfRange", params: ROUND_LIMITS.maxAttempts });
  }

  if (input.boardPolicy === "frozen") {
    if (!inRange(input.freezeMinutes, ROUND_LIMITS.freezeMinutes)) {
      problems.push({ field: "freezeMinutes", code: "freezeOutOfRange", params: ROUND_LIMITS.freezeMinutes });
    } else if (windowMs > 0 && input.freezeMinutes * 60_000 >= windowMs) {
      problems.push({ field: "freezeMinutes", code: "freezeLongerThanRound" });
    }
  }

  for (const kind of PRIZE_KINDS) {
    const count = input.prizes[kind];
    if (count < 0) problems.push({ field: "prizes", code: "prizeNegative", params: { kind } });
    else if (!inRange(count, ROUND_LIMITS.prizeCount)) {
      problems.push({
        field: "prizes",
        code: "prizeTooMany",
        params: { kind, max: ROUND_LIMITS.prizeCount.max },
      });
    }
  }

  if (context.categoryIds) {
    const known = new Set(context.categoryIds);
    if (input.eligibleCategories.some((id) => !known.has(id))) {
      problems.push({ field: "eligibleCategories", code: "categoryUnknown" });
    }
  }
  return problems;
}

export type RoundFormCheck =
  | { ok: true; value: RoundSettingsInput }
  | { ok: false; problems: RoundProblem[]; drawSpec: DrawSpecLine[] | null };

/** The whole check the console runs, in the browser as the organizer types and again on the server. */
export function checkRoundForm(values: RoundFormValues, context: RoundRulesContext): RoundFormCheck {
  if (context.published)
    return { ok: false, problems: [{ field: "form", code: "roundPublished" }], drawSpec: null };
  const parsed = parseRoundForm(values);
  if (!parsed.ok) {
    // Keep telling whether the bank fills the draw while other fields are being corrected.
    const drawIsShapeValid = !parsed.problems.some((p) => p.field === "draw");
    const extra =
      parsed.drawSpec && drawIsShapeValid ? roundSettingsProblemsForDraw(parsed.drawSpec, context) : [];
    return { ok: false, problems: [...parsed.problems, ...extra], drawSpec: parsed.drawSpec };
  }
  const problems = roundSettingsProblems(parsed.value, context);
  return problems.length > 0
    ? { ok: false, problems, drawSpec: parsed.value.drawSpec }
    : { ok: true, value: parsed.value };
}

function roundSettingsProblemsForDraw(spec: DrawSpecLine[], context: RoundRulesContext): RoundProblem[] {
  const changed = context.previousDrawSpec === null || !sameDrawSpec(context.previousDrawSpec, spec);
  if (!changed) return [];
  if (context.hasAttempts && context.previousDrawSpec !== null)
    return [{ field: "draw", code: "drawLocked" }];
  return drawProblems(context.poolCounts, spec);
}

// ---------------------------------------------------------------------------------------------------
// Values for the form

/** A new round's settings as the PRODUCT.md conventions suggest: 20 questions in 15 minutes, 1/2/3/5 prizes. */
export function defaultRoundSettings(opensAt: Date, closesAt: Date): RoundSettingsInput {
  return {
    title: "",
    opensAt,
    closesAt,
    durationMinutes: 15,
    drawSpec: [
      { topicId: null, difficulty: "easy", count: 8 },
      { topicId: null, difficulty: "medium", count: 8 },
      { topicId: null, difficulty: "hard", count: 4 },
    ],
    shuffleQuestions: true,
    shuffleOptions: true,
    predictionEnabled: true,
    maxAttempts: 1,
    eligibleCategories: [],
    showReviewAfterClose: true,
    boardPolicy: "live",
    freezeMinutes: 0,
    points: { ...DEFAULT_POINTS },
    prizes: { first: 1, second: 2, third: 3, consolation: 5 },
  };
}

/** Settings → the text the form's inputs show (times as Vietnam wall-clock time). */
export function roundFormValues(settings: RoundSettingsInput): RoundFormValues {
  return {
    title: settings.title,
    opensAt: toVnDateTimeLocal(settings.opensAt),
    closesAt: toVnDateTimeLocal(settings.closesAt),
    durationMinutes: String(settings.durationMinutes),
    draw: settings.drawSpec.map((line) => ({
      topic: line.topicId === null ? ANY : String(line.topicId),
      difficulty: line.difficulty ?? ANY,
      count: String(line.count),
    })),
    shuffleQuestions: settings.shuffleQuestions,
    shuffleOptions: settings.shuffleOptions,
    predictionEnabled: settings.predictionEnabled,
    maxAttempts: String(settings.maxAttempts),
    eligibleCategories: settings.eligibleCategories.map(String),
    showReviewAfterClose: settings.showReviewAfterClose,
    boardPolicy: settings.boardPolicy,
    freezeMinutes: settings.freezeMinutes > 0 ? String(settings.freezeMinutes) : "",
    points: mapKeys(DIFFICULTIES, (d) => String(settings.points[d])),
    prizes: mapKeys(PRIZE_KINDS, (k) => String(settings.prizes[k])),
  };
}

/** What changed between two versions of the settings: the field names, for the audit log. */
export function changedRoundFields(before: RoundSettingsInput, after: RoundSettingsInput): string[] {
  const a = roundFormValues(before);
  const b = roundFormValues(after);
  return (Object.keys(a) as (keyof RoundFormValues)[]).filter(
    (key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]),
  );
}
