import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Difficulty } from "./question";
import {
  countPool,
  drawQuestions,
  drawShortfalls,
  mulberry32,
  optionOrder,
  seedFrom,
  shuffle,
  type DrawableQuestion,
  type DrawSpecLine,
} from "./draw";

describe("mulberry32", () => {
  it("repeats the same sequence for the same seed and a different one for another seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
  });

  it("stays in [0, 1) and spreads evenly over ten buckets", () => {
    const random = mulberry32(2026);
    const buckets = Array(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = random();
      if (!(x >= 0 && x < 1)) outside += 1;
      else buckets[Math.floor(x * 10)] += 1;
    }
    expect(outside).toBe(0);
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });

  it("treats the seed as 32-bit, so negative and large seeds work", () => {
    expect(mulberry32(-1)()).toBe(mulberry32(0xffffffff)());
  });
});

describe("seedFrom", () => {
  it("is stable and keeps parts apart", () => {
    expect(seedFrom(7, 123)).toBe(seedFrom(7, 123));
    expect(seedFrom(1, 23)).not.toBe(seedFrom(12, 3));
    expect(seedFrom(7, 123)).not.toBe(seedFrom(7, 124));
    expect(Number.isInteger(seedFrom("round", 5)) && seedFrom("round", 5) >= 0).toBe(true);
  });
});

describe("shuffle", () => {
  it("returns a permutation and leaves the input untouched", () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const output = shuffle(input, mulberry32(1));
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect([...output].sort((a, b) => a - b)).toEqual(input);
  });

  it("makes every order of three items about equally likely", () => {
    const random = mulberry32(99);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = shuffle(["a", "b", "c"], random).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const n of counts.values()) expect(Math.abs(n - 10_000)).toBeLessThan(600);
  });
});

describe("optionOrder", () => {
  it("keeps the authored order when the question must not be shuffled", () => {
    expect(optionOrder(4, 123, false)).toEqual([0, 1, 2, 3]);
  });

  it("gives a permutation that is the same for the same seed", () => {
    const order = optionOrder(6, 5, true);
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(optionOrder(6, 5, true)).toEqual(order);
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => optionOrder(6, seed, true).join()));
    expect(orders.size).toBeGreaterThan(10);
  });
});

// ---------------------------------------------------------------------------------------------------

function makePool(cells: [topicId: number, difficulty: Difficulty, count: number][]): DrawableQuestion[] {
  let id = 0;
  return cells.flatMap(([topicId, difficulty, count]) =>
    Array.from({ length: count }, () => ({ id: ++id, topicId, difficulty })),
  );
}

const fitsLine = (line: DrawSpecLine, q: DrawableQuestion) =>
  (line.topicId === null || line.topicId === q.topicId) &&
  (line.difficulty === null || line.difficulty === q.difficulty);

/** Checks a draw that was not shuffled: grouped by line, every question fits its line, none repeated. */
function expectValidDraw(questions: DrawableQuestion[], spec: DrawSpecLine[], pool: DrawableQuestion[]) {
  expect(questions).toHaveLength(spec.reduce((sum, line) => sum + line.count, 0));
  expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
  for (const q of questions) expect(pool).toContainEqual(q);
  let offset = 0;
  for (const line of spec) {
    for (const q of questions.slice(offset, offset + line.count)) expect(fitsLine(line, q)).toBe(true);
    offset += line.count;
  }
}

