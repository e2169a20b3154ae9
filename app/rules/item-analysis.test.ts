import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyseItems, upperLowerGroups, type ItemExaminee, type ItemResponse } from "./item-analysis";

const examinees = (n: number): ItemExaminee[] =>
  Array.from({ length: n }, (_, i) => ({ examineeId: i + 1, score: n - i }));

describe("upper and lower groups", () => {
  it("take 27% of the entrants each, from the top and the bottom of the scores", () => {
    const { upper, lower } = upperLowerGroups(examinees(100));
    expect(upper.size).toBe(27);
    expect(lower.size).toBe(27);
    expect(upper.has(1)).toBe(true);
    expect(lower.has(100)).toBe(true);
    expect(upper.has(28)).toBe(false);
  });

  it("never overlap, whatever the number of entrants", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }), (scores) => {
        const { upper, lower } = upperLowerGroups(scores.map((score, i) => ({ examineeId: i, score })));
        for (const id of upper) expect(lower.has(id)).toBe(false);
        expect(upper.size).toBe(lower.size);
      }),
    );
  });
});

describe("item analysis", () => {
  it("counts draws, correct shares and option shares over those who drew the question", () => {
    const people = examinees(4);
    const responses: ItemResponse[] = [
      { examineeId: 1, itemId: 7, chosen: [1], isCorrect: true },
      { examineeId: 2, itemId: 7, chosen: [1], isCorrect: true },
      { examineeId: 3, itemId: 7, chosen: [0], isCorrect: false },
      { examineeId: 4, itemId: 7, chosen: null, isCorrect: false },
    ];
    const [stats] = analyseItems([{ itemId: 7, optionCount: 4, correct: [1] }], people, responses);
    expect(stats).toMatchObject({ drawn: 4, answered: 3, correct: 2, correctShare: 0.5, blankShare: 0.25 });
    expect(stats.optionShares).toEqual([0.25, 0.5, 0, 0]);
    // Groups of round(4 × 0.27) = 1: the best (right) and the worst (blank).
    expect(stats.discrimination).toBe(1);
    expect(stats.flags).toEqual([]); // too few to judge
  });

  it("flags a question the weak entrants get right more often than the strong ones (a wrong key?)", () => {
    const people = examinees(100);
    const responses: ItemResponse[] = people.map(({ examineeId }) => {
      const strong = examineeId <= 50;
      // The strong pick option 2 — which the key calls wrong; the weak pick the "correct" option 0.
      return { examineeId, itemId: 1, chosen: [strong ? 2 : 0], isCorrect: !strong };
    });
    const [stats] = analyseItems([{ itemId: 1, optionCount: 4, correct: [0] }], people, responses);
    expect(stats.discrimination).toBe(-1);
    expect(stats.flags).toContain("negativeDiscrimination");
  });

  it("flags a distractor chosen more often than the key, and a question almost nobody gets right", () => {
    const people = examinees(40);
    const responses: ItemResponse[] = people.map(({ examineeId }) => ({
      examineeId,
      itemId: 3,
      chosen: [examineeId % 10 === 0 ? 0 : 1],
      isCorrect: examineeId % 10 === 0,
    }));
    const [stats] = analyseItems([{ itemId: 3, optionCount: 4, correct: [0] }], people, responses);
    expect(stats.correctShare).toBeCloseTo(0.1);
    expect(stats.flags).toEqual(expect.arrayContaining(["distractorPreferred", "veryHard"]));
  });

  it("does not flag a question that separates strong from weak entrants well", () => {
    const people = examinees(100);
    const responses: ItemResponse[] = people.map(({ examineeId }) => ({
      examineeId,
      itemId: 5,
      chosen: [examineeId <= 60 ? 3 : 1],
      isCorrect: examineeId <= 60,
    }));
    const [stats] = analyseItems([{ itemId: 5, optionCount: 4, correct: [3] }], people, responses);
    expect(stats.discrimination).toBe(1);
    expect(stats.flags).toEqual([]);
  });

  it("reports a question nobody drew without dividing by zero", () => {
    const [stats] = analyseItems([{ itemId: 9, optionCount: 2, correct: [0] }], examinees(10), []);
    expect(stats).toMatchObject({
      drawn: 0,
      correctShare: null,
      blankShare: null,
      discrimination: null,
      flags: [],
    });
    expect(stats.optionShares).toEqual([0, 0]);
  });
});
