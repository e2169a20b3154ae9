import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isAnswerCorrect, scoreAttempt, type ScoringItem } from "./scoring";

describe("isAnswerCorrect", () => {
  it("accepts the single correct option", () => {
    expect(isAnswerCorrect([2], [2])).toBe(true);
  });

  it("refuses a wrong option and an unanswered question", () => {
    expect(isAnswerCorrect([2], [1])).toBe(false);
    expect(isAnswerCorrect([2], null)).toBe(false);
    expect(isAnswerCorrect([2], [])).toBe(false);
  });

  it("needs exactly the correct set when several options are correct, in any order", () => {
    expect(isAnswerCorrect([0, 2], [2, 0])).toBe(true);
    expect(isAnswerCorrect([0, 2], [0])).toBe(false); // partly right is wrong
    expect(isAnswerCorrect([0, 2], [0, 1, 2])).toBe(false); // ticking everything is wrong
    expect(isAnswerCorrect([0, 2], [0, 1])).toBe(false);
  });

  it("treats a repeated choice as the same choice", () => {
    expect(isAnswerCorrect([1], [1, 1])).toBe(true);
  });

  it("never counts a question that has no correct option", () => {
    expect(isAnswerCorrect([], [])).toBe(false);
  });
});

describe("scoreAttempt", () => {
  const items: ScoringItem[] = [
    { difficulty: "easy", correct: [0], chosen: [0] },
    { difficulty: "medium", correct: [1, 3], chosen: [3, 1] },
    { difficulty: "hard", correct: [2], chosen: [1] },
    { difficulty: "hard", correct: [0], chosen: null },
  ];

  it("gives one point per correct question by default", () => {
    const result = scoreAttempt(items);
    expect(result.score).toBe(2);
    expect(result.maxScore).toBe(4);
    expect(result.correctCount).toBe(2);
    expect(result.allCorrect).toBe(false);
    expect(result.items).toEqual([
      { isCorrect: true, points: 1 },
      { isCorrect: true, points: 1 },
      { isCorrect: false, points: 0 },
      { isCorrect: false, points: 0 },
    ]);
  });

  it("weights questions by difficulty when the round says so, defaulting the rest to 1", () => {
    const result = scoreAttempt(
      [
        { difficulty: "easy", correct: [0], chosen: [0] },
        { difficulty: "medium", correct: [0], chosen: [0] },
        { difficulty: "hard", correct: [0], chosen: [0] },
      ],
      { medium: 2, hard: 3 },
    );
    expect(result.score).toBe(6);
    expect(result.items.map((i) => i.points)).toEqual([1, 2, 3]);
    expect(result.allCorrect).toBe(true);
  });

  it("reports allCorrect only when every question is right", () => {
    const perfect: ScoringItem[] = items.map((i) => ({ ...i, chosen: [...i.correct] }));
    expect(scoreAttempt(perfect).allCorrect).toBe(true);
    expect(scoreAttempt(perfect.slice(0, 3).concat({ ...perfect[3], chosen: null })).allCorrect).toBe(false);
  });

  it("does not count an empty attempt as perfect", () => {
    expect(scoreAttempt([])).toEqual({
      score: 0,
      maxScore: 0,
      correctCount: 0,
      items: [],
      allCorrect: false,
    });
  });

  it("refuses negative or non-finite points", () => {
    expect(() => scoreAttempt(items, { hard: -1 })).toThrow(RangeError);
    expect(() => scoreAttempt(items, { easy: Number.NaN })).toThrow(RangeError);
  });

  it("keeps the totals consistent with the items for any attempt", () => {
    const item = fc.record({
      difficulty: fc.constantFrom("easy" as const, "medium" as const, "hard" as const),
      correct: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
      chosen: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 4 }), { nil: null }),
    });
    const weights = fc.record({
      easy: fc.integer({ min: 0, max: 5 }),
      medium: fc.integer({ min: 0, max: 5 }),
      hard: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), weights, (attempt, points) => {
        const result = scoreAttempt(attempt, points);
        expect(result.items).toHaveLength(attempt.length);
        expect(result.score).toBe(result.items.reduce((sum, i) => sum + i.points, 0));
        expect(result.correctCount).toBe(result.items.filter((i) => i.isCorrect).length);
        expect(result.score).toBeLessThanOrEqual(result.maxScore);
        expect(result.allCorrect).toBe(attempt.length > 0 && result.correctCount === attempt.length);
        attempt.forEach((q, n) => {
          expect(result.items[n].isCorrect).toBe(isAnswerCorrect(q.correct, q.chosen));
          expect(result.items[n].points).toBe(result.items[n].isCorrect ? points[q.difficulty] : 0);
        });
      }),
    );
  });
});
