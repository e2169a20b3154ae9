import type { Db } from "../connection";
import type { AuditEntry } from "../schema";

export interface AuditInput {
  actorUserId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
  now: Date;
}

/** Who did what, when. Call it inside the same transaction as the change it records. */
export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      at: input.now.toISOString(),
      actor_user_id: input.actorUserId,
      action: input.action,
      entity: input.entity,
      entity_id: input.entityId == null ? null : String(input.entityId),
      details: JSON.stringify(input.details ?? {}),
    })
    .execute();
}

export interface AuditFilter {
  action?: string;
  entity?: string;
  actorUserId?: number;
  limit?: number;
}

export type AuditRow = AuditEntry & { actor_name: string | null };

export function listAudit(db: Db, filter: AuditFilter = {}): Promise<AuditRow[]> {
  let q = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_user_id")
    .selectAll("audit_log")
    .select("users.display_name as actor_name");
  if (filter.action) q = q.where("audit_log.action", "=", filter.action);
  if (filter.entity) q = q.where("audit_log.entity", "=", filter.entity);
  if (filter.actorUserId) q = q.where("audit_log.actor_user_id", "=", filter.actorUserId);
  return q
    .orderBy("audit_log.id", "desc")
    .limit(filter.limit ?? 500)
    .execute();
}
