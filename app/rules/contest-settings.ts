/** The contest's own settings as the console edits them: one schema for the page and the action. */
import { z } from "zod";

export const CCCD_POLICIES = ["required", "optional", "hidden"] as const;

/**
 * The reference date (ngày đối chiếu, issue 12): the draw takes only questions true on it. Empty means
 * the first round's opening day.
 */
export const referenceDateField = z
  .string()
  .trim()
  .default("")
  .refine(
    (v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))),
    "organizer.error.date",
  )
  .transform((v) => (v === "" ? null : v));

const text = (max: number, key: string) => z.string().trim().min(1, key).max(max, key);

export const contestSettingsSchema = z
  .object({
    title: text(300, "console.contest.error.title"),
    organizerName: text(300, "console.contest.error.organizer"),
    description: z.string().trim().max(2000, "console.contest.error.description"),
    dataNotice: text(10_000, "console.contest.error.dataNotice"),
    cccdPolicy: z.enum(CCCD_POLICIES, { errorMap: () => ({ message: "console.contest.error.cccdPolicy" }) }),
    referenceDate: referenceDateField,
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
