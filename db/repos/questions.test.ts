import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { QuestionDraft } from "~/rules/question";
import { openTestDatabase, type Db } from "../connection";
import { createUser } from "./users";
import { bankFindings } from "~/rules/item-writing";
import {
  bankItems,
  countQuestions,
  deleteUnusedDraft,
  ensureTopics,
  exportDrafts,
  filterFromParams,
  findQuestion,
  insertQuestion,
  listQuestions,
  setQuestionStatus,
  updateQuestion,
} from "./questions";

const now = new Date("2026-11-27T02:00:00.000Z");

const draft = (over: Partial<QuestionDraft> = {}): QuestionDraft => ({
  topic: "Chuyển đổi số ở Quảng Ngãi và Lý Sơn",
  type: "single",
  difficulty: "easy",
  text: "Hội thi tìm hiểu về Chuyển đổi số ở huyện Lý Sơn năm 2023 dành cho những ai?",
  options: [
    "Cán bộ, công chức, viên chức, đoàn viên và thanh niên",
    "Chỉ học sinh",
    "Chỉ cán bộ huyện",
    "Chỉ du khách",
  ],
  correct: [0],
  explanation: "Theo thông báo của Ban Chỉ đạo chuyển đổi số huyện Lý Sơn.",
  source: { document: "Thông báo của UBND huyện Lý Sơn năm 2023", title: null, article: null },
  tags: ["lý sơn"],
  ...over,
});

