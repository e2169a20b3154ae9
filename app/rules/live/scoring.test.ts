import { describe, expect, it } from "vitest";
import { answerPoints, liveStandings, movement, type LiveScoring } from "./scoring";
import { joinCodeFrom, mayPlay } from "./eligibility";

const plain: LiveScoring = { basePoints: 10, speedBonus: false, speedBonusPoints: 0, secondsPerQuestion: 20 };
const speedy: LiveScoring = { ...plain, speedBonus: true, speedBonusPoints: 10 };

describe("live scoring", () => {
  it("gives correct answers their points, speed only when the organizer turned the bonus on", () => {
    expect(answerPoints(plain, true, 19_000)).toBe(10);
    expect(answerPoints(plain, false, 1_000)).toBe(0);
    expect(answerPoints(speedy, true, 0)).toBe(20);
    expect(answerPoints(speedy, true, 10_000)).toBe(15);
    expect(answerPoints(speedy, true, 25_000)).toBe(10);
    expect(answerPoints(speedy, false, 0)).toBe(0);
  });

  it("ranks by points, then answering time of correct answers, then the prediction", () => {
    const players = [1, 2, 3, 4].map((id) => ({
      contestantId: id,
      prediction: id === 3 ? 1 : id === 4 ? 5 : null,
    }));
    const answers = [
      { contestantId: 1, position: 0, correct: true, elapsedMs: 5_000 },
      { contestantId: 1, position: 1, correct: true, elapsedMs: 5_000 },
      { contestantId: 2, position: 0, correct: true, elapsedMs: 1_000 },
      { contestantId: 2, position: 1, correct: false, elapsedMs: 500 },
      { contestantId: 3, position: 0, correct: true, elapsedMs: 2_000 },
      { contestantId: 4, position: 0, correct: true, elapsedMs: 2_000 },
    ];
    const { perfectCount, rows } = liveStandings(plain, players, answers, {
      questionCount: 2,
      skipped: new Set(),
    });
    expect(perfectCount).toBe(1);
    expect(rows.map((r) => r.contestantId)).toEqual([1, 2, 3, 4]);
    expect(rows[0]).toMatchObject({ score: 20, correctTimeMs: 10_000, allCorrect: true, rank: 1 });
    expect(rows[2]).toMatchObject({ predictionDistance: 0 });
    expect(rows[3]).toMatchObject({ predictionDistance: 4 });
  });

  it("counts a skipped question for nobody", () => {
    const players = [
      { contestantId: 1, prediction: null },
      { contestantId: 2, prediction: null },
    ];
    const answers = [
      { contestantId: 1, position: 0, correct: true, elapsedMs: 1_000 },
      { contestantId: 2, position: 1, correct: true, elapsedMs: 9_000 },
    ];
    const { rows, perfectCount } = liveStandings(plain, players, answers, {
      questionCount: 2,
      skipped: new Set([0]),
    });
    expect(rows.map((r) => [r.contestantId, r.score])).toEqual([
      [2, 10],
      [1, 0],
    ]);
    expect(perfectCount).toBe(1);
  });

  it("gives the same order whatever the input order", () => {
    const players = [5, 3, 9].map((id) => ({ contestantId: id, prediction: null }));
    const a = liveStandings(plain, players, [], { questionCount: 1, skipped: new Set() }).rows.map(
      (r) => r.contestantId,
    );
    const b = liveStandings(plain, [...players].reverse(), [], {
      questionCount: 1,
      skipped: new Set(),
    }).rows.map((r) => r.contestantId);
    expect(a).toEqual([3, 5, 9]);
    expect(b).toEqual(a);
  });

  it("reports movement on the board", () => {
    const before = new Map([[1, 3]]);
    expect(movement(before, 1, 1)).toBe(2);
    expect(movement(before, 2, 1)).toBeNull();
  });
});

describe("who may play", () => {
  const facts = {
    contestantId: 1,
    unitId: 7,
    unitAncestry: [2],
    ranks: new Map([[11, 4]]),
    active: true,
    staffMember: false,
  };
  it("follows the organizer's rule", () => {
    expect(mayPlay({ kind: "everyone" }, facts)).toEqual({ ok: true });
    expect(mayPlay({ kind: "topOfRounds", roundIds: [11], top: 5 }, facts)).toEqual({ ok: true });
    expect(mayPlay({ kind: "topOfRounds", roundIds: [11], top: 3 }, facts)).toEqual({
      ok: false,
      code: "notEligible",
    });
    expect(mayPlay({ kind: "units", unitIds: [2] }, facts)).toEqual({ ok: true });
    expect(mayPlay({ kind: "units", unitIds: [3] }, facts)).toEqual({ ok: false, code: "notEligible" });
    expect(mayPlay({ kind: "everyone" }, { ...facts, staffMember: true })).toEqual({
      ok: false,
      code: "staffMember",
    });
  });
  it("makes join codes without look-alike characters", () => {
    expect(joinCodeFrom([0, 1, 2, 3, 4, 5])).toBe("234567");
    expect(joinCodeFrom([30, 31, 300, 7, 8, 9])).toMatch(/^[2-9A-Z]{6}$/);
  });
});
