/**
 * Registration against a real (in-memory) database: the unique constraints settle races, every change
 * leaves an audit entry, and the demo data shows organizers possible duplicates to review.
 */
import { describe, expect, it } from "vitest";
import { openTestDatabase, type Db } from "#db/connection";
import { seedDemo } from "#db/seed/seed";
import { hashPassword } from "#server/security/password";
import {
  findTakenIdentity,
  hasRankedAttempt,
  listContestants,
  listDuplicateCandidates,
  registerContestant,
  setContestantStatus,
  updateContestant,
} from "#db/repos/contestants";
import { importUnits, listUnitsWithCounts, registrationChoices } from "#db/repos/units";
import { listAudit } from "#db/repos/audit";
import { findDuplicates } from "~/rules/duplicates";
import { identitySchema, type IdentityData } from "~/rules/registration";
import { parseUnitTable } from "~/rules/unit-list";

const NOW = new Date("2026-11-27T01:00:00.000Z");

async function seeded(): Promise<{ db: Db; contestId: number }> {
  const db = await openTestDatabase();
  const { contestId } = await seedDemo(db, { now: NOW, adminPasswordHash: "x", hashPassword, bank: [] });
  return { db, contestId };
}

async function identity(db: Db, contestId: number, over: Record<string, string> = {}): Promise<IdentityData> {
  const choices = await registrationChoices(db, contestId);
  return identitySchema({
    now: NOW,
    minAge: 10,
    maxAge: 100,
    cccdPolicy: "optional",
    unitIds: choices.unitIds,
    categoryIds: choices.categoryIds,
  }).parse({
    fullName: "Nguyễn Thị Thu Hà",
    birthDate: "1999-02-03",
    gender: "female",
    phone: "0912 000 111",
    cccd: "",
    unitId: String(choices.unitIds[0]),
    categoryId: String(choices.categoryIds[0]),
    ...over,
  });
}

/** What the register action does: the early check, the slow hash (which lets the other tab overtake), the insert. */
async function signUp(db: Db, contestId: number, data: IdentityData) {
  const early = await findTakenIdentity(db, { contestId, phone: data.phone, cccd: data.cccd });
  await new Promise((resolve) => setTimeout(resolve, 20));
  if (early) return { ok: false as const, taken: early };
  return registerContestant(db, {
    contestId,
    identity: data,
    passwordHash: "hash",
    consentAt: NOW,
    now: NOW,
  });
}

async function countContestants(db: Db, phone: string): Promise<{ contestants: number; users: number }> {
  const contestants = await db.selectFrom("contestants").select("id").where("phone", "=", phone).execute();
  const users = await db
    .selectFrom("users")
    .select("id")
    .where("display_name", "=", "Nguyễn Thị Thu Hà")
    .execute();
  return { contestants: contestants.length, users: users.length };
}

describe("registration", () => {
  it("two simultaneous sign-ups with the same phone give one account", async () => {
    const { db, contestId } = await seeded();
    const data = await identity(db, contestId);
    const results = await Promise.all([signUp(db, contestId, data), signUp(db, contestId, data)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, taken: "phone" });
    // No orphan user row was left behind by the refused one: its transaction rolled back.
    expect(await countContestants(db, "0912000111")).toEqual({ contestants: 1, users: 1 });
  });

  it("a CCCD already used under another phone is refused by the constraint", async () => {
    const { db, contestId } = await seeded();
    const first = await identity(db, contestId, { cccd: "051199001122" });
    const second = await identity(db, contestId, { cccd: "051 199 001 122", phone: "0988 777 666" });
    expect(
      (
        await registerContestant(db, {
          contestId,
          identity: first,
          passwordHash: "h",
          consentAt: NOW,
          now: NOW,
        })
      ).ok,
    ).toBe(true);
    expect(
      await registerContestant(db, {
        contestId,
        identity: second,
        passwordHash: "h",
        consentAt: NOW,
        now: NOW,
      }),
    ).toEqual({ ok: false, taken: "cccd" });
  });

  it("records who changed what, and refuses a phone another contestant holds", async () => {
    const { db, contestId } = await seeded();
    const data = await identity(db, contestId);
    const created = await registerContestant(db, {
      contestId,
      identity: data,
      passwordHash: "h",
      consentAt: NOW,
      now: NOW,
    });
    if (!created.ok) throw new Error("registration failed");
    const id = created.contestant.id;

    const edited = await updateContestant(db, id, {
      identity: { ...data, fullName: "Nguyễn Thị Thu Hằng" },
      actorUserId: created.userId,
      action: "contestant.selfEdit",
      now: NOW,
    });
    expect(edited).toEqual({ ok: true, changed: ["fullName"] });
    const [entry] = await listAudit(db, { action: "contestant.selfEdit" });
    expect(entry.entity_id).toBe(String(id));
    expect(JSON.parse(entry.details)).toEqual({
      changes: { fullName: ["Nguyễn Thị Thu Hà", "Nguyễn Thị Thu Hằng"] },
    });

    const taken = await updateContestant(db, id, {
      identity: { ...data, phone: "0905123401" }, // a demo contestant's
      actorUserId: created.userId,
      action: "contestant.selfEdit",
      now: NOW,
    });
    expect(taken).toEqual({ ok: false, taken: "phone" });

    expect(
      await setContestantStatus(db, id, {
        status: "disqualified",
        reason: "Trùng hồ sơ",
        actorUserId: 1,
        now: NOW,
      }),
    ).toBe(true);
    const [dq] = await listAudit(db, { action: "contestant.disqualify" });
    expect(JSON.parse(dq.details)).toEqual({ from: "active", to: "disqualified", reason: "Trùng hồ sơ" });
  });

  it("locks self-service once a ranked attempt exists, not after practice", async () => {
    const { db, contestId } = await seeded();
    const data = await identity(db, contestId);
    const created = await registerContestant(db, {
      contestId,
      identity: data,
      passwordHash: "h",
      consentAt: NOW,
      now: NOW,
    });
    if (!created.ok) throw new Error("registration failed");
    const attempt = (isPractice: number, roundId: number | null, no: number) => ({
      round_id: roundId,
      contestant_id: created.contestant.id,
      is_practice: isPractice,
      attempt_no: no,
      status: "submitted" as const,
      seed: 1,
      started_at: NOW.toISOString(),
      deadline_at: NOW.toISOString(),
    });
    await db
      .insertInto("attempts")
      .values(attempt(1, null, 1))
      .execute();
    expect(await hasRankedAttempt(db, created.contestant.id)).toBe(false);
    const round = await db.selectFrom("rounds").select("id").executeTakeFirstOrThrow();
    await db
      .insertInto("attempts")
      .values(attempt(0, round.id, 1))
      .execute();
    expect(await hasRankedAttempt(db, created.contestant.id)).toBe(true);
  });
});