describe("drawShortfalls", () => {
  it("is empty when the pool can fill every line", () => {
    const counts = countPool(
      makePool([
        [1, "easy", 5],
        [1, "hard", 2],
        [2, "medium", 4],
      ]),
    );
    expect(
      drawShortfalls(counts, [
        { topicId: 1, difficulty: "hard", count: 2 },
        { topicId: null, difficulty: null, count: 9 },
      ]),
    ).toEqual([]);
  });

  it("names the line that is short, with what it needs and what is left", () => {
    const counts = [{ topicId: 1, difficulty: "hard" as const, count: 3 }];
    expect(drawShortfalls(counts, [{ topicId: 1, difficulty: "hard", count: 5 }])).toEqual([
      {
        line: 1,
        code: "drawShortfall",
        params: { count: 5, topicId: 1, difficulty: "hard", needed: 5, available: 3 },
      },
    ]);
  });

  it("does not count a question twice for two overlapping lines", () => {
    const counts = [{ topicId: 1, difficulty: "hard" as const, count: 3 }];
    const problems = drawShortfalls(counts, [
      { topicId: 1, difficulty: null, count: 2 },
      { topicId: null, difficulty: "hard", count: 2 },
    ]);
    expect(problems).toEqual([
      { line: 2, code: "drawShortfall", params: { count: 2, difficulty: "hard", needed: 2, available: 1 } },
    ]);
  });

  it("reroutes an earlier line when a later one needs the questions only it could use", () => {
    // Line 1 could take topic 1 hard or topic 1 easy; line 2 can only take hard ones.
    // A greedy "first line picks first" could take both hard questions and strand line 2.
    const counts = [
      { topicId: 1, difficulty: "hard" as const, count: 2 },
      { topicId: 1, difficulty: "easy" as const, count: 2 },
    ];
    expect(
      drawShortfalls(counts, [
        { topicId: 1, difficulty: null, count: 2 },
        { topicId: null, difficulty: "hard", count: 2 },
      ]),
    ).toEqual([]);
  });

  it("reports a count that is not a whole number", () => {
    const problems = drawShortfalls([], [{ topicId: null, difficulty: null, count: 2.5 }]);
    expect(problems).toEqual([{ line: 1, code: "drawCountInvalid", params: { count: 2.5 } }]);
  });

  it("accepts a line asking for zero questions", () => {
    expect(drawShortfalls([], [{ topicId: 3, difficulty: "easy", count: 0 }])).toEqual([]);
  });
});

