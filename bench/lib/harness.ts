/**
 * What every benchmark shares: the messages between the parent and its child processes, and a
 * contestant written straight into a fresh database (so password hashing and registration are not
 * what is measured).
 */
import type { ChildProcess } from "node:child_process";
import type { Db } from "#db/connection";

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

export interface BenchContestant {
  userId: number;
  contestId: number;
  unitId: number;
  categoryId: number;
  name: string;
  phone: string;
  birthDate: string;
  gender: "male" | "female";
  at: Date;
}

/** The contestant row of an account the benchmark made, active and consenting. */
export async function insertContestant(db: Db, c: BenchContestant): Promise<void> {
  const iso = c.at.toISOString();
  await db
    .insertInto("contestants")
    .values({
      user_id: c.userId,
      contest_id: c.contestId,
      full_name: c.name,
      name_folded: c.name.toLowerCase(),
      birth_date: c.birthDate,
      gender: c.gender,
      phone: c.phone,
      cccd: null,
      unit_id: c.unitId,
      category_id: c.categoryId,
      is_staff_member: 0,
      status: "active",
      status_reason: null,
      consent_at: iso,
      created_at: iso,
      updated_at: iso,
    })
    .execute();
}
