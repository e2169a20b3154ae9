/**
 * A contestant's own attempt over the socket: answers, marks, the prediction and the submission, each
 * acknowledged once saved; and the server's word when it submits the attempt itself.
 */
import {
  answerPayload,
  attemptRef,
  markPayload,
  predictPayload,
  submitPayload,
  type Ack,
  type AttemptSync,
  type ContestSocket,
  type RealtimeServer,
} from "~/realtime/contract";
import { findAttempt, listItems } from "#db/repos/attempts";
import { findContestantByUserId } from "#db/repos/contestants";
import {
  answerKnownAttempt,
  loadKnownAttempt,
  markQuestion,
  predict,
  submitAttempt,
  type ChangeResult,
  type KnownAttempt,
} from "../contest/attempts";
import type { Services } from "../services";
import { handle } from "./handle";
import { attemptRoom } from "./rooms";

function asAck(result: ChangeResult): Ack<{ savedAt: string }> {
  return result.ok ? { data: { savedAt: result.savedAt } } : { error: { code: result.code } };
}

/** A page has one attempt open; a few more cover a second round or practice in the same tab. */
const KNOWN_ATTEMPTS_PER_SOCKET = 4;

export function registerAttemptHandlers(services: Services, socket: ContestSocket): void {
  // What this socket has learned once about its user's attempts (ownership, items): frozen data only,
  // so it needs no invalidation; it lives and dies with the socket (a revoked session ends the socket).
  const known = new Map<number, KnownAttempt>();
  const remember = (attempt: KnownAttempt) => {
    known.delete(attempt.attemptId);
    if (known.size >= KNOWN_ATTEMPTS_PER_SOCKET) known.delete(known.keys().next().value!);
    known.set(attempt.attemptId, attempt);
  };
  const knownAttempt = async (uid: number, attemptId: number) => {
    const hit = known.get(attemptId);
    if (hit) return { ok: true as const, known: hit };
    const loaded = await loadKnownAttempt(services.db, uid, attemptId);
    if (loaded.ok) remember(loaded.known);
    return loaded;
  };
  const userId = () => socket.data.userId;
  const signedIn =
    <T>(fn: (uid: number) => Promise<Ack<T>>) =>
    async (): Promise<Ack<T>> => {
      const uid = userId();
      return uid === null || socket.data.role !== "contestant" ? { error: { code: "notSignedIn" } } : fn(uid);
    };

  handle(services, socket, "attempt:watch", attemptRef, async ({ attemptId }) =>
    signedIn<AttemptSync>(async (uid) => {
      const attempt = await findAttempt(services.db, attemptId);
      const contestant = await findContestantByUserId(services.db, uid);
      if (!attempt || !contestant || attempt.contestant_id !== contestant.id)
        return { error: { code: "notYours" } };
      await socket.join(attemptRoom(attemptId));
      const items = await listItems(services.db, attemptId);
      // The page watches its attempt when it opens: its answers then start on the short path.
      remember({
        attemptId,
        items: items.map((i) => ({
          optionCount: i.optionOrder.length,
          optionOrder: i.optionOrder,
          multiple: i.type === "multiple",
        })),
      });
      return {
        data: {
          status: attempt.status,
          deadlineAt: attempt.deadline_at,
          serverNow: services.clock.now().toISOString(),
          items: items.map((i) => ({
            position: i.position,
            options: i.options.length,
            multiple: i.type === "multiple",
          })),
        },
      };
    })(),
  );

  handle(services, socket, "attempt:answer", answerPayload, async (p) =>
    signedIn(async (uid) => {
      const owned = await knownAttempt(uid, p.attemptId);
      if (!owned.ok) return { error: { code: owned.code } };
      return asAck(
        await answerKnownAttempt(services, owned.known, {
          userId: uid,
          position: p.position,
          chosen: p.chosen,
        }),
      );
    })(),
  );
  handle(services, socket, "attempt:mark", markPayload, async (p) =>
    signedIn(async (uid) => asAck(await markQuestion(services, { userId: uid, ...p })))(),
  );
  handle(services, socket, "attempt:predict", predictPayload, async (p) =>
    signedIn(async (uid) => asAck(await predict(services, { userId: uid, ...p })))(),
  );
  handle(services, socket, "attempt:submit", submitPayload, async (p) =>
    signedIn(async (uid) => {
      const result = await submitAttempt(services, {
        attemptId: p.attemptId,
        reason: "manual",
        userId: uid,
        prediction: p.prediction,
      });
      return result.ok ? { data: result.summary } : { error: { code: result.code } };
    })(),
  );
}

/** Tells an attempt's open pages when the server submitted it (deadline sweeper, round closed). */
export function forwardAttemptEvents(io: RealtimeServer, services: Services): () => void {
  return services.events.on("attemptSubmitted", (event) => {
    io.to(attemptRoom(event.attemptId)).emit("attempt:submitted", event.summary);
  });
}