describe("the organizer's list", () => {
  it("finds contestants by name without diacritics, by phone in any form, and by unit", async () => {
    const { db, contestId } = await seeded();
    const byName = await listContestants(db, { contestId, q: "NGUYEN van hung" });
    expect(byName.total).toBe(2);
    const byPhone = await listContestants(db, { contestId, q: "+84 905 123 401" });
    expect(byPhone.rows.map((r) => r.full_name)).toEqual(["Nguyễn Văn Hùng"]);
    const wildcard = await listContestants(db, { contestId, q: "%" });
    expect(wildcard.total).toBe(0);
    const staff = await listContestants(db, { contestId, status: "staff" });
    expect(staff.rows.map((r) => r.full_name)).toEqual(["Đặng Thị Ngọc Ánh"]);
  });

  it("flags the possible duplicates the demo data carries", async () => {
    const { db, contestId } = await seeded();
    const rows = await listDuplicateCandidates(db, contestId);
    const name = new Map(rows.map((r) => [r.id, r.fullName]));
    const groups = findDuplicates(rows).map((g) => ({
      reason: g.reason,
      names: g.ids.map((id) => name.get(id)),
    }));
    expect(groups).toEqual([
      { reason: "sameCccd", names: ["Trần Thị Kim Oanh", "Trần Kim Oanh"] },
      { reason: "sameNameBirthDate", names: ["Nguyễn Văn Hùng", "Nguyễn Văn Hùng"] },
      { reason: "sameNameBirthDate", names: ["Lê Thị Hoa", "Lê Thi Hoa"] },
      { reason: "similarBirthDate", names: ["Phạm Văn Tài", "Phạm Văn Tài"] },
    ]);
  });
});

describe("importing units", () => {
  it("adds new units and sub-units, updates known ones, and changes nothing when a parent is unknown", async () => {
    const { db, contestId } = await seeded();
    const before = await listUnitsWithCounts(db, contestId);
    const { rows } = parseUnitTable([
      ["Tên đơn vị", "Thuộc", "Loại", "Số người dự kiến"],
      ["Thôn Đông", "An Vĩnh", "Thôn", "300"],
      ["an vinh", "", "Xã", "950"],
      ["Trường THPT Lý Sơn", "", "Trường học", "400"],
    ]);
    const done = await importUnits(db, contestId, rows, {
      actorUserId: 1,
      now: NOW,
      fileName: "don-vi.xlsx",
    });
    expect(done).toEqual({ ok: true, summary: { created: 2, updated: 1 } });
    const after = await listUnitsWithCounts(db, contestId);
    expect(after).toHaveLength(before.length + 2);
    const anVinh = after.find((u) => u.name === "An Vĩnh")!;
    expect(anVinh.expected_headcount).toBe(950);
    // The sub-unit follows its parent in display order, and only it can now be chosen at registration.
    expect(after[after.indexOf(anVinh) + 1].name).toBe("Thôn Đông");
    expect((await registrationChoices(db, contestId)).unitIds).not.toContain(anVinh.id);

    const bad = parseUnitTable([
      ["Tên đơn vị", "Thuộc"],
      ["Thôn Mới", "Không Có"],
      ["Trường Mầm non", ""],
    ]).rows;
    const refused = await importUnits(db, contestId, bad, { actorUserId: 1, now: NOW, fileName: "x.csv" });
    expect(refused).toEqual({
      ok: false,
      problems: [{ line: 2, key: "registration.units.import.parentUnknown", params: { parent: "Không Có" } }],
    });
    expect(await listUnitsWithCounts(db, contestId)).toHaveLength(after.length);
  });
});
