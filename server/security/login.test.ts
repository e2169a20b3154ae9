import { beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase, type Db } from "#db/connection";
import { createUser } from "#db/repos/users";
import { createSession, deleteUserSessions, findLiveSession } from "#db/repos/sessions";
import { attemptLogin } from "./login";
import { hashPassword } from "./password";

const T0 = new Date("2026-11-27T01:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe("logging in", () => {
  let db: Db;
  let organizerId: number;
  beforeEach(async () => {
    db = await openTestDatabase();
    const user = await createUser(db, {
      role: "organizer",
      username: "bantochuc",
      displayName: "Ban tổ chức",
      passwordHash: await hashPassword("dung-mat-khau"),
      now: T0,
    });
    organizerId = user.id;
  });

  it("accepts the right password, whatever the case of the username", async () => {
    const result = await attemptLogin(db, {
      login: " BanToChuc ",
      password: "dung-mat-khau",
      ip: "1.1.1.1",
      now: T0,
    });
    expect(result).toEqual({ ok: true, userId: organizerId, mustChangePassword: false });
  });

  it("refuses a wrong password without saying which part was wrong", async () => {
    expect(await attemptLogin(db, { login: "bantochuc", password: "sai", ip: "1.1.1.1", now: T0 })).toEqual({
      ok: false,
      reason: "wrong",
    });
    expect(await attemptLogin(db, { login: "khong-co", password: "sai", ip: "1.1.1.1", now: T0 })).toEqual({
      ok: false,
      reason: "wrong",
    });
  });

  it("locks out one account from one address after five attempts, with growing delays, never the owner elsewhere", async () => {
    for (let i = 0; i < 5; i++) {
      await attemptLogin(db, { login: "bantochuc", password: "sai", ip: "10.0.0.1", now: minutes(0) });
    }
    const blocked = await attemptLogin(db, {
      login: "bantochuc",
      password: "dung-mat-khau",
      ip: "10.0.0.1",
      now: minutes(0),
    });
    expect(blocked.ok === false && blocked.reason).toBe("throttled");
    if (!blocked.ok && blocked.reason === "throttled")
      expect(blocked.retryAt.getTime()).toBe(minutes(1).getTime());
    // The owner, from another address, is not locked out.
    expect(
      (
        await attemptLogin(db, {
          login: "bantochuc",
          password: "dung-mat-khau",
          ip: "9.9.9.9",
          now: minutes(0),
        })
      ).ok,
    ).toBe(true);
    // After the first lock-out, five more failures lock out for twice as long.
    for (let i = 0; i < 5; i++) {
      await attemptLogin(db, { login: "bantochuc", password: "sai", ip: "10.0.0.1", now: minutes(2) });
    }
    const again = await attemptLogin(db, {
      login: "bantochuc",
      password: "sai",
      ip: "10.0.0.1",
      now: minutes(2),
    });
    if (!again.ok && again.reason === "throttled") expect(again.retryAt.getTime()).toBe(minutes(4).getTime());
    else expect.fail("expected a second, longer lock-out");
    expect(
      (
        await attemptLogin(db, {
          login: "bantochuc",
          password: "dung-mat-khau",
          ip: "10.0.0.1",
          now: minutes(5),
        })
      ).ok,
    ).toBe(true);
  });

  it("counts attempts before checking them: of twenty at once, only five are checked", async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attemptLogin(db, {
          login: "bantochuc",
          password: i === 19 ? "dung-mat-khau" : "sai",
          ip: "10.0.0.2",
          now: minutes(0),
        }),
      ),
    );
    expect(results.filter((r) => r.ok === false && r.reason === "throttled")).toHaveLength(15);
    expect(results.filter((r) => r.ok)).toHaveLength(0);
  });

  it("lets a hall of people mistyping behind one address log in, but stops one address trying hundreds of accounts", async () => {
    for (let i = 0; i < 60; i++) {
      await attemptLogin(db, { login: `user${i}`, password: "sai", ip: "6.6.6.6", now: minutes(0) });
    }
    const hall = await attemptLogin(db, {
      login: "bantochuc",
      password: "dung-mat-khau",
      ip: "6.6.6.6",
      now: minutes(1),
    });
    expect(hall.ok).toBe(true);
    for (let i = 60; i < 320; i++) {
      await attemptLogin(db, { login: `user${i}`, password: "sai", ip: "6.6.6.6", now: minutes(2) });
    }
    const result = await attemptLogin(db, {
      login: "bantochuc",
      password: "dung-mat-khau",
      ip: "6.6.6.6",
      now: minutes(3),
    });
    expect(result.ok === false && result.reason).toBe("throttled");
  });

  it("refuses a disabled account", async () => {
    await db.updateTable("users").set({ disabled_at: T0.toISOString() }).execute();
    expect(
      await attemptLogin(db, { login: "bantochuc", password: "dung-mat-khau", ip: null, now: T0 }),
    ).toEqual({
      ok: false,
      reason: "disabled",
    });
  });
});

describe("sessions", () => {
  it("expire, and log out everywhere ends them all", async () => {
    const db = await openTestDatabase();
    const user = await createUser(db, {
      role: "judge",
      username: "gk",
      displayName: "GK",
      passwordHash: "x",
      now: T0,
    });
    for (const id of ["a", "b"]) {
      await createSession(db, {
        id,
        userId: user.id,
        now: T0,
        expiresAt: minutes(60),
        ip: null,
        userAgent: null,
      });
    }
    expect((await findLiveSession(db, "a", minutes(10)))?.user.role).toBe("judge");
    expect(await findLiveSession(db, "a", minutes(61))).toBeUndefined();
    expect(await deleteUserSessions(db, user.id)).toBe(2);
    expect(await findLiveSession(db, "b", minutes(10))).toBeUndefined();
  });
});
