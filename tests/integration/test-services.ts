/** Services for one test: a private in-memory database, a clock the test controls, a silent logger. */
import type { Db } from "#db/connection";
import { foldForSearch } from "~/rules/text";
import { openTestDatabase } from "#db/connection";
import type { Config } from "#server/config";
import { createLogger } from "#server/logger";
import type { Clock, Services } from "#server/services";
import { ContestEvents } from "#server/contest/events";

export interface TestClock extends Clock {
  set(date: Date): void;
  advance(ms: number): void;
}

export function testClock(start = new Date("2026-11-27T01:00:00.000Z")): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (date) => (current = date.getTime()),
    advance: (ms) => (current += ms),
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    database: { kind: "sqlite", file: ":memory:" },
    sessionSecret: "test-secret-test-secret-test-secret-0123",
    logLevel: "silent",
    adminPassword: null,
    publicUrl: null,
    dataDir: "data",
    secureCookies: false,
    trustProxy: false,
    redis: null,
    ...overrides,
  };
}

export async function testServices(clock: Clock = testClock()): Promise<Services> {
  return {
    db: await openTestDatabase(),
    config: testConfig(),
    logger: createLogger("silent"),
    clock,
    events: new ContestEvents(),
  };
}

export interface DirectContestant {
  userId: number;
  contestId: number;
  unitId: number;
  categoryId: number;
  name: string;
  phone: string;
  birthDate: string;
  gender: "male" | "female";
  at: Date;
}

/**
 * The contestant row of an account made directly in the database (tests and benchmarks: no registration,
 * no password hashing), active and consenting.
 */
export async function insertContestant(db: Db, c: DirectContestant): Promise<void> {
  const iso = c.at.toISOString();
  await db
    .insertInto("contestants")
    .values({
      user_id: c.userId,
      contest_id: c.contestId,
      full_name: c.name,
      name_folded: foldForSearch(c.name),
      birth_date: c.birthDate,
      gender: c.gender,
      phone: c.phone,
      cccd: null,
      unit_id: c.unitId,
      category_id: c.categoryId,
      is_staff_member: 0,
      status: "active",
      status_reason: null,
      consent_at: iso,
      created_at: iso,
      updated_at: iso,
    })
    .execute();
}