/** An attempt that showed the given version to a contestant, as the round service will write it. */
async function showToContestant(db: Db, versionId: number): Promise<void> {
  const user = await createUser(db, {
    role: "contestant",
    username: null,
    displayName: "Thí sinh",
    passwordHash: "x",
    now,
  });
  const contest = await db
    .insertInto("contests")
    .values({
      slug: `c${user.id}`,
      title: "Hội thi",
      organizer_name: "BTC",
      description: "",
      data_notice: "",
      cccd_policy: "optional",
      min_age: 10,
      max_age: 100,
      practice_enabled: 1,
      created_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const unit = await db
    .insertInto("units")
    .values({
      contest_id: contest.id,
      parent_id: null,
      name: "Xã An Vĩnh",
      kind: "xa",
      expected_headcount: null,
      sort_order: 1,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const category = await db
    .insertInto("categories")
    .values({ contest_id: contest.id, name: "Người dân", sort_order: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  const at = now.toISOString();
  const contestant = await db
    .insertInto("contestants")
    .values({
      user_id: user.id,
      contest_id: contest.id,
      full_name: "Thí sinh",
      name_folded: "thi sinh",
      birth_date: "1990-01-01",
      gender: "male",
      phone: `09${user.id}`.padEnd(10, "0"),
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
  const attempt = await db
    .insertInto("attempts")
    .values({
      round_id: null,
      contestant_id: contestant.id,
      is_practice: 1,
      attempt_no: 1,
      status: "in_progress",
      seed: 1,
      started_at: at,
      deadline_at: at,
      submitted_at: null,
      submit_reason: null,
      prediction: null,
      score: null,
      correct_count: null,
      all_correct: null,
      duration_ms: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("attempt_items")
    .values({
      attempt_id: attempt.id,
      position: 1,
      question_version_id: versionId,
      option_order: "[0,1,2,3]",
      chosen: null,
      answered_at: null,
      marked: 0,
      is_correct: null,
      points: null,
    })
    .execute();
}

describe("the question bank repository", () => {
  let db: Db;
  let topicId: number;
  beforeEach(async () => {
    db = await openTestDatabase();
    topicId = (await ensureTopics(db, ["Chuyển đổi số ở Quảng Ngãi và Lý Sơn"])).get(
      "Chuyển đổi số ở Quảng Ngãi và Lý Sơn",
    )!.id;
  });
  afterEach(() => db.destroy());

  it("finds a question by its text without diacritics or case", async () => {
    await insertQuestion(db, { draft: draft(), topicId, status: "approved", key: null, now });
    await insertQuestion(db, {
      draft: draft({ text: "Mật khẩu mạnh cần ít nhất bao nhiêu ký tự?" }),
      topicId,
      status: "draft",
      key: null,
      now,
    });
    const found = await listQuestions(db, { search: "CHUYEN doi  so" }, { limit: 10, offset: 0 });
    expect(found.total).toBe(1);
    expect(found.rows[0]?.text).toContain("Chuyển đổi số");
    expect((await listQuestions(db, { search: "mat khau" }, { limit: 10, offset: 0 })).total).toBe(1);
    expect((await listQuestions(db, { status: "draft" }, { limit: 10, offset: 0 })).total).toBe(1);
    expect((await listQuestions(db, { difficulty: "hard" }, { limit: 10, offset: 0 })).total).toBe(0);
    expect((await listQuestions(db, { search: "100%_" }, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it("reads filters from an address and ignores what it does not know", () => {
    const f = filterFromParams(
      new URLSearchParams("q=kinh+te&topic=3&difficulty=impossible&status=approved"),
    );
    expect(f).toEqual({
      search: "kinh te",
      topicId: 3,
      difficulty: undefined,
      status: "approved",
      source: "",
    });
  });

  it("counts questions per topic, difficulty and status", async () => {
    await insertQuestion(db, { draft: draft(), topicId, status: "approved", key: null, now });
    await insertQuestion(db, {
      draft: draft({ text: "Câu hai?" }),
      topicId,
      status: "approved",
      key: null,
      now,
    });
    await insertQuestion(db, {
      draft: draft({ text: "Câu ba?", difficulty: "hard" }),
      topicId,
      status: "draft",
      key: null,
      now,
    });
    expect(await countQuestions(db)).toEqual(
      expect.arrayContaining([
        { topicId, difficulty: "easy", status: "approved", count: 2 },
        { topicId, difficulty: "hard", status: "draft", count: 1 },
      ]),
    );
  });

  it("changes an unseen version in place", async () => {
    const id = await insertQuestion(db, { draft: draft(), topicId, status: "draft", key: null, now });
    const before = await findQuestion(db, id);
    const saved = await updateQuestion(db, { id, draft: draft({ text: "Nội dung đã sửa?" }), topicId, now });
    expect(saved).toEqual({ versionId: before!.version.id, version: 1, newVersion: false });
    const after = await findQuestion(db, id);
    expect(after?.draft.text).toBe("Nội dung đã sửa?");
    expect(after?.question.text_folded).toBe("noi dung da sua");
    expect(after?.versions).toBe(1);
  });

  it("keeps the version a contestant saw and edits a new one", async () => {
    const id = await insertQuestion(db, { draft: draft(), topicId, status: "approved", key: null, now });
    const seen = (await findQuestion(db, id))!.version;
    await showToContestant(db, seen.id);
    expect((await findQuestion(db, id))?.currentVersionUses).toBe(1);

    const saved = await updateQuestion(db, {
      id,
      draft: draft({ options: ["Mọi người dân", "Chỉ học sinh"] }),
      topicId,
      now,
    });
    expect(saved.newVersion).toBe(true);
    expect(saved.version).toBe(2);
    const after = await findQuestion(db, id);
    expect(after?.version.id).toBe(saved.versionId);
    expect(after?.draft.options).toEqual(["Mọi người dân", "Chỉ học sinh"]);
    expect(after?.currentVersionUses).toBe(0);
    expect(after?.everUsed).toBe(true);
    const old = await db
      .selectFrom("question_versions")
      .selectAll()
      .where("id", "=", seen.id)
      .executeTakeFirstOrThrow();
    expect(old).toEqual(seen);

    // The new version is unseen, so a second edit changes it in place.
    const again = await updateQuestion(db, { id, draft: draft({ text: "Lần sửa thứ hai?" }), topicId, now });
    expect(again).toEqual({ versionId: saved.versionId, version: 2, newVersion: false });
  });

  it("deletes only a draft nobody has seen", async () => {
    const unused = await insertQuestion(db, { draft: draft(), topicId, status: "draft", key: null, now });
    const approved = await insertQuestion(db, {
      draft: draft({ text: "Câu đã duyệt?" }),
      topicId,
      status: "approved",
      key: null,
      now,
    });
    const used = await insertQuestion(db, {
      draft: draft({ text: "Câu đã dùng?" }),
      topicId,
      status: "draft",
      key: null,
      now,
    });
    await showToContestant(db, (await findQuestion(db, used))!.version.id);

    expect(await deleteUnusedDraft(db, approved)).toBe(false);
    expect(await deleteUnusedDraft(db, used)).toBe(false);
    expect(await findQuestion(db, used)).toBeDefined();
    expect(await deleteUnusedDraft(db, unused)).toBe(true);
    expect(await findQuestion(db, unused)).toBeUndefined();
  });

  it("exports the current versions as drafts", async () => {
    const id = await insertQuestion(db, { draft: draft(), topicId, status: "approved", key: null, now });
    await updateQuestion(db, { id, draft: draft({ text: "Bản mới?", correct: [1] }), topicId, now });
    expect(await exportDrafts(db, {})).toEqual([draft({ text: "Bản mới?", correct: [1] })]);
  });
});

describe("what the editor compares a question against", () => {
  let db: Db;
  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(async () => {
    await db.destroy();
  });

  it("lists every question in use with its key, and the leak check then names the other question", async () => {
    const topicId = (await ensureTopics(db, [draft().topic])).get(draft().topic)!.id;
    const plan2025 = draft({
      text: "Mục tiêu đến năm 2025 của Chương trình Chuyển đổi số quốc gia về dịch vụ công trực tuyến là gì?",
      options: [
        "80% dịch vụ công trực tuyến toàn trình được cung cấp trên nhiều phương tiện",
        "100% dịch vụ công trực tuyến toàn trình được cung cấp trên nhiều phương tiện",
        "50% dịch vụ công được cung cấp ở mức độ một phần",
        "30% dịch vụ công được cung cấp ở mức độ một phần",
      ],
      correct: [0],
    });
    const plan2030 = draft({
      text: "Mục tiêu đến năm 2030 của Chương trình Chuyển đổi số quốc gia về dịch vụ công trực tuyến là gì?",
      options: [
        "80% dịch vụ công trực tuyến toàn trình được cung cấp trên nhiều phương tiện",
        "100% dịch vụ công trực tuyến toàn trình được cung cấp trên nhiều phương tiện",
        "70% dịch vụ công được cung cấp ở mức độ một phần",
        "90% dịch vụ công được cung cấp ở mức độ một phần",
      ],
      correct: [1],
    });
    const retiredText = "Câu hỏi đã ngừng dùng thì không còn được so sánh nữa phải không?";
    const first = await insertQuestion(db, {
      draft: plan2025,
      topicId,
      status: "approved",
      key: "cds-001",
      now,
    });
    const second = await insertQuestion(db, { draft: plan2030, topicId, status: "draft", key: null, now });
    const retired = await insertQuestion(db, {
      draft: draft({ text: retiredText }),
      topicId,
      status: "approved",
      key: null,
      now,
    });
    await setQuestionStatus(db, retired, "retired", now);

    const items = await bankItems(db);
    expect(items.map((i) => i.id)).toEqual([first, second]);
    expect(items[0]!.key).toBe("cds-001");
    expect(items[1]!.draft.options).toEqual(plan2030.options);

    const others = items.filter((i) => i.id !== second);
    const findings = bankFindings([
      ...others.map((i) => ({ ref: i.key ?? `#${i.id}`, draft: i.draft })),
      { ref: `#${second}`, draft: items[1]!.draft },
    ]);
    expect(findings.perItem[others.length]!.map((p) => [p.code, p.params?.other])).toContainEqual([
      "leakPair",
      "cds-001",
    ]);
  });
});