describe("drawQuestions", () => {
  const pool = makePool([
    [1, "easy", 10],
    [1, "hard", 3],
    [2, "easy", 6],
    [2, "medium", 6],
    [3, "hard", 4],
  ]);
  const spec: DrawSpecLine[] = [
    { topicId: 1, difficulty: null, count: 4 },
    { topicId: null, difficulty: "hard", count: 5 },
    { topicId: null, difficulty: null, count: 6 },
  ];

  it("fills each line with questions that fit it, without repeats", () => {
    const result = drawQuestions(pool, spec, 12345);
    if (!result.ok) throw new Error("expected a draw");
    expectValidDraw(result.questions, spec, pool);
  });

  it("gives the same draw for the same seed, whatever order the pool comes in", () => {
    const reversed = [...pool].reverse();
    const a = drawQuestions(pool, spec, 777, { shuffleOrder: true });
    const b = drawQuestions(reversed, spec, 777, { shuffleOrder: true });
    expect(b).toEqual(a);
  });

  it("gives different draws for different seeds", () => {
    const draws = new Set(
      Array.from({ length: 10 }, (_, seed) => {
        const result = drawQuestions(pool, spec, seed);
        return result.ok ? result.questions.map((q) => q.id).join() : "";
      }),
    );
    expect(draws.size).toBeGreaterThan(5);
  });

  it("shuffles the order only when asked, keeping the same questions", () => {
    const plain = drawQuestions(pool, spec, 31);
    const shuffled = drawQuestions(pool, spec, 31, { shuffleOrder: true });
    if (!plain.ok || !shuffled.ok) throw new Error("expected a draw");
    const ids = (qs: DrawableQuestion[]) => qs.map((q) => q.id);
    expect(ids(shuffled.questions).sort()).toEqual(ids(plain.questions).sort());
    expect(ids(shuffled.questions)).not.toEqual(ids(plain.questions));
  });

  it("never takes a question a later line needs, for any seed", () => {
    // Two hard questions exist; the "any" line comes first but must leave both for line 2.
    const tight = makePool([
      [1, "hard", 2],
      [1, "easy", 3],
    ]);
    const tightSpec: DrawSpecLine[] = [
      { topicId: null, difficulty: null, count: 3 },
      { topicId: null, difficulty: "hard", count: 2 },
    ];
    for (let seed = 0; seed < 200; seed++) {
      const result = drawQuestions(tight, tightSpec, seed);
      if (!result.ok) throw new Error(`seed ${seed} failed`);
      expectValidDraw(result.questions, tightSpec, tight);
    }
  });

  it("spreads an 'any' line over the whole pool across seeds", () => {
    const seen = new Set<number>();
    for (let seed = 0; seed < 300; seed++) {
      const result = drawQuestions(pool, [{ topicId: null, difficulty: null, count: 3 }], seed);
      if (result.ok) result.questions.forEach((q) => seen.add(q.id));
    }
    expect(seen.size).toBe(pool.length);
  });

  it("returns the shortfalls instead of a partial draw", () => {
    const result = drawQuestions(pool, [{ topicId: 3, difficulty: "hard", count: 5 }], 1);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          line: 1,
          code: "drawShortfall",
          params: { count: 5, topicId: 3, difficulty: "hard", needed: 5, available: 4 },
        },
      ],
    });
  });

  it("draws a question only once even when the pool lists it twice", () => {
    const twice = [...pool, ...pool];
    const result = drawQuestions(twice, [{ topicId: 3, difficulty: "hard", count: 4 }], 8);
    if (!result.ok) throw new Error("expected a draw");
    expect(new Set(result.questions.map((q) => q.id)).size).toBe(4);
    expect(drawQuestions(twice, [{ topicId: 3, difficulty: "hard", count: 5 }], 8).ok).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------
// Against a brute-force oracle on small random instances.

/** Tries every way to give each line its questions; true when some assignment fills the spec. */
function bruteForceFeasible(pool: DrawableQuestion[], spec: DrawSpecLine[]): boolean {
  const fill = (line: number, need: number, from: number, used: Set<number>): boolean => {
    if (line === spec.length) return true;
    if (need === 0) return fill(line + 1, spec[line + 1]?.count ?? 0, 0, used);
    for (let i = from; i < pool.length; i++) {
      const q = pool[i];
      if (used.has(q.id) || !fitsLine(spec[line], q)) continue;
      used.add(q.id);
      if (fill(line, need - 1, i + 1, used)) return true;
      used.delete(q.id);
    }
    return false;
  };
  return spec.length === 0 || fill(0, spec[0].count, 0, new Set());
}

describe("drawing properties", () => {
  const difficulty = fc.constantFrom<Difficulty>("easy", "medium", "hard");
  const poolArb = fc
    .array(fc.record({ topicId: fc.integer({ min: 1, max: 3 }), difficulty }), { maxLength: 9 })
    .map((qs) => qs.map((q, i) => ({ id: i + 1, ...q })));
  const specArb = fc.array(
    fc.record({
      topicId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      difficulty: fc.option(difficulty, { nil: null }),
      count: fc.integer({ min: 0, max: 4 }),
    }),
    { maxLength: 4 },
  );

  it("finds a shortfall exactly when no assignment of questions to lines exists", () => {
    fc.assert(
      fc.property(poolArb, specArb, (pool, spec) => {
        const problems = drawShortfalls(countPool(pool), spec);
        expect(problems.length === 0).toBe(bruteForceFeasible(pool, spec));
      }),
      { numRuns: 500 },
    );
  });

  it("draws a valid set whenever the spec is feasible, and the same one for the same seed", () => {
    fc.assert(
      fc.property(poolArb, specArb, fc.integer(), (pool, spec, seed) => {
        const result = drawQuestions(pool, spec, seed);
        expect(result.ok).toBe(bruteForceFeasible(pool, spec));
        if (result.ok) expectValidDraw(result.questions, spec, pool);
        expect(drawQuestions(pool, spec, seed)).toEqual(result);
      }),
      { numRuns: 500 },
    );
  });
});

describe("drawing on a reference date, with exclusion groups (issue 12)", () => {
  const difficulty = fc.constantFrom<Difficulty>("easy", "medium", "hard");
  // Dates within a few years either side of the demo's reference date, so all cases happen.
  const isoDate = fc
    .integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2027, 11, 31) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));
  const groups = fc.uniqueArray(fc.constantFrom("g1", "g2", "g3", "g4"), { maxLength: 2 });
  const questionArb = fc.record({
    topicId: fc.integer({ min: 1, max: 3 }),
    difficulty,
    validFrom: fc.option(isoDate, { nil: null }),
    validUntil: fc.option(isoDate, { nil: null }),
    exclusionGroups: groups,
  });
  const poolArb = fc
    .array(questionArb, { maxLength: 30 })
    .map((qs) => qs.map((q, i) => ({ id: i + 1, ...q })));
  const specArb = fc.array(
    fc.record({
      topicId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      difficulty: fc.option(difficulty, { nil: null }),
      count: fc.integer({ min: 0, max: 5 }),
    }),
    { maxLength: 4 },
  );

  it("never yields a question invalid on the date, nor two questions of one exclusion group", () => {
    fc.assert(
      fc.property(poolArb, specArb, isoDate, fc.integer(), (pool, spec, date, seed) => {
        const result = drawQuestions(pool, spec, seed, { referenceDate: date, shuffleOrder: true });
        if (!result.ok) return;
        const seen = new Set<string>();
        for (const q of result.questions) {
          expect(q.validFrom === null || q.validFrom <= date, `${q.id} valid from ${q.validFrom}`).toBe(true);
          expect(q.validUntil === null || date < q.validUntil, `${q.id} valid until ${q.validUntil}`).toBe(
            true,
          );
          for (const g of q.exclusionGroups) {
            expect(seen.has(g), `group ${g} twice`).toBe(false);
            seen.add(g);
          }
        }
        expect(result.questions.length).toBe(spec.reduce((n, line) => n + line.count, 0));
        expect(drawQuestions(pool, spec, seed, { referenceDate: date, shuffleOrder: true })).toEqual(result);
      }),
      { numRuns: 1000 },
    );
  });

  it("fills a spec from the valid questions alone when there are enough of them", () => {
    const pool = Array.from({ length: 12 }, (_, i) => ({
      id: i + 1,
      topicId: 1,
      difficulty: "easy" as const,
      // Six questions true in June 2023 only, six true only from July 2024.
      ...(i < 6 ? { validUntil: "2024-07-01" } : { validFrom: "2024-07-01" }),
    }));
    const spec = [{ topicId: null, difficulty: null, count: 6 }];
    const demo = drawQuestions(pool, spec, 7, { referenceDate: "2023-06-01" });
    const today = drawQuestions(pool, spec, 7, { referenceDate: "2026-12-01" });
    expect(demo.ok && demo.questions.map((q) => q.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(today.ok && today.questions.map((q) => q.id).sort((a, b) => a - b)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(drawQuestions(pool, [{ ...spec[0]!, count: 7 }], 7, { referenceDate: "2023-06-01" }).ok).toBe(
      false,
    );
  });

  it("draws one question of an exclusion group, whichever one the seed picks", () => {
    const pool = [
      { id: 1, topicId: 1, difficulty: "easy" as const, exclusionGroups: ["ctcds-muc-tieu"] },
      { id: 2, topicId: 1, difficulty: "easy" as const, exclusionGroups: ["ctcds-muc-tieu"] },
      { id: 3, topicId: 1, difficulty: "easy" as const },
    ];
    const spec = [{ topicId: null, difficulty: null, count: 2 }];
    const picked = new Set<number>();
    for (let seed = 0; seed < 40; seed++) {
      const result = drawQuestions(pool, spec, seed);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const ids = result.questions.map((q) => q.id);
      expect(ids).toContain(3);
      picked.add(ids.find((id) => id !== 3)!);
    }
    expect([...picked].sort()).toEqual([1, 2]);
    expect(drawQuestions(pool, [{ ...spec[0]!, count: 3 }], 1).ok).toBe(false);
  });
});
