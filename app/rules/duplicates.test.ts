import { describe, expect, it } from "vitest";
import { birthDatesOneTypoApart, findDuplicates, type DuplicateCandidate } from "./duplicates";

const person = (id: number, over: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  id,
  fullName: `Người Số ${"ABCDEFGHIJ"[id % 10]}${id}`,
  birthDate: `19${String(50 + id).slice(-2)}-01-15`,
  phone: `09050000${String(id).padStart(2, "0")}`,
  cccd: null,
  ...over,
});

describe("findDuplicates", () => {
  it("flags the same name and date of birth under different phones, ignoring diacritics, case and spacing", () => {
    const groups = findDuplicates([
      person(1, { fullName: "Lê Thị Hoa", birthDate: "1996-11-03" }),
      person(2, { fullName: "le  thi HOA", birthDate: "1996-11-03" }),
      person(3, { fullName: "Lê Thị Hoa", birthDate: "1997-11-03" }),
    ]);
    expect(groups).toContainEqual({ reason: "sameNameBirthDate", ids: [1, 2] });
    expect(groups.filter((g) => g.reason === "sameNameBirthDate")).toHaveLength(1);
  });

  it("flags the same CCCD typed with different spacing", () => {
    const groups = findDuplicates([
      person(1, { cccd: "051188004512" }),
      person(2, { cccd: "051 188 004 512" }),
      person(3, { cccd: "051188004513" }),
    ]);
    expect(groups).toEqual([{ reason: "sameCccd", ids: [1, 2] }]);
  });

  it("flags the same phone written in international and national form", () => {
    const groups = findDuplicates([
      person(1, { phone: "0912345678" }),
      person(2, { phone: "+84 912 345 678" }),
    ]);
    expect(groups).toEqual([{ reason: "samePhone", ids: [1, 2] }]);
  });

  it("flags the same name with day and month swapped or one digit off, not distant dates", () => {
    const groups = findDuplicates([
      person(1, { fullName: "Phạm Văn Tài", birthDate: "1985-07-12" }),
      person(2, { fullName: "Phạm Văn Tài", birthDate: "1985-12-07" }),
      person(3, { fullName: "Phạm Văn Tài", birthDate: "1985-07-13" }),
      person(4, { fullName: "Phạm Văn Tài", birthDate: "1960-03-30" }),
    ]);
    expect(groups).toEqual([
      { reason: "similarBirthDate", ids: [1, 2] },
      { reason: "similarBirthDate", ids: [1, 3] },
    ]);
  });

  it("finds nothing among distinct people", () => {
    expect(findDuplicates(Array.from({ length: 30 }, (_, i) => person(i + 1)))).toEqual([]);
  });

  it("compares birth dates one typo apart", () => {
    expect(birthDatesOneTypoApart("1990-05-14", "1990-05-17")).toBe(true);
    expect(birthDatesOneTypoApart("1990-05-14", "1990-14-05")).toBe(true);
    expect(birthDatesOneTypoApart("1990-05-14", "1990-05-14")).toBe(false);
    expect(birthDatesOneTypoApart("1990-05-14", "1991-06-14")).toBe(false);
  });
});
