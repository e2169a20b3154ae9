/**
 * A seeded demo contest in a private in-memory database, with contestants made directly (their
 * registration has its own tests), for the tests of taking rounds, ranking and the board.
 */
import path from "node:path";
import { seedDemo, type SeedResult } from "#db/seed/seed";
import { hashPassword } from "#server/security/password";
import { createUser } from "#db/repos/users";
import type { Services } from "#server/services";
import { loadBundledBank } from "../../question-bank/load";
import { testClock, testServices, type TestClock } from "./test-services";

let bankCache: Awaited<ReturnType<typeof loadBundledBank>> | null = null;

export interface ContestFixture {
  services: Services;
  clock: TestClock;
  seed: SeedResult;
  addContestant(
    name?: string,
    extra?: { isStaffMember?: boolean },
  ): Promise<{ userId: number; contestantId: number }>;
}

export async function contestFixture(start = new Date("2026-11-27T01:00:00.000Z")): Promise<ContestFixture> {
  const clock = testClock(start);
  const services = await testServices(clock);
  bankCache ??= await loadBundledBank(path.join(process.cwd(), "question-bank"));
  const seed = await seedDemo(services.db, {
    now: clock.now(),
    adminPasswordHash: "x",
    hashPassword,
    bank: bankCache,
  });
  const units = await services.db.selectFrom("units").select("id").execute();
  const categories = await services.db.selectFrom("categories").select("id").execute();
  let n = 0;
  return {
    services,
    clock,
    seed,
    async addContestant(name = "Nguyễn Văn An", extra = {}) {
      n++;
      const now = clock.now();
      const user = await createUser(services.db, {
        role: "contestant",
        username: null,
        displayName: name,
        passwordHash: "x",
        now,
      });
      const row = await services.db
        .insertInto("contestants")
        .values({
          user_id: user.id,
          contest_id: seed.contestId,
          full_name: name,
          name_folded: name.toLowerCase(),
          birth_date: "1990-01-01",
          gender: "male",
          phone: `09${String(10_000_000 + n).padStart(8, "0")}`,
          cccd: null,
          unit_id: units[n % units.length].id,
          category_id: categories[n % categories.length].id,
          is_staff_member: extra.isStaffMember ? 1 : 0,
          status: "active",
          status_reason: null,
          consent_at: now.toISOString(),
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { userId: user.id, contestantId: row.id };
    },
  };
}
