/**
 * The server is killed (SIGKILL) in the middle of a round and started again, as real processes:
 * every acknowledged choice is still there, a running attempt resumes with its deadline unchanged,
 * and an attempt whose deadline passed while the server was down is submitted with what was saved.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "#db/connection";
import { listItems } from "#db/repos/attempts";
import { startRoundAttempt } from "#server/contest/attempts";
import type { Ack, AttemptSync } from "~/realtime/contract";
import {
  contestantWithSession,
  killServerProcess,
  seedForProcesses,
  servicesOn,
  socketTo,
  startServerProcess,
} from "./cluster-harness";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kill-restart-"));
const file = path.join(dir, "contest.db");
const port = 3400 + Math.floor(Math.random() * 400);
let server: ChildProcess | null = null;

const startServer = () =>
  startServerProcess({ port, databaseUrl: file, dataDir: dir, web: false, readyWithinMs: 30_000 });
const socketFor = (token: string) => socketTo(port, token);

function ask<T>(send: (ack: (r: Ack<T>) => void) => void): Promise<Ack<T>> {
  return new Promise((resolve) => send(resolve));
}

async function prepare(db: Db) {
  const { seed } = await seedForProcesses(db);
  // A second round with 6 seconds per attempt: its attempt's deadline passes while the server is down.
  const short = await db
    .insertInto("rounds")
    .values({
      ...(await db
        .selectFrom("rounds")
        .selectAll()
        .where("id", "=", seed.openRoundId)
        .executeTakeFirstOrThrow()),
      id: undefined,
      title: "Vòng ngắn",
      duration_seconds: 6,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const services = servicesOn(db);
  const people = [];
  for (const [i, roundId] of [seed.openRoundId, short.id].entries()) {
    const { userId, token } = await contestantWithSession(db, {
      contestId: seed.contestId,
      i,
      name: `Nguyễn Văn ${i}`,
      phone: `091234567${i}`,
      birthDate: "1990-01-01",
    });
    const started = await startRoundAttempt(services, { userId, roundId });
    if (!started.ok) throw new Error(`start failed: ${started.code}`);
    people.push({ token, attemptId: started.attemptId });
  }
  return people;
}

afterAll(async () => {
  server?.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("a server killed in the middle of a round", () => {
  it("keeps every acknowledged choice, resumes attempts, and submits those whose time ran out while it was down", async () => {
    const setup = openDatabase({ kind: "sqlite", file });
    const [long, short] = await prepare(setup);
    await setup.destroy();

    server = await startServer();
    const a = await socketFor(long.token);
    const watched = await ask<AttemptSync>((ack) =>
      a.emit("attempt:watch", { attemptId: long.attemptId }, ack),
    );
    if (!("data" in watched)) throw new Error("watch refused");
    const deadlineBefore = watched.data.deadlineAt;
    // Indexes 0 and 1 exist in every question (true/false ones have two options).
    const chosen = [[0], [1], [0]];
    for (const [position, choice] of chosen.entries()) {
      expect(
        await ask((ack) =>
          a.emit("attempt:answer", { attemptId: long.attemptId, position, chosen: choice }, ack),
        ),
      ).toHaveProperty("data");
    }
    const b = await socketFor(short.token);
    expect(
      await ask((ack) =>
        b.emit("attempt:answer", { attemptId: short.attemptId, position: 0, chosen: [1] }, ack),
      ),
    ).toHaveProperty("data");

    await killServerProcess(server);
    a.disconnect();
    b.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 12_000)); // the short attempt's 6 s + grace pass

    server = await startServer();
    const check = openDatabase({ kind: "sqlite", file });
    try {
      // The short attempt was submitted at its deadline with its one saved answer.
      await expect
        .poll(
          async () =>
            (
              await check
                .selectFrom("attempts")
                .select("status")
                .where("id", "=", short.attemptId)
                .executeTakeFirstOrThrow()
            ).status,
          {
            timeout: 10_000,
          },
        )
        .toBe("submitted");
      const shortRow = await check
        .selectFrom("attempts")
        .selectAll()
        .where("id", "=", short.attemptId)
        .executeTakeFirstOrThrow();
      expect(shortRow).toMatchObject({
        submit_reason: "deadline",
        submitted_at: shortRow.deadline_at,
        duration_ms: 6_000,
      });
      const shortItems = await listItems(check, short.attemptId);
      expect(shortItems[0].chosen).toEqual([shortItems[0].optionOrder[1]]);
      expect(shortItems[0].isCorrect).not.toBeNull();

      // The long attempt goes on: same deadline, the three choices saved as acknowledged.
      const a2 = await socketFor(long.token);
      const again = await ask<AttemptSync>((ack) =>
        a2.emit("attempt:watch", { attemptId: long.attemptId }, ack),
      );
      expect(again).toMatchObject({ data: { status: "in_progress", deadlineAt: deadlineBefore } });
      const items = await listItems(check, long.attemptId);
      for (const [position, choice] of chosen.entries()) {
        expect(items[position].chosen).toEqual([items[position].optionOrder[choice[0]]]);
      }
      expect(items.slice(3).every((i) => i.chosen === null)).toBe(true);
      expect(
        await ask((ack) =>
          a2.emit("attempt:answer", { attemptId: long.attemptId, position: 3, chosen: [0] }, ack),
        ),
      ).toHaveProperty("data");
      a2.disconnect();
    } finally {
      await check.destroy();
    }
  }, 90_000);
});
