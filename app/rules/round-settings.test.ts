import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { DrawSpecLine, PoolCount } from "./draw";
import {
  ROUND_LIMITS,
  ROUND_PROBLEM_CODES,
  changedRoundFields,
  checkRoundForm,
  defaultRoundSettings,
  drawProblems,
  parseRoundForm,
  poolFor,
  readRoundForm,
  roundFormValues,
  roundSettingsProblems,
  sameDrawSpec,
  type RoundFormValues,
  type RoundProblem,
  type RoundRulesContext,
  type RoundSettingsInput,
} from "./round-settings";

const OPENS = new Date("2026-12-01T01:00:00.000Z"); // 08:00 in Vietnam
const CLOSES = new Date("2026-12-07T13:00:00.000Z"); // 20:00 in Vietnam

/** Topic 1 "Chính quyền số", topic 5 "An toàn thông tin": a small approved bank. */
const POOL: PoolCount[] = [
  { topicId: 1, difficulty: "easy", count: 10 },
  { topicId: 1, difficulty: "medium", count: 10 },
  { topicId: 1, difficulty: "hard", count: 4 },
  { topicId: 5, difficulty: "easy", count: 6 },
  { topicId: 5, difficulty: "medium", count: 6 },
  { topicId: 5, difficulty: "hard", count: 5 },
];

function settings(overrides: Partial<RoundSettingsInput> = {}): RoundSettingsInput {
  return { ...defaultRoundSettings(OPENS, CLOSES), title: "Đợt 1: Chuyển đổi số", ...overrides };
}

function context(overrides: Partial<RoundRulesContext> = {}): RoundRulesContext {
  return { poolCounts: POOL, hasAttempts: false, previousDrawSpec: null, ...overrides };
}

const codes = (problems: RoundProblem[]) => problems.map((p) => p.code);

/** The form's text values for settings, as the browser would post them. */
function formData(values: RoundFormValues): FormData {
  const form = new FormData();
  form.set("title", values.title);
  form.set("opensAt", values.opensAt);
  form.set("closesAt", values.closesAt);
  form.set("durationMinutes", values.durationMinutes);
  for (const line of values.draw) {
    form.append("drawTopic", line.topic);
    form.append("drawDifficulty", line.difficulty);
    form.append("drawCount", line.count);
  }
  if (values.shuffleQuestions) form.set("shuffleQuestions", "on");
  if (values.shuffleOptions) form.set("shuffleOptions", "on");
  if (values.predictionEnabled) form.set("predictionEnabled", "on");
  form.set("maxAttempts", values.maxAttempts);
  for (const id of values.eligibleCategories) form.append("eligibleCategories", id);
  if (values.showReviewAfterClose) form.set("showReviewAfterClose", "on");
  form.set("boardPolicy", values.boardPolicy);
  form.set("freezeMinutes", values.freezeMinutes);
  form.set("pointsEasy", values.points.easy);
  form.set("pointsMedium", values.points.medium);
  form.set("pointsHard", values.points.hard);
  form.set("prizeFirst", values.prizes.first);
  form.set("prizeSecond", values.prizes.second);
  form.set("prizeThird", values.prizes.third);
  form.set("prizeConsolation", values.prizes.consolation);
  return form;
}

function values(overrides: Partial<RoundFormValues> = {}): RoundFormValues {
  return { ...roundFormValues(settings()), ...overrides };
}

