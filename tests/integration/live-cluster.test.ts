/**
 * The live final on two real server processes (A, B) sharing PostgreSQL and Redis, as behind nginx with
 * ip_hash: the host on A starts the final, a phone on A and a phone on B answer the same question, both
 * are acknowledged, the reveal counts both and both phones get their result. A owns the final (it
 * started first); B hands its phone's calls to A. Then A is killed (SIGKILL) mid-question: B takes the
 * final over once A's lease runs out, with the same question, the same deadline and A's acknowledged
 * answer, closes the question at that deadline by itself, and the host, back through B, reveals both
 * answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveResult, LiveSaved, LiveSeat, LiveView } from "~/realtime/live-contract";
import type { Db } from "#db/connection";
import { createLiveFinal } from "#server/live/finals";
import { liveLease } from "#server/live/owners";
import { data, request, waitFor } from "./board-harness";
import { clusterHarness, contestantWithSession, seedForProcesses, sessionFor } from "./cluster-harness";
import { finalSettings } from "./live-final-settings";

const cluster = clusterHarness({
  name: "live-cluster",
  databasePrefix: "contest_so_l_",
  sessionSecret: "live-cluster-test-secret-0123456789abcdef",
  web: false, // health and Socket.IO only: the final is played over sockets
});
const { redis, prefix, pidOf, socketFor } = cluster;
const basePort = 4800 + Math.floor(Math.random() * 400);
const SECONDS = 12;

const contestant = (db: Db, contestId: number, i: number) =>
  contestantWithSession(db, {
    contestId,
    i,
    name: `Nguyễn Văn Chung ${i}`,
    phone: `091234567${i}`,
    birthDate: "1992-02-02",
  });

beforeAll(() => cluster.setUp(), 60_000);
afterAll(() => cluster.tearDown());

describe("the live final on several processes", () => {
  it("has one owner: a phone on the other process answers through it, and the final survives its death", async () => {
    const { db, services } = cluster.open();
    try {
      const { seed, adminId } = await seedForProcesses(db);
      const created = await createLiveFinal(services, {
        contestId: seed.contestId,
        actorUserId: adminId,
        settings: finalSettings({ title: "Chung kết cụm", secondsPerQuestion: SECONDS }),
      });
      if (!created.ok) throw new Error(created.code);
      const { roundId } = created;
      const adminToken = await sessionFor(db, adminId, "live");
      const [one, two] = [await contestant(db, seed.contestId, 1), await contestant(db, seed.contestId, 2)];

      // A first: it resumes the unfinished final at start and so owns it. Then B.
      const ports = { A: basePort, B: basePort + 1 };
      await cluster.startServer("A", ports.A);
      expect(await redis.get(`${prefix}lease:${liveLease(roundId)}`)).toContain(`:${pidOf("A")}:`);
      await cluster.startServer("B", ports.B);

      const host = await socketFor(ports.A, adminToken);
      const phoneA = await socketFor(ports.A, one.token);
      const phoneB = await socketFor(ports.B, two.token);
      for (const phone of [phoneA, phoneB])
        expect(data(await request<LiveSeat>(phone, "live:join", { code: created.joinCode })).view.phase).toBe(
          "lobby",
        );
      // The screen on B: its counts come from A's hub through B's handover.
      const screen = await socketFor(ports.B, adminToken);
      expect(data(await request<LiveView>(screen, "live:watch", { roundId })).joined).toBe(2);

      // The host on A starts: the phone on B sees the question open and its answer is taken.
      const openedOnB = waitFor<LiveView>(phoneB, "live:state", (v) => v.phase === "open");
      const q0 = data(await request<LiveView>(host, "live:host", { roundId, command: "start" }));
      expect((await openedOnB).deadlineAt).toBe(q0.deadlineAt);
      const savedA = data(
        await request<LiveSaved>(phoneA, "live:answer", { roundId, position: 0, choice: 0 }),
      );
      const savedB = data(
        await request<LiveSaved>(phoneB, "live:answer", { roundId, position: 0, choice: 1 }),
      );
      expect([savedA.choice, savedB.choice]).toEqual([0, 1]);
      // Once per player per question, whichever process asks.
      expect(await request(phoneB, "live:answer", { roundId, position: 0, choice: 0 })).toEqual({
        error: { code: "alreadyAnswered" },
      });
      expect(data(await request<LiveView>(screen, "live:watch", { roundId })).answered).toBe(2);

      // The reveal counts both answers, and both phones get their own result.
      data(await request<LiveView>(host, "live:host", { roundId, command: "close" }));
      const results = [phoneA, phoneB].map((p) => waitFor<LiveResult>(p, "live:result"));
      const revealed = data(await request<LiveView>(host, "live:host", { roundId, command: "reveal" }));
      expect(revealed.reveal?.answered).toBe(2);
      expect(revealed.reveal?.counts.slice(0, 2)).toEqual([1, 1]);
      const mine = await Promise.all(results);
      expect(mine.map((r) => [r.position, r.choice, r.of])).toEqual([
        [0, 0, 2],
        [0, 1, 2],
      ]);

      // The next question; A's phone answers; then A dies.
      const q1 = data(await request<LiveView>(host, "live:host", { roundId, command: "next" }));
      expect(q1).toMatchObject({ phase: "open", position: 1 });
      data(await request<LiveSaved>(phoneA, "live:answer", { roundId, position: 1, choice: 1 }));
      await cluster.kill("A");

      // B's phone answers: B waits for A's lease to run out, takes the final and accepts the answer.
      const closedOnB = waitFor<LiveView>(phoneB, "live:state", (v) => v.phase === "closed", SECONDS * 1000);
      data(await request<LiveSaved>(phoneB, "live:answer", { roundId, position: 1, choice: 0 }));
      expect(await redis.get(`${prefix}lease:${liveLease(roundId)}`)).toContain(`:${pidOf("B")}:`);
      const resumed = data(await request<LiveView>(screen, "live:watch", { roundId }));
      expect(resumed).toMatchObject({ phase: "open", position: 1, deadlineAt: q1.deadlineAt, answered: 2 });

      // B's deadline timer closes the question at the same deadline.
      const closed = await closedOnB;
      expect(closed.deadlineAt).toBe(q1.deadlineAt);
      expect(Date.parse(closed.serverNow)).toBeGreaterThanOrEqual(Date.parse(q1.deadlineAt ?? "") - 50);
      // The host comes back through B and reveals: both answers, A's and B's, are counted.
      const hostOnB = await socketFor(ports.B, adminToken);
      const resultOnB = waitFor<LiveResult>(phoneB, "live:result");
      const revealed1 = data(await request<LiveView>(hostOnB, "live:host", { roundId, command: "reveal" }));
      expect(revealed1.reveal).toMatchObject({ position: 1, answered: 2 });
      expect(revealed1.reveal?.counts.slice(0, 2)).toEqual([1, 1]);
      expect(await resultOnB).toMatchObject({ position: 1, choice: 0, of: 2 });
      const answers = await db
        .selectFrom("live_answers")
        .select(["position", "choice"])
        .where("round_id", "=", roundId)
        .orderBy("position")
        .orderBy("choice")
        .execute();
      expect(answers).toEqual([
        { position: 0, choice: 0 },
        { position: 0, choice: 1 },
        { position: 1, choice: 0 },
        { position: 1, choice: 1 },
      ]);
    } finally {
      await db.destroy();
    }
  }, 90_000);
});
