import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { allocatePrizes, collectivePrizeWinners, PRIZE_KINDS, rankUnits, type PrizeKind } from "./prizes";

const ranked = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ attemptId: 100 + i, contestantId: i + 1 }));

describe("allocatePrizes", () => {
  it("gives the prizes down the official order, highest kind first", () => {
    const prizes = allocatePrizes(ranked(12), { first: 1, second: 2, third: 3, consolation: 5 });
    expect([...prizes]).toEqual([
      [100, "first"],
      [101, "second"],
      [102, "second"],
      [103, "third"],
      [104, "third"],
      [105, "third"],
      [106, "consolation"],
      [107, "consolation"],
      [108, "consolation"],
      [109, "consolation"],
      [110, "consolation"],
    ]);
    expect(prizes.has(111)).toBe(false);
  });

  it("skips excluded contestants, and the next eligible entrant moves up", () => {
    const disqualified = new Set([1, 3]);
    const prizes = allocatePrizes(ranked(6), { first: 1, second: 1, third: 1 }, (row) =>
      disqualified.has(row.contestantId),
    );
    expect(prizes.get(100)).toBeUndefined();
    expect(prizes.get(101)).toBe("first");
    expect(prizes.get(102)).toBeUndefined();
    expect(prizes.get(103)).toBe("second");
    expect(prizes.get(104)).toBe("third");
    expect(prizes.size).toBe(3);
  });

  it("leaves prizes unawarded when there are fewer eligible entrants than prizes", () => {
    const prizes = allocatePrizes(ranked(2), { first: 1, second: 2, third: 3 });
    expect([...prizes.values()]).toEqual(["first", "second"]);
  });

  it("treats a missing count as zero, so a round can skip a kind", () => {
    const prizes = allocatePrizes(ranked(3), { first: 1, consolation: 1 });
    expect([...prizes.values()]).toEqual(["first", "consolation"]);
  });

  it("never gives one contestant two prizes", () => {
    const rows = [
      { attemptId: 1, contestantId: 7 },
      { attemptId: 2, contestantId: 7 },
      { attemptId: 3, contestantId: 8 },
    ];
    expect([...allocatePrizes(rows, { first: 1, second: 1 })]).toEqual([
      [1, "first"],
      [3, "second"],
    ]);
  });

  it("refuses a negative or fractional count", () => {
    expect(() => allocatePrizes(ranked(3), { first: -1 })).toThrow(RangeError);
    expect(() => allocatePrizes(ranked(3), { third: 1.5 })).toThrow(RangeError);
  });

  it("for any ranking and exclusion: never awards an excluded row, awards in order, and gives no more than asked", () => {
    const counts = fc.record({
      first: fc.integer({ min: 0, max: 3 }),
      second: fc.integer({ min: 0, max: 3 }),
      third: fc.integer({ min: 0, max: 3 }),
      consolation: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), counts, fc.func(fc.boolean()), (n, count, excluded) => {
        const rows = ranked(n);
        const isExcluded = (row: { attemptId: number }) => excluded(row.attemptId);
        const prizes = allocatePrizes(rows, count, isExcluded);
        const eligible = rows.filter((row) => !isExcluded(row));
        const total = PRIZE_KINDS.reduce((sum, kind) => sum + count[kind], 0);
        expect(prizes.size).toBe(Math.min(total, eligible.length));
        // The winners are exactly the first eligible rows, and prize kinds never go up as rank goes down.
        expect([...prizes.keys()]).toEqual(eligible.slice(0, prizes.size).map((r) => r.attemptId));
        const levels = [...prizes.values()].map((kind: PrizeKind) => PRIZE_KINDS.indexOf(kind));
        expect(levels).toEqual([...levels].sort((a, b) => a - b));
        for (const kind of PRIZE_KINDS) {
          expect([...prizes.values()].filter((k) => k === kind).length).toBeLessThanOrEqual(count[kind]);
        }
      }),
    );
  });
});

describe("rankUnits", () => {
  it("orders units by participants, then participation rate, then name", () => {
    const standings = rankUnits([
      { unitId: 1, name: "Xã An Vĩnh", participants: 120, headcount: 400 },
      { unitId: 2, name: "Xã An Hải", participants: 150, headcount: 600 },
      { unitId: 3, name: "Đoàn Thanh niên huyện", participants: 120, headcount: 150 },
      { unitId: 4, name: "Trường THCS An Bình", participants: 80, headcount: null },
      { unitId: 5, name: "Phòng Văn hóa và Thông tin", participants: 80, headcount: null },
    ]);
    expect(standings.map((u) => u.unitId)).toEqual([2, 3, 1, 5, 4]);
    expect(standings.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(standings[1].participationRate).toBeCloseTo(0.8);
    expect(standings[3].participationRate).toBeNull();
  });

  it("puts a unit with a known rate ahead of one without, at equal participants", () => {
    const standings = rankUnits([
      { unitId: 1, name: "A", participants: 10, headcount: null },
      { unitId: 2, name: "B", participants: 10, headcount: 1000 },
    ]);
    expect(standings.map((u) => u.unitId)).toEqual([2, 1]);
  });

  it("sorts names the Vietnamese way (Đ after D)", () => {
    const standings = rankUnits([
      { unitId: 1, name: "Đội Công tác", participants: 5, headcount: null },
      { unitId: 2, name: "Em", participants: 5, headcount: null },
      { unitId: 3, name: "Dân quân", participants: 5, headcount: null },
    ]);
    expect(standings.map((u) => u.name)).toEqual(["Dân quân", "Đội Công tác", "Em"]);
  });
});

describe("collectivePrizeWinners", () => {
  it("takes the top units and never a unit with no participants", () => {
    const winners = collectivePrizeWinners(
      [
        { unitId: 1, name: "A", participants: 3, headcount: 10 },
        { unitId: 2, name: "B", participants: 0, headcount: 10 },
        { unitId: 3, name: "C", participants: 9, headcount: 10 },
      ],
      3,
    );
    expect(winners.map((u) => u.unitId)).toEqual([3, 1]);
  });
});
