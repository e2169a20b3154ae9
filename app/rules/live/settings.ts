/**
 * The settings of a live final as the organizer gives them (issue 14). One Zod schema serves the
 * console's form and the service. Messages are codes; the page turns them into words.
 */
import { z } from "zod";
import { liveEligibility } from "./eligibility";

export const liveFinalSettings = z
  .object({
    title: z.string().trim().min(3, "titleTooShort").max(200, "titleTooLong"),
    secondsPerQuestion: z.coerce.number().int("secondsRange").min(5, "secondsRange").max(300, "secondsRange"),
    basePoints: z.coerce.number().int("pointsRange").min(1, "pointsRange").max(1000, "pointsRange"),
    speedBonus: z.boolean(),
    speedBonusPoints: z.coerce.number().int("pointsRange").min(0, "pointsRange").max(1000, "pointsRange"),
    predictionEnabled: z.boolean(),
    eligibility: liveEligibility,
    /** Picked in this order, or drawn at random from the approved single-answer questions. */
    questions: z.discriminatedUnion("kind", [
      z.object({
        kind: z.literal("picked"),
        questionIds: z.array(z.number().int().positive()).min(1, "noQuestions").max(100),
      }),
      z.object({
        kind: z.literal("drawn"),
        count: z.coerce.number().int("countRange").min(1, "countRange").max(100, "countRange"),
        topicId: z.number().int().positive().nullable(),
      }),
    ]),
    prizes: z.object({
      first: z.number().int().min(0).max(100),
      second: z.number().int().min(0).max(100),
      third: z.number().int().min(0).max(100),
      consolation: z.number().int().min(0).max(100),
    }),
  })
  .strict();

export type LiveFinalSettings = z.infer<typeof liveFinalSettings>;

/** The speed-bonus formula as shown to everyone, with the final's own numbers. */
export function speedBonusFormula(s: {
  basePoints: number;
  speedBonusPoints: number;
  secondsPerQuestion: number;
}): string {
  return `${s.basePoints} + ${s.speedBonusPoints} × t/${s.secondsPerQuestion}`;
}
