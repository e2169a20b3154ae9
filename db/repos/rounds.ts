import { z } from "zod";
import { DIFFICULTIES } from "~/rules/question";
import type { DrawSpecLine } from "~/rules/draw";
import type { PointsPerDifficulty } from "~/rules/scoring";
import type { PrizeCounts } from "~/rules/prizes";
import type { Db } from "../connection";
import type { Round } from "../schema";

export function listRounds(db: Db, contestId: number): Promise<Round[]> {
  return db
    .selectFrom("rounds")
    .selectAll()
    .where("contest_id", "=", contestId)
    .orderBy("opens_at")
    .orderBy("id")
    .execute();
}

/** The rounds the public sees (home page, public leaderboards): every round but the organizers' rehearsals. */
export function listPublicRounds(db: Db, contestId: number): Promise<Round[]> {
  return db
    .selectFrom("rounds")
    .selectAll()
    .where("contest_id", "=", contestId)
    .where("is_rehearsal", "=", 0)
    .orderBy("opens_at")
    .orderBy("id")
    .execute();
}

export function findRound(db: Db, id: number): Promise<Round | undefined> {
  return db.selectFrom("rounds").selectAll().where("id", "=", id).executeTakeFirst();
}

const drawSpecSchema = z.array(
  z.object({
    topicId: z.number().int().positive().nullable(),
    difficulty: z.enum(DIFFICULTIES).nullable(),
    count: z.number().int().min(1),
  }),
);
const pointsSchema = z.object({
  easy: z.number().min(0),
  medium: z.number().min(0),
  hard: z.number().min(0),
});
const prizesSchema = z.object({
  first: z.number().int().min(0),
  second: z.number().int().min(0),
  third: z.number().int().min(0),
  consolation: z.number().int().min(0),
});

/** A round with its JSON columns parsed and its flags as booleans: what the services work with. */
export interface RoundSettings {
  id: number;
  contestId: number;
  title: string;
  opensAt: Date;
  closesAt: Date;
  durationSeconds: number;
  drawSpec: DrawSpecLine[];
  questionCount: number;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  predictionEnabled: boolean;
  maxAttempts: number;
  eligibleCategories: number[];
  showReviewAfterClose: boolean;
  boardPolicy: Round["board_policy"];
  freezeMinutes: number;
  points: PointsPerDifficulty;
  prizes: PrizeCounts;
  rankedAt: Date | null;
  publishedAt: Date | null;
  perfectCount: number | null;
  /** The organizers' rehearsal: never counted over the contest (issue 11). */
  isRehearsal: boolean;
}

export function roundSettings(round: Round): RoundSettings {
  const drawSpec = drawSpecSchema.parse(JSON.parse(round.draw_spec));
  return {
    id: round.id,
    contestId: round.contest_id,
    title: round.title,
    opensAt: new Date(round.opens_at),
    closesAt: new Date(round.closes_at),
    durationSeconds: round.duration_seconds,
    drawSpec,
    questionCount: drawSpec.reduce((sum, line) => sum + line.count, 0),
    shuffleQuestions: round.shuffle_questions === 1,
    shuffleOptions: round.shuffle_options === 1,
    predictionEnabled: round.prediction_enabled === 1,
    maxAttempts: round.max_attempts,
    eligibleCategories: z.array(z.number().int()).parse(JSON.parse(round.eligible_categories)),
    showReviewAfterClose: round.show_review_after_close === 1,
    boardPolicy: round.board_policy,
    freezeMinutes: round.freeze_minutes,
    points: pointsSchema.parse(JSON.parse(round.points)),
    prizes: prizesSchema.parse(JSON.parse(round.prizes)),
    rankedAt: round.ranked_at ? new Date(round.ranked_at) : null,
    publishedAt: round.published_at ? new Date(round.published_at) : null,
    perfectCount: round.perfect_count,
    isRehearsal: round.is_rehearsal === 1,
  };
}

export async function findRoundSettings(db: Db, id: number): Promise<RoundSettings | undefined> {
  const round = await findRound(db, id);
  return round ? roundSettings(round) : undefined;
}

/** Does any attempt (ranked) exist for this round? Then its draw may no longer change. */
export async function roundHasAttempts(db: Db, roundId: number): Promise<boolean> {
  const row = await db
    .selectFrom("attempts")
    .select("id")
    .where("round_id", "=", roundId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
