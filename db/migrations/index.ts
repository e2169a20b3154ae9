/**
 * Every migration, by name. Names sort by date, which is the order they run in.
 * A static list (rather than reading the folder) works the same under tsx, Vite and Vitest.
 */
import type { Migration } from "kysely";
import * as initial from "./2026-11-27-0001-initial";
import * as questionImports from "./2026-11-27-0002-question-imports";
import * as liveFinals from "./2026-11-30-0040-live-finals";

export const migrations: Record<string, Migration> = {
  "2026-11-27-0001-initial": initial,
  "2026-11-27-0002-question-imports": questionImports,
  "2026-11-30-0040-live-finals": liveFinals,
};
