/**
 * Drawing a round's questions for one attempt, reproducibly.
 *
 * The server stores the seed with the attempt; from it the same questions, in the same order, with the
 * same option order come back after a reload or a crash, without storing the whole draw in the browser
 * (PRODUCT.md: never lose an answer to a dropped connection or a reload).
 *
 * A spec is a list of lines like "5 hard questions on topic 3" or "10 questions of any topic". Lines
 * overlap (a hard topic-3 question fits both), and a question can be drawn only once, so whether a spec
 * can be filled is a small transport problem: lines on one side, pool cells (topic × difficulty) on the
 * other. It is solved exactly with a max-flow over a handful of nodes.
 *
 * With a reference date (the contest's "ngày đối chiếu", issue 12) only questions whose key is true on
 * that date enter the pool; questions sharing an exclusion group never come into one attempt.
 */
import { isValidOn, type Difficulty, type Problem } from "./question";

// ---------------------------------------------------------------------------------------------------
// Seeded randomness

/** A source of floats in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a tiny, fast 32-bit PRNG with good enough statistics for shuffling — not for secrets.
 * The same seed gives the same sequence on the server and in tests, in any JavaScript engine.
 */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit seed from several parts, e.g. `seedFrom(attemptSeed, questionId)` for the option order of one
 * question, so each question gets its own stream and adding a question does not change the others.
 * (FNV-1a over the parts' text, then a final avalanche so nearby inputs give unrelated seeds.)
 */
export function seedFrom(...parts: (number | string)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join("\u001f")) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/** A whole number in [0, n). */
function below(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** Fisher–Yates: every order equally likely. Returns a new array; the input is left alone. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = below(random, i + 1);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/**
 * The order in which to show a question's options: position p on screen shows original option
 * `order[p]`. Without `shuffle` (true/false questions, "all of the above"), the authored order.
 */
export function optionOrder(nOptions: number, seed: number, shuffleOptions: boolean): number[] {
  const authored = Array.from({ length: nOptions }, (_, i) => i);
  return shuffleOptions ? shuffle(authored, mulberry32(seed)) : authored;
}

// ---------------------------------------------------------------------------------------------------
// Specs and pools

export interface DrawableQuestion {
  id: number;
  topicId: number;
  difficulty: Difficulty;
  /** ISO dates; the key is true on D iff validFrom <= D < validUntil (either may be open). */
  validFrom?: string | null;
  validUntil?: string | null;
  /** Questions sharing a group are never drawn together. */
  exclusionGroups?: readonly string[];
}

/** The questions of a pool whose key is true on `date` (YYYY-MM-DD). */
export function validOn<Q extends DrawableQuestion>(pool: readonly Q[], date: string): Q[] {
  return pool.filter((q) => isValidOn(q, date));
}

export interface DrawSpecLine {
  /** null: any topic. */
  topicId: number | null;
  /** null: any difficulty. */
  difficulty: Difficulty | null;
  count: number;
}

/** How many questions the pool holds for one topic and difficulty (what a GROUP BY returns). */
export interface PoolCount {
  topicId: number;
  difficulty: Difficulty;
  count: number;
}

function fits(line: DrawSpecLine, cell: { topicId: number; difficulty: Difficulty }): boolean {
  return (
    (line.topicId === null || line.topicId === cell.topicId) &&
    (line.difficulty === null || line.difficulty === cell.difficulty)
  );
}

/**
 * Max-flow from spec lines to pool cells (Ford–Fulkerson with depth-first augmenting paths; the graphs
 * are tiny: a few lines, topics × 3 cells, at most a few dozen units of flow).
 */
class LineCellFlow {
  /** flow[l][c]: how many questions line l takes from cell c. */
  private readonly flow: number[][];
  private readonly cellUsed: number[];

  constructor(
    private readonly eligible: boolean[][],
    private readonly capacity: readonly number[],
  ) {
    this.flow = eligible.map(() => capacity.map(() => 0));
    this.cellUsed = capacity.map(() => 0);
  }

  /**
   * Adds up to `wanted` units for `line`, rerouting earlier lines through other cells where that frees
   * room but never reducing what they already get. Returns how many units were added.
   */
  fill(line: number, wanted: number): number {
    let added = 0;
    while (added < wanted && this.augment(line, new Set())) added += 1;
    return added;
  }

  /** One augmenting path from `line` to a cell with room, via alternating (cell → line using it) steps. */
  private augment(line: number, visitedCells: Set<number>): boolean {
    for (let c = 0; c < this.capacity.length; c++) {
      if (!this.eligible[line][c] || visitedCells.has(c)) continue;
      visitedCells.add(c);
      if (this.cellUsed[c] < this.capacity[c]) {
        this.flow[line][c] += 1;
        this.cellUsed[c] += 1;
        return true;
      }
      // Cell full: can some other line that uses it move one unit elsewhere?
      for (let other = 0; other < this.flow.length; other++) {
        if (this.flow[other][c] > 0 && this.augment(other, visitedCells)) {
          this.flow[other][c] -= 1;
          this.flow[line][c] += 1;
          return true;
        }
      }
    }
    return false;
  }
}

function validCount(count: number): boolean {
  return Number.isInteger(count) && count >= 0;
}

/**
 * Which spec lines the pool cannot fill, as problems for the organizer (catalogue keys
 * `round.problem.<code>`; `line` is the 1-based spec line):
 * - `drawCountInvalid` — the count is not a whole number ≥ 0;
 * - `drawShortfall` { needed, available } — after the lines above it took their share, only `available`
 *   questions are left for this line. Lines are served in the order written, and a question already
 *   promised to one line is not counted again for another.
 * Empty when the spec can be drawn.
 */
export function drawShortfalls(poolCounts: readonly PoolCount[], spec: readonly DrawSpecLine[]): Problem[] {
  const problems: Problem[] = [];
  const flow = new LineCellFlow(
    spec.map((line) => poolCounts.map((cell) => fits(line, cell))),
    poolCounts.map((cell) => Math.max(0, cell.count)),
  );
  spec.forEach((line, index) => {
    if (!validCount(line.count)) {
      problems.push({ line: index + 1, code: "drawCountInvalid", params: describeLine(line) });
      return;
    }
    const available = flow.fill(index, line.count);
    if (available < line.count) {
      problems.push({
        line: index + 1,
        code: "drawShortfall",
        params: { ...describeLine(line), needed: line.count, available },
      });
    }
  });
  return problems;
}

function describeLine(line: DrawSpecLine): Record<string, string | number> {
  const params: Record<string, string | number> = { count: line.count };
  if (line.topicId !== null) params.topicId = line.topicId;
  if (line.difficulty !== null) params.difficulty = line.difficulty;
  return params;
}

/** Counts a pool per topic and difficulty, ignoring repeated ids. */
export function countPool(pool: readonly DrawableQuestion[]): PoolCount[] {
  return groupCells(uniqueById(pool)).map(({ topicId, difficulty, questions }) => ({
    topicId,
    difficulty,
    count: questions.length,
  }));
}

interface Cell<Q extends DrawableQuestion> {
  topicId: number;
  difficulty: Difficulty;
  questions: Q[];
}

function groupCells<Q extends DrawableQuestion>(pool: readonly Q[]): Cell<Q>[] {
  const cells = new Map<string, Cell<Q>>();
  for (const question of pool) {
    const key = `${question.topicId}|${question.difficulty}`;
    const cell = cells.get(key) ?? {
      topicId: question.topicId,
      difficulty: question.difficulty,
      questions: [],
    };
    cell.questions.push(question);
    cells.set(key, cell);
  }
  return [...cells.values()];
}

function uniqueById<Q extends DrawableQuestion>(pool: readonly Q[]): Q[] {
  const seen = new Set<number>();
  return pool.filter((q) => (seen.has(q.id) ? false : (seen.add(q.id), true)));
}

export interface DrawOptions {
  /** Shuffle the drawn questions into one random order; otherwise they come grouped by spec line. */
  shuffleOrder?: boolean;
  /** Only questions valid on this ISO date (YYYY-MM-DD) are drawn. */
  referenceDate?: string | null;
}

/** How many seeded ways of thinning exclusion groups are tried before a spec is called unfillable. */
const EXCLUSION_TRIES = 8;

/**
 * A maximal set of questions no two of which share an exclusion group: the pool in a seeded random
 * order, keeping each question whose groups are still unused. Every question of a group has the same
 * chance to be the one kept.
 */
function withoutConflicts<Q extends DrawableQuestion>(pool: readonly Q[], random: Random): Q[] {
  const used = new Set<string>();
  return shuffle(pool, random)
    .filter((q) => {
      const groups = q.exclusionGroups ?? [];
      if (groups.some((g) => used.has(g))) return false;
      for (const g of groups) used.add(g);
      return true;
    })
    .sort((a, b) => a.id - b.id);
}

export type DrawResult<Q> = { ok: true; questions: Q[] } | { ok: false; problems: Problem[] };

/**
 * Draws the questions for one attempt. The same pool (in any order), spec and seed always give the same
 * questions in the same order.
 *
 * Each pick is uniform among the questions that fit the line and that keep the rest of the spec
 * possible; a "10 of any topic" line therefore spreads over the whole pool rather than filling from one
 * corner, yet never takes the last hard question a later "2 hard" line needs.
 */
export function drawQuestions<Q extends DrawableQuestion>(
  pool: readonly Q[],
  spec: readonly DrawSpecLine[],
  seed: number,
  options: DrawOptions = {},
): DrawResult<Q> {
  // Sorting by id first makes the draw independent of the order the database returned the pool in.
  let candidates = uniqueById(pool).sort((a, b) => a.id - b.id);
  if (options.referenceDate) candidates = validOn(candidates, options.referenceDate);
  if (!candidates.some((q) => (q.exclusionGroups ?? []).length > 0))
    return drawFromPool(candidates, spec, seed, options);
  // Exclusion groups: draw from a conflict-free subset. Which subset is seeded too, so the same seed
  // gives the same attempt; a few subsets are tried before the spec is called unfillable.
  let result: DrawResult<Q> = { ok: false, problems: [] };
  for (let attempt = 0; attempt < EXCLUSION_TRIES; attempt++) {
    const subset = withoutConflicts(candidates, mulberry32(seedFrom(seed, "exclusion", attempt)));
    result = drawFromPool(subset, spec, seed, options);
    if (result.ok) return result;
  }
  return result;
}

function drawFromPool<Q extends DrawableQuestion>(
  sorted: readonly Q[],
  spec: readonly DrawSpecLine[],
  seed: number,
  options: DrawOptions,
): DrawResult<Q> {
  const cells = groupCells(sorted);
  const problems = drawShortfalls(
    cells.map(({ topicId, difficulty, questions }) => ({ topicId, difficulty, count: questions.length })),
    spec,
  );
  if (problems.length > 0) return { ok: false, problems };

  const random = mulberry32(seed);
  const eligible = spec.map((line) => cells.map((cell) => fits(line, cell)));
  const left = cells.map((cell) => cell.questions.length);
  const needed = spec.map((line) => line.count);
  const taken = cells.map(() => 0);
  const cellsPicked: number[][] = spec.map(() => []);

  spec.forEach((_, line) => {
    while (needed[line] > 0) {
      const cell = pickCell(line, eligible, left, needed, random);
      left[cell] -= 1;
      needed[line] -= 1;
      taken[cell] += 1;
      cellsPicked[line].push(cell);
    }
  });

  // Which questions of a cell: a seeded shuffle of the cell, taken from the front.
  const cellOrder = cells.map((cell) => shuffle(cell.questions, random));
  const next = cells.map(() => 0);
  const drawn = cellsPicked.flatMap((picks) => picks.map((cell) => cellOrder[cell][next[cell]++]));
  return { ok: true, questions: options.shuffleOrder ? shuffle(drawn, random) : drawn };
}

/**
 * Chooses the cell for one more question of `line`: a cell with probability proportional to the
 * questions it has left (so each remaining question is equally likely), among the cells whose use still
 * leaves the remaining spec fillable.
 */
function pickCell(
  line: number,
  eligible: boolean[][],
  left: number[],
  needed: number[],
  random: Random,
): number {
  const candidates = left
    .map((n, cell) => (eligible[line][cell] && n > 0 ? cell : -1))
    .filter((cell) => cell >= 0);
  const safe = candidates.filter((cell) => staysFeasible(line, cell, eligible, left, needed));
  const total = safe.reduce((sum, cell) => sum + left[cell], 0);
  let ticket = below(random, total);
  for (const cell of safe) {
    if (ticket < left[cell]) return cell;
    ticket -= left[cell];
  }
  // Unreachable: the spec was feasible before this pick, so at least one cell keeps it feasible.
  throw new Error("drawQuestions: no cell keeps the spec feasible");
}

function staysFeasible(
  line: number,
  cell: number,
  eligible: boolean[][],
  left: number[],
  needed: number[],
): boolean {
  // If no other line still needing questions can use this cell, taking from it cannot hurt them, and
  // this line's own remaining need can use whatever it would have used instead. Skips most max-flows.
  const contested = needed.some((n, other) => other !== line && n > 0 && eligible[other][cell]);
  if (!contested) return true;
  const capacity = left.map((n, c) => (c === cell ? n - 1 : n));
  const remaining = needed.map((n, l) => (l === line ? n - 1 : n));
  const flow = new LineCellFlow(eligible, capacity);
  return remaining.every((n, l) => flow.fill(l, n) === n);
}
