/** What each audience screen was last told to show (issue 11), so a reopened screen shows it again. */
import type { Db } from "../connection";
import type { ScreenState, ScreenViewKind } from "../schema";

export function findScreenState(db: Db, screenId: string): Promise<ScreenState | undefined> {
  return db.selectFrom("screen_states").selectAll().where("screen_id", "=", screenId).executeTakeFirst();
}

/** Insert or replace, portably (no dialect-specific upsert). */
export async function saveScreenState(
  db: Db,
  input: { screenId: string; roundId: number; view: ScreenViewKind; userId: number | null; now: Date },
): Promise<void> {
  const values = {
    round_id: input.roundId,
    view: input.view,
    updated_at: input.now.toISOString(),
    updated_by: input.userId,
  };
  const result = await db
    .updateTable("screen_states")
    .set(values)
    .where("screen_id", "=", input.screenId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    await db
      .insertInto("screen_states")
      .values({ screen_id: input.screenId, ...values })
      .execute();
}
