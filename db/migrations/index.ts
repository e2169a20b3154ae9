/**
 * Every migration, by name. Names sort by date, which is the order they run in.
 * A static list (rather than reading the folder) works the same under tsx, Vite and Vitest.
 */
import type { Migration } from "kysely";
import * as initial from "./2026-11-27-0001-initial";
import * as questionImports from "./2026-11-27-0002-question-imports";
import * as loginReservations from "./2026-11-30-0010-login-reservations";
import * as questionValidity from "./2026-11-30-0020-question-validity";
import * as questionPictures from "./2026-11-30-0050-question-pictures";
import * as postgresWidths from "./2026-11-30-0060-postgres-widths";
import * as organizer from "./2026-11-30-0030-organizer";
import * as liveFinals from "./2026-11-30-0040-live-finals";
import * as liveSeats from "./2026-11-30-0090-live-seats";

export const migrations: Record<string, Migration> = {
  "2026-11-27-0001-initial": initial,
  "2026-11-27-0002-question-imports": questionImports,
  "2026-11-30-0010-login-reservations": loginReservations,
  "2026-11-30-0020-question-validity": questionValidity,
  "2026-11-30-0050-question-pictures": questionPictures,
  "2026-11-30-0060-postgres-widths": postgresWidths,
  "2026-11-30-0030-organizer": organizer,
  "2026-11-30-0040-live-finals": liveFinals,
  "2026-11-30-0090-live-seats": liveSeats,
};
