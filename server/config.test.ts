import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseDatabaseUrl, parseTrustProxy } from "./config";

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "config-"));

describe("configuration", () => {
  it("uses the defaults on an empty environment and keeps a generated session secret", () => {
    const dataDir = tmp();
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first.port).toBe(3000);
    expect(first.database).toEqual({ kind: "sqlite", file: "data/contest.db" });
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dataDir }).sessionSecret).toBe(first.sessionSecret);
  });

  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ PORT: "abc", DATA_DIR: tmp() })).toThrow(/PORT: must be a number/);
    expect(() => loadConfig({ LOG_LEVEL: "loud", DATA_DIR: tmp() })).toThrow(/LOG_LEVEL: must be one of/);
    expect(() => loadConfig({ SESSION_SECRET: "short", DATA_DIR: tmp() })).toThrow(/SESSION_SECRET/);
  });

  it("takes a PostgreSQL address with its pool size, and Redis when it is set", () => {
    expect(parseDatabaseUrl("postgres://localhost/contest", 7)).toEqual({
      kind: "postgres",
      url: "postgres://localhost/contest",
      poolSize: 7,
    });
    expect(() => parseDatabaseUrl("postgresql://localhost/")).toThrow(ConfigError);
    const config = loadConfig({
      DATA_DIR: tmp(),
      DATABASE_URL: "postgresql://u:p@db:5432/contest",
      DATABASE_POOL_SIZE: "25",
      REDIS_URL: "redis://cache:6379",
    });
    expect(config.database).toEqual({
      kind: "postgres",
      url: "postgresql://u:p@db:5432/contest",
      poolSize: 25,
    });
    expect(config.redis).toEqual({ url: "redis://cache:6379", prefix: "contest:" });
    expect(loadConfig({ DATA_DIR: tmp() }).redis).toBeNull();
    expect(() => loadConfig({ DATA_DIR: tmp(), DATABASE_POOL_SIZE: "0" })).toThrow(/DATABASE_POOL_SIZE/);
    expect(() => loadConfig({ DATA_DIR: tmp(), REDIS_URL: "cache:6379" })).toThrow(/REDIS_URL/);
  });

  it("accepts a path or a file: URL for SQLite", () => {
    expect(parseDatabaseUrl("file:data/x.db")).toEqual({ kind: "sqlite", file: "data/x.db" });
    expect(parseDatabaseUrl("file:///tmp/x.db")).toEqual({ kind: "sqlite", file: "/tmp/x.db" });
    expect(parseDatabaseUrl(":memory:")).toEqual({ kind: "sqlite", file: ":memory:" });
  });

  it("believes only the proxies TRUST_PROXY names: a number of hops or their addresses", () => {
    expect(loadConfig({ DATA_DIR: tmp() }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "1", DATA_DIR: tmp() }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: "10.0.0.1, 10.0.0.0/8", DATA_DIR: tmp() }).trustProxy).toEqual([
      "10.0.0.1",
      "10.0.0.0/8",
    ]);
    expect(parseTrustProxy("loopback")).toEqual(["loopback"]);
    expect(() => loadConfig({ TRUST_PROXY: "true", DATA_DIR: tmp() })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: "*", DATA_DIR: tmp() })).toThrow(/TRUST_PROXY/);
  });
});
