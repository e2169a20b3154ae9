/**
 * The first-run form of a real installation and the new-contest form (issue 11): one Zod schema for the
 * page and the action. Messages are catalogue keys.
 */
import { z } from "zod";
import { CCCD_POLICIES, referenceDateField } from "./contest-settings";

const text = (max: number, key: string) => z.string().trim().min(1, key).max(max, key);
const isoDay = z
  .string()
  .trim()
  .refine(
    (v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))),
    "organizer.error.date",
  )
  .transform((v) => (v === "" ? null : v));
const age = z.coerce
  .number({ invalid_type_error: "console.contest.error.age" })
  .int("console.contest.error.age")
  .min(0, "console.contest.error.age")
  .max(120, "console.contest.error.age");

export const newContestSchema = z
  .object({
    title: text(300, "console.contest.error.title"),
    organizerName: text(300, "console.contest.error.organizer"),
    startsOn: isoDay,
    endsOn: isoDay,
    referenceDate: referenceDateField,
    cccdPolicy: z.enum(CCCD_POLICIES, { errorMap: () => ({ message: "console.contest.error.cccdPolicy" }) }),
    minAge: age,
    maxAge: age,
  })
  .refine((v) => v.minAge <= v.maxAge, { path: ["maxAge"], message: "console.contest.error.ageOrder" })
  .refine((v) => !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn, {
    path: ["endsOn"],
    message: "organizer.error.dateOrder",
  });

export const ADMIN_PASSWORD_MIN = 10;

export const firstRunSchema = z
  .object({
    contest: newContestSchema,
    password: z
      .string()
      .min(ADMIN_PASSWORD_MIN, "organizer.error.passwordShort")
      .max(200, "organizer.error.passwordShort"),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "organizer.error.passwordMismatch",
  });

export type NewContestInput = z.infer<typeof newContestSchema>;
