import { afterEach, describe, expect, it } from "vitest";
import type { BoardSnapshot } from "~/realtime/contract";
import { MAX_BOARD_ROOMS_PER_SOCKET } from "#server/realtime/board";
import { SOCKET_MAX_BUFFER_BYTES } from "#server/platform";
import { boardHarness, data, request, sleep, waitFor, type BoardHarness, type Client } from "./board-harness";

let h: BoardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

/** Extra rounds so that a socket can try to join more boards than allowed. */
async function addRounds(harness: BoardHarness, count: number): Promise<number[]> {
  const template = await harness.services.db
    .selectFrom("rounds")
    .selectAll()
    .where("id", "=", harness.seed.openRoundId)
    .executeTakeFirstOrThrow();
  const rest = Object.fromEntries(Object.entries(template).filter(([key]) => key !== "id")) as Omit<
    typeof template,
    "id"
  >;
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const row = await harness.services.db
      .insertInto("rounds")
      .values({ ...rest, title: `Đợt thử ${i}` })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

function serverRooms(harness: BoardHarness, client: Client): Set<string> {
  const socket = harness.platform.io.sockets.sockets.get(client.id!);
  return new Set(socket ? [...socket.rooms] : []);
}

/** A screen on the board, to check that hostile clients do it no harm. */
async function bystander(harness: BoardHarness) {
  const screen = await harness.client();
  data(await request<BoardSnapshot>(screen, "board:join", { roundId: harness.seed.openRoundId }));
  return screen;
}

async function stillServed(harness: BoardHarness, screen: Client, name: string) {
  const p = await harness.addContestant(name);
  const update = waitFor<BoardSnapshot>(screen, "board:update", (s) =>
    s.rows.some((r) => r.name.startsWith(name.split(" ")[0])),
  );
  await harness.takeRound(p.userId, 7);
  await update;
  expect(screen.connected).toBe(true);
}

describe("hostile clients against the board", () => {
  it("answers malformed and unknown events with an error and changes nothing", async () => {
    h = await boardHarness();
    const socket = await h.client();
    expect(await request(socket, "board:join", { roundId: "1" })).toEqual({ error: { code: "badRequest" } });
    expect(await request(socket, "board:join", { roundId: -4 })).toEqual({ error: { code: "badRequest" } });
    expect(await request(socket, "board:join", { roundId: 1, extra: true })).toEqual({
      error: { code: "badRequest" },
    });
    expect(await request(socket, "board:join")).toEqual({ error: { code: "badRequest" } });
    expect(await request(socket, "board:join", { roundId: 2 ** 31 - 1 })).toEqual({
      error: { code: "notFound" },
    });
    expect(await request(socket, "board:everything", {})).toEqual({ error: { code: "unknownEvent" } });
    expect(await request(socket, "console:watch", { all: true })).toEqual({ error: { code: "badRequest" } });
    expect(await request(socket, "me:rank", { attemptId: 0 })).toEqual({ error: { code: "badRequest" } });
    expect([...serverRooms(h, socket)].filter((r) => r !== socket.id)).toEqual([]);
  });

  it("refuses leaving a board it never joined, and joining more boards than allowed", async () => {
    h = await boardHarness();
    const rounds = [
      h.seed.openRoundId,
      h.seed.upcomingRoundId,
      ...(await addRounds(h, MAX_BOARD_ROOMS_PER_SOCKET)),
    ];
    const socket = await h.client();
    expect(await request(socket, "board:leave", { roundId: h.seed.openRoundId })).toEqual({
      error: { code: "notJoined" },
    });
    const answers = [];
    for (const roundId of rounds) answers.push(await request(socket, "board:join", { roundId }));
    expect(answers.filter((a) => "data" in a)).toHaveLength(MAX_BOARD_ROOMS_PER_SOCKET);
    expect(answers.slice(MAX_BOARD_ROOMS_PER_SOCKET)).toEqual(
      rounds.slice(MAX_BOARD_ROOMS_PER_SOCKET).map(() => ({ error: { code: "tooManyRooms" } })),
    );
    // Joining the same board again is fine (a page re-joins after every reconnect); leaving frees a place.
    expect("data" in (await request(socket, "board:join", { roundId: rounds[0] }))).toBe(true);
    expect(await request(socket, "board:leave", { roundId: rounds[0] })).toEqual({ data: null });
    expect("data" in (await request(socket, "board:join", { roundId: rounds.at(-1) }))).toBe(true);
  });

  it("a socket trying thousands of rooms is refused (then cut off) and the screens keep their updates", async () => {
    h = await boardHarness();
    const screen = await bystander(h);
    const prober = await h.client();
    const codes = new Set<string>();
    const cut = new Promise<void>((resolve) => prober.on("disconnect", () => resolve()));
    for (let i = 0; i < 3_000; i++) {
      request(prober, "board:join", { roundId: 1_000 + i }).then(
        (a) => void codes.add("error" in a ? a.error.code : "data"),
        () => undefined,
      );
    }
    await cut; // a flood of refused events is disconnected (handle.ts)
    expect(codes.has("data")).toBe(false);
    expect(codes.has("rateLimited")).toBe(true);
    expect(h.platform.io.sockets.adapter.rooms.size).toBeLessThan(10);
    await stillServed(h, screen, "Trương Công Danh");
  });

  it("a payload over the buffer cap drops that socket only", async () => {
    h = await boardHarness();
    const screen = await bystander(h);
    const hostile = await h.client();
    const gone = new Promise<string>((resolve) => hostile.on("disconnect", (reason) => resolve(reason)));
    hostile.emit(
      "board:join",
      { roundId: h.seed.openRoundId, padding: "x".repeat(SOCKET_MAX_BUFFER_BYTES * 2) } as never,
      () => {},
    );
    expect(await gone).toBe("transport close");
    await stillServed(h, screen, "Phạm Thị Lệ");
  });

  it("a flood from one socket is rate-limited while another socket is served", async () => {
    h = await boardHarness();
    const screen = await bystander(h);
    const flooder = await h.client();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => request(flooder, "board:join", { roundId: h!.seed.openRoundId })),
    );
    const limited = answers.filter((a) => "error" in a && a.error.code === "rateLimited").length;
    expect(limited).toBeGreaterThan(40);
    const calm = await h.client();
    expect("data" in (await request(calm, "board:join", { roundId: h.seed.openRoundId }))).toBe(true);
    await stillServed(h, screen, "Võ Văn Thắng");
  });

  it("a socket that is not an organizer's cannot watch the console or hear its updates", async () => {
    h = await boardHarness();
    const socket = await h.client();
    const heard: unknown[] = [];
    socket.on("console:update", (r) => heard.push(r));
    expect(await request(socket, "console:watch", {})).toEqual({ error: { code: "forbidden" } });
    data(await request(socket, "board:join", { roundId: h.seed.openRoundId, screen: true }));
    const p = await h.addContestant("Nguyễn Văn Sơn");
    await h.takeRound(p.userId, 5);
    await sleep(1_200);
    expect(heard).toEqual([]);
    expect(serverRooms(h, socket).has("console:live")).toBe(false);
  });
});