describe("readRoundForm", () => {
  it("reads every field of the posted form, the draw as parallel lists of rows", () => {
    const form = formData(values({ eligibleCategories: ["2", "4"] }));
    const read = readRoundForm(form);
    expect(read.title).toBe("Đợt 1: Chuyển đổi số");
    expect(read.opensAt).toBe("2026-12-01T08:00");
    expect(read.draw).toEqual([
      { topic: "any", difficulty: "easy", count: "8" },
      { topic: "any", difficulty: "medium", count: "8" },
      { topic: "any", difficulty: "hard", count: "4" },
    ]);
    expect(read.eligibleCategories).toEqual(["2", "4"]);
    expect(read.points).toEqual({ easy: "1", medium: "1", hard: "1" });
    expect(read.prizes).toEqual({ first: "1", second: "2", third: "3", consolation: "5" });
    expect(read.shuffleQuestions).toBe(true);
  });

  it("drops rows of the draw table left completely blank, keeps half-filled ones", () => {
    const form = new FormData();
    for (const [topic, difficulty, count] of [
      ["5", "hard", "3"],
      ["any", "any", ""],
      ["5", "any", ""],
      ["any", "any", "  "],
    ]) {
      form.append("drawTopic", topic);
      form.append("drawDifficulty", difficulty);
      form.append("drawCount", count);
    }
    expect(readRoundForm(form).draw).toEqual([
      { topic: "5", difficulty: "hard", count: "3" },
      { topic: "5", difficulty: "any", count: "" },
    ]);
  });

  it("reads an unticked checkbox (absent from the form) as off", () => {
    const form = formData(values({ shuffleQuestions: false, predictionEnabled: false }));
    const read = readRoundForm(form);
    expect(read.shuffleQuestions).toBe(false);
    expect(read.predictionEnabled).toBe(false);
    expect(read.shuffleOptions).toBe(true);
  });
});

