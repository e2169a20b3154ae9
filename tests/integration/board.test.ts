import { afterEach, describe, expect, it } from "vitest";
import type { BoardSnapshot, ConsoleLive, ConsoleRound, MyRank } from "~/realtime/contract";
import { closeRound, publishRound } from "#server/contest/ranking";
import { boardHarness, data, request, sleep, waitFor, type BoardHarness } from "./board-harness";

const MINUTE = 60_000;
let h: BoardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function setRound(harness: BoardHarness, values: Record<string, string | number>) {
  await harness.services.db
    .updateTable("rounds")
    .set(values)
    .where("id", "=", harness.seed.openRoundId)
    .execute();
}

describe("the realtime board", () => {
  it("sends a full snapshot on join with masked names only, then the change after a submission", async () => {
    h = await boardHarness();
    const an = await h.addContestant("Nguyễn Văn An");
    const binh = await h.addContestant("Trần Thị Ánh Bình");
    await h.takeRound(an.userId, 12, 4);
    await h.startOnly(binh.userId);

    const screen = await h.client();
    const snapshot = data(
      await request<BoardSnapshot>(screen, "board:join", { roundId: h.seed.openRoundId, screen: true }),
    );
    expect(snapshot).toMatchObject({
      roundId: h.seed.openRoundId,
      phase: "open",
      view: "live",
      submitted: 1,
      takingNow: 1,
      ranked: 1,
    });
    expect(snapshot.rows).toEqual([
      expect.objectContaining({
        rank: 1,
        name: "Nguyễn Văn A.",
        score: 12,
        durationMs: 4 * MINUTE,
        prize: null,
      }),
    ]);
    expect(snapshot.units.reduce((sum, u) => sum + u.participants, 0)).toBe(1);
    // Nothing personal: no full name, phone, birth date or database id in what is broadcast.
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain("Nguyễn Văn An");
    expect(text).not.toMatch(/09\d{8}/);
    expect(text).not.toContain("1990-01-01");

    const changed = waitFor<BoardSnapshot>(screen, "board:update", (s) => s.submitted === 2);
    await h.takeRound(binh.userId, 15, 3);
    const update = await changed;
    expect(update.version).toBeGreaterThan(snapshot.version);
    expect(update.takingNow).toBe(0);
    expect(update.rows.map((r) => [r.rank, r.name, r.score])).toEqual([
      [1, "Trần Thị Ánh B.", 15],
      [2, "Nguyễn Văn A.", 12],
    ]);
    // The row keeps its key when it moves, so screens can animate it.
    expect(update.rows[1].key).toBe(snapshot.rows[0].key);
  });

  it("coalesces a burst of submissions into a few broadcasts with the exact final count", async () => {
    h = await boardHarness();
    const people = [];
    for (let i = 0; i < 40; i++) people.push(await h.addContestant(`Lê Văn Người${i}`));
    const attempts = [];
    for (const p of people) attempts.push({ userId: p.userId, attemptId: await h.startOnly(p.userId) });
    const screen = await h.client();
    data(await request<BoardSnapshot>(screen, "board:join", { roundId: h.seed.openRoundId }));
    const updates: BoardSnapshot[] = [];
    screen.on("board:update", (s) => updates.push(s));

    const { submitAttempt } = await import("#server/contest/attempts");
    h.clock.advance(2 * MINUTE);
    const started = Date.now();
    await Promise.all(attempts.map((a) => submitAttempt(h!.services, { ...a, reason: "manual" })));
    const last = await waitFor<BoardSnapshot>(screen, "board:update", (s) => s.submitted === 40).catch(() =>
      updates.at(-1),
    );
    await sleep(1_200); // anything still pending would arrive by now
    const elapsed = Date.now() - started;
    expect(last?.submitted).toBe(40);
    expect(updates.at(-1)!.submitted).toBe(40);
    expect(updates.at(-1)!.takingNow).toBe(0);
    // Bounded: at most one broadcast per 500 ms (plus the leading one), never one per submission.
    expect(updates.length).toBeLessThanOrEqual(Math.ceil(elapsed / 500) + 1);
    expect(updates.length).toBeLessThan(10);
    const versions = updates.map((u) => u.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it("a client that reconnects gets a fresh snapshot with the right numbers, never double counts", async () => {
    h = await boardHarness();
    const a = await h.addContestant("Võ Thị Lan");
    const b = await h.addContestant("Đặng Văn Hùng");
    const c = await h.addContestant("Huỳnh Thị Mai");
    await h.takeRound(a.userId, 10);
    const first = await h.client();
    const before = data(await request<BoardSnapshot>(first, "board:join", { roundId: h.seed.openRoundId }));
    expect(before.submitted).toBe(1);
    first.disconnect();
    await h.takeRound(b.userId, 11);
    await h.takeRound(c.userId, 9);
    await sleep(600);
    const again = await h.client();
    const after = data(await request<BoardSnapshot>(again, "board:join", { roundId: h.seed.openRoundId }));
    expect(after.submitted).toBe(3);
    expect(after.rows.map((r) => r.name)).toEqual(["Đặng Văn H.", "Võ Thị L.", "Huỳnh Thị M."]);
    expect(after.version).toBeGreaterThan(before.version);
  });

  it("hides the rows under the hidden policy but keeps the participation numbers", async () => {
    h = await boardHarness();
    await setRound(h, { board_policy: "hidden" });
    const a = await h.addContestant("Phạm Minh Tuấn");
    await h.takeRound(a.userId, 10);
    const screen = await h.client();
    const snapshot = data(
      await request<BoardSnapshot>(screen, "board:join", { roundId: h.seed.openRoundId }),
    );
    expect(snapshot).toMatchObject({ view: "hidden", rows: [], submitted: 1 });
  });

  it("freezes the rows for the last minutes, then shows the final standing after the close", async () => {
    h = await boardHarness();
    const closesAt = new Date(h.clock.now().getTime() + 30 * MINUTE);
    await setRound(h, { board_policy: "frozen", freeze_minutes: 10, closes_at: closesAt.toISOString() });
    const early = await h.addContestant("Bùi Thị Diễm My");
    const late = await h.addContestant("Tạ Quang Vinh");
    await h.takeRound(early.userId, 8, 5); // submitted 5 minutes in: before the freeze
    const screen = await h.client();
    const live = data(await request<BoardSnapshot>(screen, "board:join", { roundId: h.seed.openRoundId }));
    expect(live.view).toBe("live");

    const lateAttempt = await h.startOnly(late.userId);
    h.clock.advance(17 * MINUTE); // 22 minutes in: frozen
    const frozen = await waitFor<BoardSnapshot>(screen, "board:update", (s) => s.view === "frozen", 3_000);
    expect(frozen.frozenAt).toBe(new Date(closesAt.getTime() - 10 * MINUTE).toISOString());
    const { submitAttempt } = await import("#server/contest/attempts");
    await submitAttempt(h.services, { attemptId: lateAttempt, reason: "manual", userId: late.userId });
    const afterLate = await waitFor<BoardSnapshot>(screen, "board:update", (s) => s.submitted === 2);
    expect(afterLate.view).toBe("frozen");
    expect(afterLate.rows.map((r) => r.name)).toEqual(["Bùi Thị Diễm M."]);

    h.clock.advance(9 * MINUTE); // closed
    const closed = await waitFor<BoardSnapshot>(screen, "board:update", (s) => s.phase === "closed", 3_000);
    expect(closed.view).toBe("live");
    expect(closed.rows).toHaveLength(2);
  });

  it("switches to the published official ranking with prizes", async () => {
    h = await boardHarness();
    const names = ["Nguyễn Hữu Nghĩa", "Trần Thị Hồng Nhung", "Đinh Văn Quý"];
    let correct = 18;
    for (const name of names) {
      const p = await h.addContestant(name);
      await h.takeRound(p.userId, correct--);
    }
    const screen = await h.client();
    data(await request<BoardSnapshot>(screen, "board:join", { roundId: h.seed.openRoundId }));
    await closeRound(h.services, { roundId: h.seed.openRoundId, actorUserId: null });
    await publishRound(h.services, { roundId: h.seed.openRoundId, actorUserId: null });
    const official = await waitFor<BoardSnapshot>(screen, "board:update", (s) => s.view === "official");
    expect(official.rows.map((r) => [r.rank, r.name, r.prize])).toEqual([
      [1, "Nguyễn Hữu N.", "first"],
      [2, "Trần Thị Hồng N.", "second"],
      [3, "Đinh Văn Q.", "second"],
    ]);
    expect(official.perfectCount).toBe(0);
  });

  it("tells a contestant their own rank privately, and pushes it when it changes", async () => {
    h = await boardHarness();
    const me = await h.addContestant("Ngô Thị Thanh Thảo");
    const other = await h.addContestant("Lê Văn Phước");
    const myAttempt = await h.takeRound(me.userId, 10);
    const mine = await h.client({ cookie: await h.cookieFor(me.userId) });
    const rank = data(await request<MyRank>(mine, "me:rank", { attemptId: myAttempt }));
    expect(rank).toEqual({
      attemptId: myAttempt,
      roundId: h.seed.openRoundId,
      rank: 1,
      of: 1,
      view: "live",
      prize: null,
    });

    // Nobody else can ask for it.
    const stranger = await h.client({ cookie: await h.cookieFor(other.userId) });
    expect(await request(stranger, "me:rank", { attemptId: myAttempt })).toEqual({
      error: { code: "notYours" },
    });
    const anonymous = await h.client();
    expect(await request(anonymous, "me:rank", { attemptId: myAttempt })).toEqual({
      error: { code: "notSignedIn" },
    });
    const heard: MyRank[] = [];
    stranger.on("me:rank", (r) => heard.push(r));
    anonymous.on("me:rank", (r) => heard.push(r));

    const pushed = waitFor<MyRank>(mine, "me:rank", (r) => r.rank === 2);
    await h.takeRound(other.userId, 16);
    expect(await pushed).toMatchObject({ rank: 2, of: 2 });
    await sleep(700);
    expect(heard).toEqual([]);
  });

  it("gives the console live numbers and the screens connected, and refuses it to others", async () => {
    h = await boardHarness();
    const anonymous = await h.client();
    expect(await request(anonymous, "console:watch", {})).toEqual({ error: { code: "forbidden" } });
    const contestant = await h.addContestant("Dương Minh Trí");
    const asContestant = await h.client({ cookie: await h.cookieFor(contestant.userId) });
    expect(await request(asContestant, "console:watch", {})).toEqual({ error: { code: "forbidden" } });

    const admin = await h.services.db
      .selectFrom("users")
      .select("id")
      .where("role", "=", "admin")
      .executeTakeFirstOrThrow();
    const staff = await h.client({ cookie: await h.cookieFor(admin.id) });
    const live = data(await request<ConsoleLive>(staff, "console:watch", {}));
    expect(live.rounds.map((r) => r.roundId)).toEqual([h.seed.openRoundId, h.seed.upcomingRoundId]);
    expect(live.rounds[0]).toMatchObject({ submitted: 0, takingNow: 0, screens: [] });

    const screen = await h.client();
    const screenJoined = waitFor<ConsoleRound>(staff, "console:update", (r) => r.screens.length === 1);
    data(await request(screen, "board:join", { roundId: h.seed.openRoundId, screen: true }));
    expect((await screenJoined).screens[0].address).toMatch(/127\.0\.0\.1/);

    const counted = waitFor<ConsoleRound>(staff, "console:update", (r) => r.takingNow === 1);
    await h.startOnly(contestant.userId);
    expect((await counted).submitted).toBe(0);

    const screenGone = waitFor<ConsoleRound>(staff, "console:update", (r) => r.screens.length === 0);
    screen.disconnect();
    await screenGone;
  });
});
