/**
 * The answer path over a real socket: what a socket remembers about its attempt (ownership, items) never
 * lets an answer through that the full path would refuse — a submission made elsewhere, a deadline moved
 * earlier, the deadline and its grace by the server's clock — and the codes stay those of the full path.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ANSWER_GRACE_MS } from "~/rules/deadline";
import { findAttempt, listItems } from "#db/repos/attempts";
import { submitAttempt } from "#server/contest/attempts";
import { boardHarness, data, request, type BoardHarness, type Client } from "./board-harness";

let h: BoardHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function contestantWithSocket(harness: BoardHarness, name?: string) {
  const { userId } = await harness.addContestant(name);
  const attemptId = await harness.startOnly(userId);
  const socket = await harness.client({ cookie: await harness.cookieFor(userId) });
  return { userId, attemptId, socket };
}

const answer = (socket: Client, attemptId: number, position: number, chosen: number[]) =>
  request<{ savedAt: string }>(socket, "attempt:answer", { attemptId, position, chosen });

async function chosenAt(harness: BoardHarness, attemptId: number, position: number) {
  const items = await listItems(harness.services.db, attemptId);
  return items[position].chosen;
}

describe("answering over a socket", () => {
  it("saves every answer as original option indexes, the first and the following ones alike", async () => {
    h = await boardHarness();
    const { attemptId, socket } = await contestantWithSocket(h);
    const items = await listItems(h.services.db, attemptId);
    for (const item of items.slice(0, 3)) {
      const shown = item.optionOrder.length - 1;
      const ack = data(await answer(socket, attemptId, item.position, [shown]));
      expect(ack.savedAt).toBe(h.clock.now().toISOString());
      expect(await chosenAt(h, attemptId, item.position)).toEqual([item.optionOrder[shown]]);
    }
    // Changing and clearing an answer.
    data(await answer(socket, attemptId, 0, [0]));
    expect(await chosenAt(h, attemptId, 0)).toEqual([items[0].optionOrder[0]]);
    data(await answer(socket, attemptId, 0, []));
    expect(await chosenAt(h, attemptId, 0)).toBeNull();
  });

  it("gives the full path's codes for a bad position or choice, and saves nothing", async () => {
    h = await boardHarness();
    const { attemptId, socket } = await contestantWithSocket(h);
    data(await answer(socket, attemptId, 0, [0])); // the socket now knows the attempt
    const items = await listItems(h.services.db, attemptId);
    const single = items.find((i) => i.type !== "multiple" && i.optionOrder.length <= 5)!;
    expect(await answer(socket, attemptId, 99, [0])).toEqual({ error: { code: "badPosition" } });
    expect(await answer(socket, attemptId, single.position, [0, 0])).toEqual({
      error: { code: "badChoice" },
    });
    expect(await answer(socket, attemptId, single.position, [0, 1])).toEqual({
      error: { code: "badChoice" },
    });
    expect(await answer(socket, attemptId, single.position, [single.optionOrder.length])).toEqual({
      error: { code: "badChoice" },
    });
    expect(await chosenAt(h, attemptId, single.position)).toEqual(
      single.position === 0 ? [items[0].optionOrder[0]] : null,
    );
  });

  it("refuses another contestant's attempt, every time", async () => {
    h = await boardHarness();
    const a = await contestantWithSocket(h, "Nguyễn Văn An");
    const b = await contestantWithSocket(h, "Trần Thị Bình");
    data(await answer(a.socket, a.attemptId, 0, [0]));
    for (let i = 0; i < 2; i++)
      expect(await answer(b.socket, a.attemptId, 1, [0])).toEqual({ error: { code: "notYours" } });
    expect(await chosenAt(h, a.attemptId, 1)).toBeNull();
  });

  it("refuses the socket's next answer once the attempt was submitted elsewhere (another tab)", async () => {
    h = await boardHarness();
    const { userId, attemptId, socket } = await contestantWithSocket(h);
    // The page's watch: the socket learns the attempt there, before any answer.
    data(await request(socket, "attempt:watch", { attemptId }));
    data(await answer(socket, attemptId, 0, [0]));
    const submitted = await submitAttempt(h.services, { attemptId, reason: "manual", userId });
    expect(submitted.ok).toBe(true);
    expect(await answer(socket, attemptId, 1, [0])).toEqual({ error: { code: "submitted" } });
    expect(await chosenAt(h, attemptId, 1)).toBeNull();
  });

  it("lets the server's deadline decide: within the grace the answer counts, past it the attempt is submitted", async () => {
    h = await boardHarness();
    const { attemptId, socket } = await contestantWithSocket(h);
    data(await answer(socket, attemptId, 0, [0]));
    const deadline = new Date((await findAttempt(h.services.db, attemptId))!.deadline_at).getTime();
    h.clock.set(new Date(deadline + ANSWER_GRACE_MS));
    data(await answer(socket, attemptId, 1, [0]));
    expect(await chosenAt(h, attemptId, 1)).not.toBeNull();
    h.clock.advance(1);
    expect(await answer(socket, attemptId, 2, [0])).toEqual({ error: { code: "deadlinePassed" } });
    expect(await chosenAt(h, attemptId, 2)).toBeNull();
    expect(await findAttempt(h.services.db, attemptId)).toMatchObject({
      status: "submitted",
      submit_reason: "deadline",
    });
  });

  it("follows a deadline moved earlier after the socket first answered (the round closed early)", async () => {
    h = await boardHarness();
    const { attemptId, socket } = await contestantWithSocket(h);
    data(await answer(socket, attemptId, 0, [0]));
    const earlier = new Date(h.clock.now().getTime() - ANSWER_GRACE_MS - 1_000).toISOString();
    await h.services.db
      .updateTable("attempts")
      .set({ deadline_at: earlier })
      .where("id", "=", attemptId)
      .execute();
    expect(await answer(socket, attemptId, 1, [0])).toEqual({ error: { code: "deadlinePassed" } });
    expect(await chosenAt(h, attemptId, 1)).toBeNull();
    expect(await findAttempt(h.services.db, attemptId)).toMatchObject({ status: "submitted" });
  });
});

describe("a socket's session", () => {
  it("knows when its session expires from the handshake, so a per-event check needs no database read", async () => {
    h = await boardHarness();
    const { userId } = await h.addContestant();
    await h.client({ cookie: await h.cookieFor(userId) });
    await h.client();
    const sockets = await h.platform.io.fetchSockets();
    const session = await h.services.db
      .selectFrom("sessions")
      .select("expires_at")
      .where("user_id", "=", userId)
      .executeTakeFirstOrThrow();
    const expiries = sockets.map((s) => s.data.sessionExpiresAt);
    expect(expiries).toContain(new Date(session.expires_at).getTime());
    expect(expiries).toContain(null);
  });
});