describe("parseRoundForm", () => {
  it("turns the text into settings, reading times as Vietnam time", () => {
    const parsed = parseRoundForm(values({ opensAt: "2026-12-01T08:00", closesAt: "2026-12-07T20:00" }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.opensAt.toISOString()).toBe("2026-12-01T01:00:00.000Z");
    expect(parsed.value.closesAt.toISOString()).toBe("2026-12-07T13:00:00.000Z");
    expect(parsed.value.drawSpec[0]).toEqual({ topicId: null, difficulty: "easy", count: 8 });
    expect(parsed.value.durationMinutes).toBe(15);
  });

  it("trims the title and refuses a blank one", () => {
    const parsed = parseRoundForm(values({ title: "   " }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toContainEqual({ field: "title", code: "titleRequired" });
    const ok = parseRoundForm(values({ title: "  Đợt 2  " }));
    expect(ok.ok && ok.value.title).toBe("Đợt 2");
  });

  it("refuses a title longer than the limit", () => {
    const parsed = parseRoundForm(values({ title: "a".repeat(ROUND_LIMITS.titleMax + 1) }));
    expect(!parsed.ok && codes(parsed.problems)).toEqual(["titleTooLong"]);
  });

  it("names the time that is missing or not a real date", () => {
    const parsed = parseRoundForm(values({ opensAt: "", closesAt: "2026-02-30T08:00" }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toContainEqual({ field: "opensAt", code: "opensRequired" });
    expect(parsed.problems).toContainEqual({ field: "closesAt", code: "closesInvalid" });
  });

  it("refuses numbers that are not whole numbers", () => {
    const parsed = parseRoundForm(
      values({ durationMinutes: "12.5", maxAttempts: "một", prizes: { ...values().prizes, third: "" } }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toContainEqual({ field: "durationMinutes", code: "durationInvalid" });
    expect(parsed.problems).toContainEqual({ field: "maxAttempts", code: "maxAttemptsInvalid" });
    expect(parsed.problems).toContainEqual({
      field: "prizes",
      code: "prizeRequired",
      params: { kind: "third" },
    });
  });

  it("names the line of the draw whose count is blank or not a number", () => {
    const parsed = parseRoundForm(
      values({
        draw: [
          { topic: "any", difficulty: "easy", count: "8" },
          { topic: "5", difficulty: "hard", count: "" },
          { topic: "1", difficulty: "any", count: "x" },
        ],
      }),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      { field: "draw", line: 2, code: "drawCountRequired" },
      { field: "draw", line: 3, code: "drawCountInvalid" },
    ]);
    expect(parsed.drawSpec).toBeNull();
  });

  it("refuses a topic or difficulty that is not one of the choices", () => {
    const parsed = parseRoundForm(values({ draw: [{ topic: "abc", difficulty: "very hard", count: "2" }] }));
    expect(!parsed.ok && parsed.problems).toEqual([
      { field: "draw", line: 1, code: "drawTopicInvalid" },
      { field: "draw", line: 1, code: "drawDifficultyInvalid" },
    ]);
  });

  it("refuses an unknown board policy and a category id that is not a number", () => {
    const parsed = parseRoundForm(values({ boardPolicy: "sometimes", eligibleCategories: ["x"] }));
    expect(!parsed.ok && codes(parsed.problems).sort()).toEqual(["boardPolicyInvalid", "categoryUnknown"]);
  });

  it("reads a blank freeze as 0 and keeps the freeze only for a frozen board", () => {
    const live = parseRoundForm(values({ boardPolicy: "live", freezeMinutes: "30" }));
    expect(live.ok && live.value.freezeMinutes).toBe(0);
    const blank = parseRoundForm(values({ boardPolicy: "hidden", freezeMinutes: "" }));
    expect(blank.ok && blank.value.freezeMinutes).toBe(0);
    const frozen = parseRoundForm(values({ boardPolicy: "frozen", freezeMinutes: "30" }));
    expect(frozen.ok && frozen.value.freezeMinutes).toBe(30);
  });

  it("keeps the parsed draw when other fields fail, so the form can still check it against the bank", () => {
    const parsed = parseRoundForm(values({ title: "" }));
    expect(!parsed.ok && parsed.drawSpec).toHaveLength(3);
  });
});

describe("roundSettingsProblems", () => {
  it("accepts the default settings of a new round when the bank can fill them", () => {
    expect(roundSettingsProblems(settings(), context())).toEqual([]);
  });

  it("refuses a closing time before, or equal to, the opening time", () => {
    expect(
      codes(roundSettingsProblems(settings({ closesAt: new Date(OPENS.getTime() - 60_000) }), context())),
    ).toEqual(["closesBeforeOpens"]);
    expect(roundSettingsProblems(settings({ closesAt: OPENS }), context())).toEqual([
      { field: "closesAt", code: "closesBeforeOpens" },
    ]);
    expect(
      roundSettingsProblems(settings({ closesAt: new Date(OPENS.getTime() + 60_000) }), context()),
    ).toEqual([]);
  });

  it("keeps the time allowed within 1–180 minutes", () => {
    for (const ok of [1, 15, 180]) {
      expect(roundSettingsProblems(settings({ durationMinutes: ok }), context())).toEqual([]);
    }
    for (const bad of [0, -5, 181, 10_000]) {
      expect(roundSettingsProblems(settings({ durationMinutes: bad }), context())).toEqual([
        { field: "durationMinutes", code: "durationOutOfRange", params: { min: 1, max: 180 } },
      ]);
    }
  });

  it("says which line of the draw the bank cannot fill and how many questions are missing", () => {
    const drawSpec: DrawSpecLine[] = [
      { topicId: 1, difficulty: "easy", count: 5 },
      { topicId: 5, difficulty: "hard", count: 8 },
    ];
    expect(roundSettingsProblems(settings({ drawSpec }), context())).toEqual([
      {
        field: "draw",
        line: 2,
        code: "drawShortfall",
        params: { count: 8, topicId: 5, difficulty: "hard", needed: 8, available: 5, inPool: 5, missing: 3 },
      },
    ]);
  });

  it("tells a line short because the lines above took the questions it needed from a shortage in the bank", () => {
    const drawSpec: DrawSpecLine[] = [
      { topicId: null, difficulty: "hard", count: 7 },
      { topicId: 5, difficulty: "hard", count: 4 },
    ];
    // 9 hard questions in all: line 1 takes 7, and routes around topic 5 where it can (4 from topic 1),
    // so line 2 still finds only 2 of topic 5's 5.
    const [problem] = roundSettingsProblems(settings({ drawSpec }), context());
    expect(problem).toMatchObject({
      line: 2,
      code: "drawShortfall",
      params: { needed: 4, available: 2, inPool: 5, missing: 2 },
    });
  });

  it("refuses a draw with no lines, a line of zero or a negative count, or too many questions", () => {
    expect(roundSettingsProblems(settings({ drawSpec: [] }), context())).toEqual([
      { field: "draw", code: "drawEmpty" },
    ]);
    expect(
      roundSettingsProblems(
        settings({
          drawSpec: [
            { topicId: 1, difficulty: null, count: 0 },
            { topicId: 1, difficulty: null, count: -2 },
          ],
        }),
        context(),
      ),
    ).toEqual([
      { field: "draw", line: 1, code: "drawCountZero" },
      { field: "draw", line: 2, code: "drawCountInvalid", params: { count: -2, topicId: 1 } },
    ]);
    const big = [{ topicId: null, difficulty: null, count: 201 }];
    const pool = [{ topicId: 1, difficulty: "easy" as const, count: 500 }];
    expect(codes(roundSettingsProblems(settings({ drawSpec: big }), context({ poolCounts: pool })))).toEqual([
      "drawTooLarge",
    ]);
  });

  it("refuses a draw with more lines than the table allows", () => {
    const drawSpec = Array.from({ length: ROUND_LIMITS.drawLines + 1 }, () => ({
      topicId: 1,
      difficulty: "easy" as const,
      count: 1,
    }));
    const pool = [{ topicId: 1, difficulty: "easy" as const, count: 100 }];
    expect(codes(roundSettingsProblems(settings({ drawSpec }), context({ poolCounts: pool })))).toEqual([
      "drawTooManyLines",
    ]);
  });

  it("refuses every draw when the bank has no approved question", () => {
    const problems = roundSettingsProblems(settings(), context({ poolCounts: [] }));
    expect(problems.map((p) => [p.line, p.code, p.params?.missing])).toEqual([
      [1, "drawShortfall", 8],
      [2, "drawShortfall", 8],
      [3, "drawShortfall", 4],
    ]);
  });

  it("refuses a change of draw once a contestant has started the round", () => {
    const previousDrawSpec = settings().drawSpec;
    const changed = settings({
      drawSpec: [...previousDrawSpec.slice(0, 2), { topicId: null, difficulty: "hard", count: 5 }],
    });
    expect(roundSettingsProblems(changed, context({ hasAttempts: true, previousDrawSpec }))).toEqual([
      { field: "draw", code: "drawLocked" },
    ]);
    // Reordering the lines is a change too: it changes the order questions come in.
    const reordered = settings({ drawSpec: [...previousDrawSpec].reverse() });
    expect(codes(roundSettingsProblems(reordered, context({ hasAttempts: true, previousDrawSpec })))).toEqual(
      ["drawLocked"],
    );
  });

  it("lets a round with attempts change anything but its draw and points", () => {
    const previous = settings();
    const edited = settings({
      title: "Đợt 1 (gia hạn)",
      closesAt: new Date(CLOSES.getTime() + 86_400_000),
      prizes: { first: 1, second: 2, third: 3, consolation: 10 },
      boardPolicy: "frozen",
      freezeMinutes: 60,
    });
    expect(
      roundSettingsProblems(
        edited,
        context({ hasAttempts: true, previousDrawSpec: previous.drawSpec, previousPoints: previous.points }),
      ),
    ).toEqual([]);
  });

  it("lets a round be changed without a draw change even if the bank has shrunk since", () => {
    const previous = settings();
    const shrunk = POOL.map((cell) => ({ ...cell, count: 1 }));
    expect(
      roundSettingsProblems(
        settings({ title: "Đợt 1 mới" }),
        context({ poolCounts: shrunk, previousDrawSpec: previous.drawSpec }),
      ),
    ).toEqual([]);
  });

  it("allows a draw change before anyone has started, checked against the bank", () => {
    const previousDrawSpec = settings().drawSpec;
    const drawSpec: DrawSpecLine[] = [{ topicId: 5, difficulty: "hard", count: 6 }];
    expect(codes(roundSettingsProblems(settings({ drawSpec }), context({ previousDrawSpec })))).toEqual([
      "drawShortfall",
    ]);
    expect(
      roundSettingsProblems(
        settings({ drawSpec: [{ topicId: 5, difficulty: "hard", count: 5 }] }),
        context({ previousDrawSpec }),
      ),
    ).toEqual([]);
  });

  it("refuses a change of points once a contestant has started, allows it before", () => {
    const previous = settings();
    const edited = settings({ points: { easy: 1, medium: 2, hard: 3 } });
    expect(
      roundSettingsProblems(
        edited,
        context({ hasAttempts: true, previousDrawSpec: previous.drawSpec, previousPoints: previous.points }),
      ),
    ).toEqual([{ field: "points", code: "pointsLocked" }]);
    expect(
      roundSettingsProblems(
        edited,
        context({ hasAttempts: false, previousDrawSpec: previous.drawSpec, previousPoints: previous.points }),
      ),
    ).toEqual([]);
  });

  it("keeps points per question within 0–100", () => {
    expect(roundSettingsProblems(settings({ points: { easy: 0, medium: 100, hard: 5 } }), context())).toEqual(
      [],
    );
    expect(
      roundSettingsProblems(settings({ points: { easy: -1, medium: 1, hard: 101 } }), context()),
    ).toEqual([
      { field: "points", code: "pointsOutOfRange", params: { kind: "easy", min: 0, max: 100 } },
      { field: "points", code: "pointsOutOfRange", params: { kind: "hard", min: 0, max: 100 } },
    ]);
  });

  it("keeps ranked attempts within 1–10", () => {
    expect(roundSettingsProblems(settings({ maxAttempts: 3 }), context())).toEqual([]);
    for (const bad of [0, 11]) {
      expect(codes(roundSettingsProblems(settings({ maxAttempts: bad }), context()))).toEqual([
        "maxAttemptsOutOfRange",
      ]);
    }
  });

  it("refuses a negative or absurd number of prizes, naming the prize", () => {
    expect(
      roundSettingsProblems(
        settings({ prizes: { first: -1, second: 0, third: 0, consolation: 1001 } }),
        context(),
      ),
    ).toEqual([
      { field: "prizes", code: "prizeNegative", params: { kind: "first" } },
      { field: "prizes", code: "prizeTooMany", params: { kind: "consolation", max: 1000 } },
    ]);
    expect(
      roundSettingsProblems(
        settings({ prizes: { first: 0, second: 0, third: 0, consolation: 0 } }),
        context(),
      ),
    ).toEqual([]);
  });

  it("checks the freeze minutes only for a frozen board", () => {
    expect(roundSettingsProblems(settings({ boardPolicy: "live", freezeMinutes: 0 }), context())).toEqual([]);
    expect(roundSettingsProblems(settings({ boardPolicy: "frozen", freezeMinutes: 30 }), context())).toEqual(
      [],
    );
    for (const bad of [0, 1441]) {
      expect(
        roundSettingsProblems(settings({ boardPolicy: "frozen", freezeMinutes: bad }), context()),
      ).toEqual([{ field: "freezeMinutes", code: "freezeOutOfRange", params: { min: 1, max: 1440 } }]);
    }
  });

  it("refuses a freeze as long as the whole round", () => {
    const closesAt = new Date(OPENS.getTime() + 60 * 60_000);
    expect(
      codes(
        roundSettingsProblems(settings({ closesAt, boardPolicy: "frozen", freezeMinutes: 60 }), context()),
      ),
    ).toEqual(["freezeLongerThanRound"]);
    expect(
      roundSettingsProblems(settings({ closesAt, boardPolicy: "frozen", freezeMinutes: 59 }), context()),
    ).toEqual([]);
  });

  it("refuses a category that is not the contest's", () => {
    expect(
      roundSettingsProblems(settings({ eligibleCategories: [1, 2] }), context({ categoryIds: [1, 2, 3] })),
    ).toEqual([]);
    expect(
      roundSettingsProblems(settings({ eligibleCategories: [1, 9] }), context({ categoryIds: [1, 2, 3] })),
    ).toEqual([{ field: "eligibleCategories", code: "categoryUnknown" }]);
  });

  it("refuses any change once the results are published", () => {
    expect(
      roundSettingsProblems(settings(), context({ published: true, previousDrawSpec: settings().drawSpec })),
    ).toEqual([{ field: "form", code: "roundPublished" }]);
  });

  it("reports several problems at once", () => {
    const problems = roundSettingsProblems(
      settings({
        closesAt: OPENS,
        durationMinutes: 0,
        drawSpec: [{ topicId: 5, difficulty: "hard", count: 8 }],
        prizes: { first: -1, second: 2, third: 3, consolation: 5 },
      }),
      context(),
    );
    expect(codes(problems)).toEqual([
      "closesBeforeOpens",
      "durationOutOfRange",
      "drawShortfall",
      "prizeNegative",
    ]);
  });
});

describe("checkRoundForm", () => {
  it("returns the settings when the form is right", () => {
    const check = checkRoundForm(values(), context());
    expect(check.ok).toBe(true);
  });

  it("still says whether the bank fills the draw while another field is wrong", () => {
    const check = checkRoundForm(
      values({ title: "", draw: [{ topic: "5", difficulty: "hard", count: "8" }] }),
      context(),
    );
    expect(!check.ok && codes(check.problems)).toEqual(["titleRequired", "drawShortfall"]);
  });

  it("does not repeat a draw problem while the draw itself is malformed", () => {
    const check = checkRoundForm(
      values({ title: "", draw: [{ topic: "5", difficulty: "hard", count: "" }] }),
      context(),
    );
    expect(!check.ok && codes(check.problems)).toEqual(["titleRequired", "drawCountRequired"]);
  });

  it("applies the rules after the shape: a closing time before the opening time", () => {
    const check = checkRoundForm(
      values({ opensAt: "2026-12-07T20:00", closesAt: "2026-12-01T08:00" }),
      context(),
    );
    expect(!check.ok && check.problems).toEqual([{ field: "closesAt", code: "closesBeforeOpens" }]);
  });

  it("refuses a published round even before reading the form", () => {
    const check = checkRoundForm(values({ title: "" }), context({ published: true }));
    expect(!check.ok && codes(check.problems)).toEqual(["roundPublished"]);
  });
});

describe("drawProblems and helpers", () => {
  it("counts what fits a line in the whole bank", () => {
    expect(poolFor(POOL, { topicId: 5, difficulty: null })).toBe(17);
    expect(poolFor(POOL, { topicId: null, difficulty: "hard" })).toBe(9);
    expect(poolFor(POOL, { topicId: null, difficulty: null })).toBe(41);
    expect(poolFor(POOL, { topicId: 99, difficulty: null })).toBe(0);
  });

  it("finds no problem in a draw that uses the whole bank exactly", () => {
    const spec: DrawSpecLine[] = POOL.map((cell) => ({ ...cell }));
    expect(drawProblems(POOL, spec)).toEqual([]);
  });

  it("compares draws line by line", () => {
    const a: DrawSpecLine[] = [{ topicId: 1, difficulty: "easy", count: 2 }];
    expect(sameDrawSpec(a, [{ topicId: 1, difficulty: "easy", count: 2 }])).toBe(true);
    expect(sameDrawSpec(a, [{ topicId: 1, difficulty: "easy", count: 3 }])).toBe(false);
    expect(sameDrawSpec(a, [{ topicId: null, difficulty: "easy", count: 2 }])).toBe(false);
    expect(sameDrawSpec(a, [...a, ...a])).toBe(false);
  });

  it("never reports more missing questions than a line asks for, and none when the bank is big enough", () => {
    const cell = fc.record({
      topicId: fc.integer({ min: 1, max: 3 }),
      difficulty: fc.constantFrom("easy" as const, "medium" as const, "hard" as const),
      count: fc.integer({ min: 0, max: 8 }),
    });
    const line = fc.record({
      topicId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      difficulty: fc.option(fc.constantFrom("easy" as const, "medium" as const, "hard" as const), {
        nil: null,
      }),
      count: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(
        fc.array(cell, { maxLength: 9 }),
        fc.array(line, { minLength: 1, maxLength: 5 }),
        (pool, spec) => {
          for (const problem of drawProblems(pool, spec)) {
            if (problem.code !== "drawShortfall") continue;
            const asked = spec[problem.line! - 1].count;
            const missing = Number(problem.params!.missing);
            expect(missing).toBeGreaterThan(0);
            expect(missing).toBeLessThanOrEqual(asked);
            expect(Number(problem.params!.available)).toBeLessThanOrEqual(Number(problem.params!.inPool));
          }
          const plenty = [1, 2, 3].flatMap((topicId) =>
            (["easy", "medium", "hard"] as const).map((difficulty) => ({ topicId, difficulty, count: 50 })),
          );
          expect(drawProblems(plenty, spec)).toEqual([]);
        },
      ),
    );
  });
});

describe("the form's values", () => {
  it("go to text and back without change", () => {
    const original = settings({
      eligibleCategories: [2, 5],
      boardPolicy: "frozen",
      freezeMinutes: 45,
      shuffleOptions: false,
      drawSpec: [
        { topicId: 5, difficulty: "hard", count: 3 },
        { topicId: null, difficulty: null, count: 10 },
      ],
    });
    const parsed = parseRoundForm(readRoundForm(formData(roundFormValues(original))));
    expect(parsed).toEqual({ ok: true, value: original });
  });

  it("show a time as the Vietnam wall clock, whatever the instant", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }), (ms) => {
        const minute = new Date(Math.floor(ms / 60_000) * 60_000);
        const later = new Date(minute.getTime() + 3_600_000);
        const parsed = parseRoundForm(roundFormValues(settings({ opensAt: minute, closesAt: later })));
        expect(parsed.ok && parsed.value.opensAt.getTime()).toBe(minute.getTime());
      }),
      { numRuns: 200 },
    );
  });

  it("list the fields that changed, for the audit log", () => {
    const before = settings();
    expect(changedRoundFields(before, before)).toEqual([]);
    expect(
      changedRoundFields(before, settings({ title: "Khác", prizes: { ...before.prizes, first: 2 } })),
    ).toEqual(["title", "prizes"]);
  });
});

describe("the problem codes", () => {
  it("only ever gives codes from the list", () => {
    const known = new Set<string>(ROUND_PROBLEM_CODES);
    const samples = [
      ...roundSettingsProblems(
        settings({
          closesAt: OPENS,
          durationMinutes: 0,
          maxAttempts: 0,
          drawSpec: [{ topicId: 5, difficulty: "hard", count: 0 }],
        }),
        context({ categoryIds: [] }),
      ),
      ...(() => {
        const c = checkRoundForm(
          values({ title: "", opensAt: "x", durationMinutes: "", boardPolicy: "" }),
          context(),
        );
        return c.ok ? [] : c.problems;
      })(),
    ];
    expect(samples.length).toBeGreaterThan(4);
    for (const p of samples) expect(known.has(p.code), p.code).toBe(true);
  });
});
