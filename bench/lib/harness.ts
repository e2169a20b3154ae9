/**
 * What every benchmark shares: the messages between the parent and its child processes. Contestants are
 * written straight into the database with `insertContestant` (tests/integration/test-services.ts).
 */
import type { ChildProcess } from "node:child_process";

/** Sends one message to the parent process (a no-op when not forked). */
export function send<M>(message: M): void {
  process.send?.(message);
}

/** The next message of one kind from a child; rejects if the child exits first. */
export function waitMessage<M extends { kind: string }, K extends M["kind"]>(
  child: ChildProcess,
  kind: K,
): Promise<Extract<M, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: M) => {
      if (m.kind !== kind) return;
      child.off("message", onMessage);
      resolve(m as Extract<M, { kind: K }>);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`child exited (${code}) before "${kind}"`)));
  });
}
