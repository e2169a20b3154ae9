import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultRoundSettings, type RoundSettingsInput } from "~/rules/round-settings";
import type { Difficulty, QuestionDraft } from "~/rules/question";
import { openTestDatabase, type Db } from "../connection";
import { ensureTopics, insertQuestion } from "./questions";
import { findContest } from "./contests";
import { findRoundSettings, roundHasAttempts } from "./rounds";
import {
  approvedPoolCounts,
  createRound,
  roundAttemptCounts,
  roundColumns,
  roundSettingsInput,
  setPracticeEnabled,
  updateRound,
} from "./round-settings";

const NOW = new Date("2026-11-27T01:00:00.000Z");
let db: Db;
let contestId: number;

function draft(topic: string, difficulty: Difficulty, n: number): QuestionDraft {
  return {
    topic,
    type: "single",
    difficulty,
    text: `Câu hỏi số ${n} về ${topic}?`,
    options: ["Phương án A", "Phương án B", "Phương án C", "Phương án D"],
    correct: [0],
    explanation: "Giải thích.",
    source: { document: "Quyết định 749/QĐ-TTg", title: null, article: null },
    tags: [],
  };
}

async function addQuestions(
  topic: string,
  difficulty: Difficulty,
  count: number,
  status: "approved" | "draft" | "retired" = "approved",
) {
  const topics = await ensureTopics(db, [topic]);
  for (let i = 0; i < count; i++) {
    await insertQuestion(db, {
      draft: draft(topic, difficulty, i),
      topicId: topics.get(topic)!.id,
      status,
      key: null,
      now: NOW,
    });
  }
  return topics.get(topic)!.id;
}

function settings(overrides: Partial<RoundSettingsInput> = {}): RoundSettingsInput {
  return {
    ...defaultRoundSettings(new Date("2026-12-01T01:00:00.000Z"), new Date("2026-12-07T13:00:00.000Z")),
    title: "Đợt 1: Chuyển đổi số – hiểu để làm",
    ...overrides,
  };
}

