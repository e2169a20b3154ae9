import { beforeEach, describe, expect, it } from "vitest";
import { sampleDrafts } from "~/rules/question-formats/testing";
import type { QuestionDraft } from "~/rules/question";
import { contestYearWindow } from "~/rules/validity";
import { openTestDatabase, type Db } from "../connection";
import { ensureTopics, findQuestion, insertQuestion, listExpiringQuestions } from "./questions";
import { approvedPoolCounts } from "./round-settings";

const now = new Date("2026-11-30T02:00:00.000Z");
const base: QuestionDraft = { ...sampleDrafts[0]!, difficulty: "easy" };

describe("questions with validity in the database", () => {
  let db: Db;
  const ids: number[] = [];
  beforeEach(async () => {
    db = await openTestDatabase();
    ids.length = 0;
    const topics = await ensureTopics(db, [base.topic]);
    const add = async (n: number, extra: Partial<QuestionDraft>) =>
      ids.push(
        await insertQuestion(db, {
          draft: { ...base, text: `Câu hỏi số ${n}?`, ...extra },
          topicId: topics.get(base.topic)!.id,
          status: "approved",
          key: null,
          now,
        }),
      );
    await add(1, {
      validFrom: "2022-10-20",
      validUntil: "2024-07-01",
      basis: ["59/2022/NĐ-CP"],
      exclusionGroups: ["ddd-muc-2"],
    });
    await add(2, { validFrom: "2024-07-01", basis: ["69/2024/NĐ-CP"], exclusionGroups: ["ddd-muc-2"] });
    await add(3, {});
  });

  it("keeps the four fields with the version", async () => {
    const found = await findQuestion(db, ids[0]!);
    expect(found?.draft).toMatchObject({
      validFrom: "2022-10-20",
      validUntil: "2024-07-01",
      basis: ["59/2022/NĐ-CP"],
      exclusionGroups: ["ddd-muc-2"],
    });
    const plain = await findQuestion(db, ids[2]!);
    expect(plain?.draft).not.toHaveProperty("validFrom");
    expect(plain?.draft).not.toHaveProperty("basis");
  });

  it("counts only the questions valid on the reference date for the round settings", async () => {
    const on = async (date?: string) => (await approvedPoolCounts(db, date)).reduce((n, c) => n + c.count, 0);
    expect(await on()).toBe(3);
    expect(await on("2023-06-01")).toBe(2);
    expect(await on("2024-07-01")).toBe(2);
    expect(await on("2021-01-01")).toBe(1);
  });

  it("lists the questions that stop being true within the contest's year", async () => {
    expect((await listExpiringQuestions(db, contestYearWindow("2024-03-01"))).map((q) => q.id)).toEqual([
      ids[0],
    ]);
    expect(await listExpiringQuestions(db, contestYearWindow("2023-06-01"))).toEqual([]);
  });
});
