/**
 * Creating a live final (issue 14): the round of kind "live" on the current contest with its
 * questions picked in order or drawn from the approved bank, and its join code. Audited.
 */
import crypto from "node:crypto";
import { joinCodeFrom, liveEligibility, mayPlay, seatCodeFrom } from "~/rules/live/eligibility";
import { liveFinalSettings, type LiveFinalSettings } from "~/rules/live/settings";
import { recordAudit } from "#db/repos/audit";
import {
  addLiveSeats,
  eligibilityFactsOfContest,
  findLiveFinal,
  insertLiveFinal,
} from "#db/repos/live-finals";
import type { Services } from "../services";

export type CreateLiveFinalResult =
  | { ok: true; roundId: number; joinCode: string }
  | { ok: false; code: "invalid" | "bankTooSmall" | "questionNotUsable" };

/**
 * Only approved questions with exactly one correct option can be played from the stage: one tap per
 * phone, the same A–D on the big screen.
 */
async function usableVersions(services: Services, settings: LiveFinalSettings): Promise<number[] | null> {
  const { db } = services;
  const rows = await db
    .selectFrom("questions")
    .innerJoin("question_versions", "question_versions.id", "questions.current_version_id")
    .select([
      "questions.id",
      "questions.topic_id",
      "question_versions.id as version_id",
      "question_versions.correct",
    ])
    .where("questions.status", "=", "approved")
    .execute();
  const usable = rows.filter((r) => (JSON.parse(r.correct) as unknown[]).length === 1);
  if (settings.questions.kind === "picked") {
    const byId = new Map(usable.map((r) => [r.id, r.version_id]));
    const picked = settings.questions.questionIds.map((id) => byId.get(id));
    return picked.every((v): v is number => v !== undefined) ? picked : null;
  }
  const topicId = settings.questions.topicId;
  const pool = usable.filter((r) => topicId === null || r.topic_id === topicId);
  if (pool.length < settings.questions.count) return null;
  for (let i = pool.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, settings.questions.count).map((r) => r.version_id);
}

export async function createLiveFinal(
  services: Services,
  input: { contestId: number; settings: unknown; actorUserId: number | null },
): Promise<CreateLiveFinalResult> {
  const parsed = liveFinalSettings.safeParse(input.settings);
  if (!parsed.success) return { ok: false, code: "invalid" };
  const settings = parsed.data;
  const versions = await usableVersions(services, settings);
  if (!versions)
    return { ok: false, code: settings.questions.kind === "picked" ? "questionNotUsable" : "bankTooSmall" };
  const now = services.clock.now();
  for (let tries = 0; ; tries++) {
    const joinCode = joinCodeFrom([...crypto.randomBytes(6)]);
    try {
      const roundId = await services.db.transaction().execute(async (trx) => {
        const id = await insertLiveFinal(trx, {
          contestId: input.contestId,
          title: settings.title,
          joinCode,
          secondsPerQuestion: settings.secondsPerQuestion,
          basePoints: settings.basePoints,
          speedBonus: settings.speedBonus,
          speedBonusPoints: settings.speedBonus ? settings.speedBonusPoints : 0,
          eligibility: JSON.stringify(settings.eligibility),
          predictionEnabled: settings.predictionEnabled,
          prizes: settings.prizes,
          questionVersionIds: versions,
          now,
        });
        await recordAudit(trx, {
          actorUserId: input.actorUserId,
          action: "live.create",
          entity: "round",
          entityId: id,
          details: { title: settings.title, questions: versions.length, speedBonus: settings.speedBonus },
          now,
        });
        return id;
      });
      return { ok: true, roundId, joinCode };
    } catch (error) {
      // Two finals drew the same code: draw another (the unique index decides).
      if (tries < 5 && /UNIQUE|unique constraint/i.test(String(error))) continue;
      throw error;
    }
  }
}

/**
 * Hands out seat codes (invited teams): every contestant who may play the final and has no code yet
 * gets one; codes already given are kept, so a printed list stays true. Audited.
 */
export async function createSeatCodes(
  services: Services,
  input: { roundId: number; actorUserId: number | null },
): Promise<{ ok: true; added: number } | { ok: false; code: "notFound" | "ended" }> {
  const { db, clock } = services;
  const final = await findLiveFinal(db, input.roundId);
  if (!final) return { ok: false, code: "notFound" };
  if (final.phase === "podium") return { ok: false, code: "ended" };
  const rule = liveEligibility.parse(JSON.parse(final.eligibility));
  const facts = await eligibilityFactsOfContest(
    db,
    final.contest_id,
    rule.kind === "topOfRounds" ? rule.roundIds : [],
  );
  const invited = facts.filter((f) => mayPlay(rule, f).ok);
  const now = clock.now();
  for (let tries = 0; ; tries++) {
    try {
      const added = await db.transaction().execute(async (trx) => {
        const n = await addLiveSeats(
          trx,
          input.roundId,
          invited.map((f) => ({
            contestantId: f.contestantId,
            code: seatCodeFrom([...crypto.randomBytes(8)]),
          })),
          now,
        );
        await recordAudit(trx, {
          actorUserId: input.actorUserId,
          action: "live.seats",
          entity: "round",
          entityId: input.roundId,
          details: { added: n, invited: invited.length },
          now,
        });
        return n;
      });
      return { ok: true, added };
    } catch (error) {
      // Two seats drew the same code (the unique index decides): draw again.
      if (tries < 5 && /UNIQUE|unique constraint/i.test(String(error))) continue;
      throw error;
    }
  }
}
