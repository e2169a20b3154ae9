/** Services for one test: a private in-memory database, a clock the test controls, a silent logger. */
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