async function addContestant(): Promise<number> {
  const at = NOW.toISOString();
  const unit = await db
    .insertInto("units")
    .values({
      contest_id: contestId,
      parent_id: null,
      name: "An Vĩnh",
      kind: "area",
      expected_headcount: null,
      sort_order: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const category = await db
    .insertInto("categories")
    .values({ contest_id: contestId, name: "Người dân", sort_order: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto("users")
    .values({
      role: "contestant",
      username: null,
      display_name: "Nguyễn Văn An",
      password_hash: "x",
      must_change_password: 0,
      disabled_at: null,
      created_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const contestant = await db
    .insertInto("contestants")
    .values({
      user_id: user.id,
      contest_id: contestId,
      full_name: "Nguyễn Văn An",
      name_folded: "nguyen van an",
      birth_date: "1990-01-01",
      gender: "male",
      phone: `09${Math.floor(Math.random() * 1e8)
        .toString()
        .padStart(8, "0")}`,
      cccd: null,
      unit_id: unit.id,
      category_id: category.id,
      is_staff_member: 0,
      status: "active",
      status_reason: null,
      consent_at: at,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return contestant.id;
}

async function addAttempt(
  roundId: number | null,
  contestantId: number,
  status: "in_progress" | "submitted",
  practice = false,
) {
  await db
    .insertInto("attempts")
    .values({
      round_id: roundId,
      contestant_id: contestantId,
      is_practice: practice ? 1 : 0,
      attempt_no: Math.floor(Math.random() * 1e9),
      status,
      seed: 1,
      started_at: NOW.toISOString(),
      deadline_at: NOW.toISOString(),
      submitted_at: status === "submitted" ? NOW.toISOString() : null,
      submit_reason: status === "submitted" ? "manual" : null,
      prediction: null,
      score: null,
      correct_count: null,
      all_correct: null,
      duration_ms: null,
    })
    .execute();
}

beforeEach(async () => {
  db = await openTestDatabase();
  const contest = await db
    .insertInto("contests")
    .values({
      slug: "ly-son-2023",
      title: "Hội thi tìm hiểu về Chuyển đổi số huyện Lý Sơn năm 2023",
      organizer_name: "Trung tâm Truyền thông – Văn hóa – Thể thao huyện Lý Sơn",
      description: "",
      data_notice: "",
      cccd_policy: "optional",
      min_age: 10,
      max_age: 100,
      practice_enabled: 0,
      created_at: NOW.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  contestId = contest.id;
});

afterEach(async () => {
  await db.destroy();
});

describe("approvedPoolCounts", () => {
  it("counts approved questions per topic and difficulty, leaving out drafts and retired ones", async () => {
    const safety = await addQuestions("An toàn thông tin", "hard", 3);
    await addQuestions("An toàn thông tin", "easy", 2);
    await addQuestions("An toàn thông tin", "hard", 4, "draft");
    const government = await addQuestions("Chính quyền số", "medium", 1);
    await addQuestions("Chính quyền số", "medium", 5, "retired");
    const counts = await approvedPoolCounts(db);
    expect(counts).toHaveLength(3);
    expect(counts).toEqual(
      expect.arrayContaining([
        { topicId: safety, difficulty: "hard", count: 3 },
        { topicId: safety, difficulty: "easy", count: 2 },
        { topicId: government, difficulty: "medium", count: 1 },
      ]),
    );
  });

  it("is empty for an empty bank", async () => {
    expect(await approvedPoolCounts(db)).toEqual([]);
  });
});

describe("createRound and updateRound", () => {
  it("stores the settings so that the services read back the same round", async () => {
    const input = settings({
      eligibleCategories: [3, 1],
      boardPolicy: "frozen",
      freezeMinutes: 30,
      durationMinutes: 20,
      points: { easy: 1, medium: 2, hard: 3 },
      prizes: { first: 1, second: 2, third: 3, consolation: 10 },
      drawSpec: [{ topicId: 2, difficulty: "hard", count: 4 }],
    });
    const round = await createRound(db, { contestId, settings: input, now: NOW });
    expect(round.contest_id).toBe(contestId);
    expect(round.created_at).toBe(NOW.toISOString());
    expect(round.opens_at).toBe("2026-12-01T01:00:00.000Z");
    expect(round.duration_seconds).toBe(1200);
    expect(round.ranked_at).toBeNull();

    const stored = await findRoundSettings(db, round.id);
    expect(stored).toMatchObject({
      title: input.title,
      durationSeconds: 1200,
      drawSpec: input.drawSpec,
      questionCount: 4,
      eligibleCategories: [1, 3],
      boardPolicy: "frozen",
      freezeMinutes: 30,
      points: input.points,
      prizes: input.prizes,
      shuffleQuestions: true,
      predictionEnabled: true,
      maxAttempts: 1,
    });
    expect(roundSettingsInput(stored!)).toEqual({ ...input, eligibleCategories: [1, 3] });
  });

  it("stores no freeze for a board that does not freeze", () => {
    expect(roundColumns(settings({ boardPolicy: "live", freezeMinutes: 30 })).freeze_minutes).toBe(0);
  });

  it("replaces the settings and leaves the ranking state alone", async () => {
    const round = await createRound(db, { contestId, settings: settings(), now: NOW });
    await db
      .updateTable("rounds")
      .set({ ranked_at: NOW.toISOString(), perfect_count: 4 })
      .where("id", "=", round.id)
      .execute();
    const updated = await updateRound(
      db,
      round.id,
      settings({ title: "Đợt 1 (gia hạn)", shuffleOptions: false }),
    );
    expect(updated).toMatchObject({
      id: round.id,
      title: "Đợt 1 (gia hạn)",
      shuffle_options: 0,
      ranked_at: NOW.toISOString(),
      perfect_count: 4,
      created_at: NOW.toISOString(),
    });
  });

  it("updates nothing for an unknown round", async () => {
    expect(await updateRound(db, 999, settings())).toBeUndefined();
  });
});

describe("setPracticeEnabled", () => {
  it("turns practice on and off for the contest", async () => {
    expect(await setPracticeEnabled(db, contestId, true)).toBe(true);
    expect((await findContest(db, contestId))?.practice_enabled).toBe(1);
    expect(await setPracticeEnabled(db, contestId, false)).toBe(true);
    expect((await findContest(db, contestId))?.practice_enabled).toBe(0);
  });

  it("says when there is no such contest", async () => {
    expect(await setPracticeEnabled(db, 999, true)).toBe(false);
  });
});

describe("roundAttemptCounts", () => {
  it("counts ranked attempts started and submitted per round, not practice", async () => {
    const first = await createRound(db, { contestId, settings: settings(), now: NOW });
    const second = await createRound(db, { contestId, settings: settings({ title: "Đợt 2" }), now: NOW });
    const contestant = await addContestant();
    await addAttempt(first.id, contestant, "submitted");
    await addAttempt(first.id, contestant, "submitted");
    await addAttempt(first.id, contestant, "in_progress");
    await addAttempt(null, contestant, "submitted", true);
    const counts = await roundAttemptCounts(db, contestId);
    expect(counts.get(first.id)).toEqual({ roundId: first.id, started: 3, submitted: 2 });
    expect(counts.has(second.id)).toBe(false);
    expect(await roundHasAttempts(db, first.id)).toBe(true);
    expect(await roundHasAttempts(db, second.id)).toBe(false);
  });
});
