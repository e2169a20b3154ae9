/**
 * A real server on port 0 with the seeded contest, real Socket.IO clients, and a way to take a round
 * through the service functions: what the board tests share.
 */
import { io as connect, type Socket as ClientSocket } from "socket.io-client";
import type { Ack, ClientToServerEvents, ServerToClientEvents } from "~/realtime/contract";
import { listItems } from "#db/repos/attempts";
import { createSession } from "#db/repos/sessions";
import { answerQuestion, startRoundAttempt, submitAttempt } from "#server/contest/attempts";
import { createPlatform, type Platform } from "#server/platform";
import { randomToken, sha256 } from "#server/security/password";
import { SESSION_COOKIE } from "#server/security/session-cookie";
import { contestFixture, type ContestFixture } from "./contest-fixture";

export type Client = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

export interface BoardHarness extends ContestFixture {
  platform: Platform;
  url: string;
  client(options?: { cookie?: string; reconnection?: boolean }): Promise<Client>;
  cookieFor(userId: number): Promise<string>;
  /** Starts, answers `correct` questions right, lets `minutes` pass, submits. Returns the attempt id. */
  takeRound(userId: number, correct: number, minutes?: number, roundId?: number): Promise<number>;
  startOnly(userId: number, roundId?: number): Promise<number>;
  close(): Promise<void>;
}

export async function boardHarness(): Promise<BoardHarness> {
  const f = await contestFixture();
  const platform = await createPlatform(f.services, { kind: "none" });
  const { port } = await platform.start();
  const url = `http://127.0.0.1:${port}`;
  const clients: Client[] = [];

  const startOnly = async (userId: number, roundId = f.seed.openRoundId) => {
    const started = await startRoundAttempt(f.services, { userId, roundId });
    if (!started.ok) throw new Error(`start failed: ${started.code}`);
    return started.attemptId;
  };

  return {
    ...f,
    platform,
    url,
    async client(options = {}) {
      const socket: Client = connect(url, {
        transports: ["websocket"],
        reconnection: options.reconnection ?? false,
        forceNew: true,
        extraHeaders: options.cookie ? { cookie: options.cookie } : undefined,
      });
      clients.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      return socket;
    },
    async cookieFor(userId) {
      const token = randomToken();
      const now = f.clock.now();
      await createSession(f.services.db, {
        id: sha256(token),
        userId,
        now,
        expiresAt: new Date(now.getTime() + 86_400_000),
        ip: null,
        userAgent: null,
      });
      return `${SESSION_COOKIE}=${token}`;
    },
    startOnly,
    async takeRound(userId, correct, minutes = 5, roundId = f.seed.openRoundId) {
      const attemptId = await startOnly(userId, roundId);
      const items = await listItems(f.services.db, attemptId);
      for (const item of items.slice(0, correct)) {
        await answerQuestion(f.services, {
          userId,
          attemptId,
          position: item.position,
          chosen: item.correct.map((c) => item.optionOrder.indexOf(c)),
        });
      }
      f.clock.advance(minutes * 60_000);
      const submitted = await submitAttempt(f.services, { attemptId, reason: "manual", userId });
      if (!submitted.ok) throw new Error(`submit failed: ${submitted.code}`);
      return attemptId;
    },
    async close() {
      for (const socket of clients) socket.disconnect();
      await platform.stop();
    },
  };
}

/** Emits with an acknowledgement and waits for it. */
export function request<T>(socket: Client, event: string, ...args: unknown[]): Promise<Ack<T>> {
  return new Promise((resolve) => {
    (socket.emit as (e: string, ...a: unknown[]) => void)(event, ...args, (response: Ack<T>) =>
      resolve(response),
    );
  });
}

export function data<T>(ack: Ack<T>): T {
  if ("error" in ack) throw new Error(`expected data, got error ${ack.error.code}`);
  return ack.data;
}

/** The first event `name` on `socket` whose payload satisfies `accept`. */
export function waitFor<T>(
  socket: Client,
  name: keyof ServerToClientEvents,
  accept: (payload: T) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const on = socket.on.bind(socket) as (e: string, l: (p: T) => void) => void;
    const off = socket.off.bind(socket) as (e: string, l: (p: T) => void) => void;
    const timer = setTimeout(() => {
      off(name, listener);
      reject(new Error(`no matching ${name} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      off(name, listener);
      resolve(payload);
    };
    on(name, listener);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
