import { describe, expect, it } from "vitest";
import { addressWithQuestion, openingQuestionIndex } from "./question-position";

const paper = (...answered: boolean[]) => answered.map((a) => ({ chosen: a ? [0] : [] }));

describe("the question an attempt page opens on", () => {
  it("is the one the address names, 1-based", () => {
    expect(openingQuestionIndex("7", paper(...Array<boolean>(20).fill(false)))).toBe(6);
    expect(openingQuestionIndex("1", paper(true, false))).toBe(0);
    expect(openingQuestionIndex("2", paper(true, false))).toBe(1);
  });

  it("is the first unanswered one when the address names none or one outside the paper", () => {
    const p = paper(true, true, false, false);
    for (const q of [null, "", "0", "5", "-1", "2.5", "abc", "99999"])
      expect(openingQuestionIndex(q, p)).toBe(2);
  });

  it("is the first one when every question is answered, or the paper is empty", () => {
    expect(openingQuestionIndex(null, paper(true, true))).toBe(0);
    expect(openingQuestionIndex("3", [])).toBe(0);
  });

  it("keeps the page's other parameters when the question changes", () => {
    expect(addressWithQuestion("http://h/attempts/5?lang=en&q=2#x", 3)).toBe("/attempts/5?lang=en&q=4#x");
    expect(addressWithQuestion("http://h/attempts/5", 0)).toBe("/attempts/5?q=1");
  });
});
