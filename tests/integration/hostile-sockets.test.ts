/**
 * Sockets tried as an attacker would (issue 10, findings 6 and 7), against a real server on port 0:
 * a flood kept up for seconds, with or without acknowledgements, under names nobody handles; a socket
 * kept open after its session expired; an answer given in the grace period.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ANSWER_GRACE_MS } from "~/rules/deadline";
import { findAttempt, listItems } from "#db/repos/attempts";
import { createSession } from "#db/repos/sessions";
import { SOCKET_RATE } from "#server/realtime/handle";
import { randomToken, sha256 } from "#server/security/password";
import { SESSION_COOKIE } from "#server/security/session-cookie";
import { boardHarness, data, request, sleep, type BoardHarness, type Client } from "./board-harness";

let h: BoardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

type Emit = (event: string, ...args: unknown[]) => void;

/**
 * Sends `perSecond` events for up to `forMs`, paced by the clock (a late timer sends what is due), and
 * stops when the socket is disconnected. Returns when the server cut it off, or null if it never did.
 */
async function keepSending(socket: Client, send: () => void, perSecond: number, forMs: number) {
  const t0 = performance.now();
  let sent = 0;
  let cutAfterMs: number | null = null;
  socket.once("disconnect", () => (cutAfterMs = performance.now() - t0));
  while (cutAfterMs === null && performance.now() - t0 < forMs) {
    const due = Math.floor(((performance.now() - t0) * perSecond) / 1000);
    for (; sent < due && socket.connected; sent++) send();
    await sleep(10);
  }
  return { cutAfterMs: cutAfterMs as number | null, sent };
}

describe("finding 7: a sustained socket flood is disconnected", () => {
  // Three times the sustained rate: the bucket refills between refusals all along, so a counter that
  // restarted with every event let through would never reach the limit.
  const FLOOD = SOCKET_RATE.perSecond * 3;

  const floods: [string, (socket: Client, roundId: number) => void][] = [
    ["with an acknowledgement", (s, roundId) => (s.emit as Emit)("board:join", { roundId }, () => {})],
    ["without an acknowledgement", (s, roundId) => (s.emit as Emit)("board:join", { roundId })],
    ["under a name nobody handles", (s) => (s.emit as Emit)("board:everything", { all: true })],
  ];

  it.each(floods)(
    "a flood %s, kept up for seconds, is cut off while a calm socket beside it is served",
    async (_, send) => {
      h = await boardHarness();
      const roundId = h.seed.openRoundId;
      const flooder = await h.client();
      const calm = await h.client();
      const calmAnswers: string[] = [];
      // Half the sustained rate, for as long as the flood lasts.
      const calmSending = keepSending(
        calm,
        () =>
          void request(calm, "board:join", { roundId }).then((a) =>
            calmAnswers.push("error" in a ? a.error.code : "data"),
          ),
        SOCKET_RATE.perSecond / 2,
        4_000,
      );
      const flood = await keepSending(flooder, () => send(flooder, roundId), FLOOD, 15_000);
      await calmSending;
      expect(flood.cutAfterMs, `not cut off after ${flood.sent} events`).not.toBeNull();
      expect(flooder.connected).toBe(false);
      expect(calm.connected).toBe(true);
      expect(calmAnswers.length).toBeGreaterThan(0);
      expect(calmAnswers.filter((a) => a !== "data")).toEqual([]);
    },
    30_000,
  );
});

describe("finding 6: a socket whose session expired", () => {
  it("is refused its next event and disconnected, and the answer is not saved", async () => {
    h = await boardHarness();
    const { userId } = await h.addContestant("Đặng Thị Hoa");
    const attemptId = await h.startOnly(userId);
    // A session that ends in a minute, well before the attempt's deadline.
    const token = randomToken();
    const now = h.clock.now();
    await createSession(h.services.db, {
      id: sha256(token),
      userId,
      now,
      expiresAt: new Date(now.getTime() + 60_000),
      ip: null,
      userAgent: null,
    });
    const socket = await h.client({ cookie: `${SESSION_COOKIE}=${token}` });
    data(await request(socket, "attempt:watch", { attemptId }));
    data(await request(socket, "attempt:answer", { attemptId, position: 0, chosen: [0] }));

    h.clock.advance(60_000);
    const disconnected = new Promise<void>((resolve) => socket.once("disconnect", () => resolve()));
    expect(await request(socket, "attempt:answer", { attemptId, position: 1, chosen: [0] })).toEqual({
      error: { code: "notSignedIn" },
    });
    await disconnected;
    const items = await listItems(h.services.db, attemptId);
    expect(items[0].chosen).not.toBeNull();
    expect(items[1].chosen).toBeNull();
  });
});

describe("finding 7: an answer in the grace period", () => {
  it("is stored at the deadline, never after the submission that follows it", async () => {
    h = await boardHarness();
    const { userId } = await h.addContestant("Bùi Văn Khoa");
    const attemptId = await h.startOnly(userId);
    const socket = await h.client({ cookie: await h.cookieFor(userId) });
    data(await request(socket, "attempt:watch", { attemptId }));
    // The socket's first answer, in time: the socket now knows the attempt (the fast path).
    data(await request(socket, "attempt:answer", { attemptId, position: 0, chosen: [0] }));
    const deadline = (await findAttempt(h.services.db, attemptId))!.deadline_at;

    h.clock.set(new Date(new Date(deadline).getTime() + ANSWER_GRACE_MS / 2));
    const saved = data(
      await request<{ savedAt: string }>(socket, "attempt:answer", { attemptId, position: 1, chosen: [1] }),
    );
    const summary = data(
      await request<{ submittedAt: string }>(socket, "attempt:submit", { attemptId, prediction: null }),
    );

    const attempt = (await findAttempt(h.services.db, attemptId))!;
    const item = (await listItems(h.services.db, attemptId))[1];
    expect(item.chosen).not.toBeNull();
    expect(attempt.submitted_at).toBe(deadline);
    expect(summary.submittedAt).toBe(deadline);
    expect(item.answeredAt).toBe(deadline);
    expect(saved.savedAt).toBe(deadline);
  });
});
