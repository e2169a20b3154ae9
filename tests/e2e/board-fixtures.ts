/**
 * Set-up for the board's browser tests: a round of their own, contestants with sessions, and a way to
 * take the round the way a contestant's page does — over the socket, answers then the submission — so
 * the running server sees each submission and the screens must show it. Only set-up (accounts, the
 * round, starting an attempt) is written straight into the database.
 */
import { io, type Socket } from "socket.io-client";
import type { Ack, ClientToServerEvents, ServerToClientEvents } from "~/realtime/contract";
import { listItems } from "#db/repos/attempts";
import { createSession } from "#db/repos/sessions";
import { createUser } from "#db/repos/users";
import { startRoundAttempt } from "#server/contest/attempts";
import { ContestEvents } from "#server/contest/events";
import { createLogger } from "#server/logger";
import { randomToken, sha256 } from "#server/security/password";
import { SESSION_COOKIE } from "#server/security/session-cookie";
import { systemClock, type Services } from "#server/services";
import { E2E_PORT } from "./env";
import { e2eDatabase, uniqueSuffix } from "./fixtures";

const BASE = `http://127.0.0.1:${E2E_PORT}`;

/** Services over the test server's database, for set-up only (their events reach nobody). */
function setupServices(): Services {
  return {
    db: e2eDatabase(),
    config: {
      port: 0,
      host: "127.0.0.1",
      database: { kind: "sqlite", file: "" },
      sessionSecret: "set-up-only-set-up-only-set-up-only-0000",
      logLevel: "silent",
      adminPassword: null,
      publicUrl: null,
      dataDir: "data",
      secureCookies: false,
      trustProxy: false as const,
      redis: null,
    },
    logger: createLogger("silent"),
    clock: systemClock,
    events: new ContestEvents(),
  };
}

/** A live round of the demo contest for one test: 20 questions, 15 minutes, board policy as given. */
export async function createBoardRound(title: string, closesInMinutes = 120): Promise<number> {
  const db = e2eDatabase();
  try {
    const template = await db.selectFrom("rounds").selectAll().orderBy("id").executeTakeFirstOrThrow();
    const rest = Object.fromEntries(Object.entries(template).filter(([key]) => key !== "id")) as Omit<
      typeof template,
      "id"
    >;
    const now = Date.now();
    const row = await db
      .insertInto("rounds")
      .values({
        ...rest,
        title,
        opens_at: new Date(now - 60_000).toISOString(),
        closes_at: new Date(now + closesInMinutes * 60_000).toISOString(),
        board_policy: "live",
        freeze_minutes: 0,
        ranked_at: null,
        published_at: null,
        perfect_count: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  } finally {
    await db.destroy();
  }
}

export interface BoardContestant {
  userId: number;
  fullName: string;
  cookie: string;
}

/** A registered contestant with a session cookie (the same cookie a login would set). */
export async function createBoardContestant(
  fullName: string,
  databaseFile?: string,
): Promise<BoardContestant> {
  const db = e2eDatabase(databaseFile);
  try {
    const contest = await db.selectFrom("contests").select("id").orderBy("id").executeTakeFirstOrThrow();
    const units = await db.selectFrom("units").select("id").where("contest_id", "=", contest.id).execute();
    const category = await db
      .selectFrom("categories")
      .select("id")
      .where("contest_id", "=", contest.id)
      .executeTakeFirstOrThrow();
    const suffix = uniqueSuffix();
    const digits = String(parseInt(suffix, 36) % 100_000_000).padStart(8, "0");
    const now = new Date();
    const user = await createUser(db, {
      role: "contestant",
      username: null,
      displayName: fullName,
      passwordHash: "x",
      now,
    });
    await db
      .insertInto("contestants")
      .values({
        user_id: user.id,
        contest_id: contest.id,
        full_name: fullName,
        name_folded: fullName.toLowerCase(),
        birth_date: "1994-06-15",
        gender: "female",
        phone: `03${digits}`,
        cccd: null,
        unit_id: units[user.id % units.length].id,
        category_id: category.id,
        is_staff_member: 0,
        status: "active",
        status_reason: null,
        consent_at: now.toISOString(),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    const token = randomToken();
    await createSession(db, {
      id: sha256(token),
      userId: user.id,
      now,
      expiresAt: new Date(now.getTime() + 86_400_000),
      ip: null,
      userAgent: "board e2e",
    });
    return { userId: user.id, fullName, cookie: `${SESSION_COOKIE}=${token}` };
  } finally {
    await db.destroy();
  }
}

type ContestantSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function ask<T>(socket: ContestantSocket, event: string, payload: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    (socket.emit as (e: string, ...a: unknown[]) => void)(event, payload, (ack: Ack<T>) =>
      "data" in ack ? resolve(ack.data) : reject(new Error(`${event}: ${ack.error.code}`)),
    );
  });
}

/**
 * Takes the round as the contestant: the attempt is started in the database (set-up), then every
 * answer and the submission go over the socket to the running server, as the round page sends them.
 */
export async function takeRound(
  contestant: BoardContestant,
  roundId: number,
  correct: number,
): Promise<number> {
  const services = setupServices();
  let attemptId: number;
  let items: Awaited<ReturnType<typeof listItems>>;
  try {
    const started = await startRoundAttempt(services, { userId: contestant.userId, roundId });
    if (!started.ok) throw new Error(`start failed: ${started.code}`);
    attemptId = started.attemptId;
    items = await listItems(services.db, attemptId);
  } finally {
    await services.db.destroy();
  }
  const socket: ContestantSocket = io(BASE, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: { cookie: contestant.cookie },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", reject);
    });
    await ask(socket, "attempt:watch", { attemptId });
    for (const item of items.slice(0, correct)) {
      await ask(socket, "attempt:answer", {
        attemptId,
        position: item.position,
        chosen: item.correct.map((c) => item.optionOrder.indexOf(c)),
      });
    }
    await ask(socket, "attempt:submit", { attemptId, prediction: 3 });
    return attemptId;
  } finally {
    socket.disconnect();
  }
}
