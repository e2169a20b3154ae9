/** The contest's own settings as the console edits them: one schema for the page and the action. */
import { z } from "zod";

export const CCCD_POLICIES = ["required", "optional", "hidden"] as const;

const text = (max: number, key: string) => z.string().trim().min(1, key).max(max, key);

export const contestSettingsSchema = z
  .object({
    title: text(300, "console.contest.error.title"),
    organizerName: text(300, "console.contest.error.organizer"),
    description: z.string().trim().max(2000, "console.contest.error.description"),
    dataNotice: text(10_000, "console.contest.error.dataNotice"),
    cccdPolicy: z.enum(CCCD_POLICIES, { errorMap: () => ({ message: "console.contest.error.cccdPolicy" }) }),
    minAge: z.coerce
      .number({ invalid_type_error: "console.contest.error.age" })
      .int("console.contest.error.age")
      .min(0, "console.contest.error.age")
      .max(120, "console.contest.error.age"),
    maxAge: z.coerce
      .number({ invalid_type_error: "console.contest.error.age" })
      .int("console.contest.error.age")
      .min(0, "console.contest.error.age")
      .max(120, "console.contest.error.age"),
  })
  .refine((v) => v.minAge <= v.maxAge, { path: ["maxAge"], message: "console.contest.error.ageOrder" });

export type ContestSettingsInput = z.infer<typeof contestSettingsSchema>;
