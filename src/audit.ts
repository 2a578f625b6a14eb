import type { CurrentUser } from "./auth/current-user";
import type { Database } from "./db/client";
import { auditEvents } from "./db/schema";

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  actor: Pick<CurrentUser, "id" | "role"> | null;
  before?: unknown;
  after?: unknown;
  requestId?: string;
}

/** The insert statement for one audit entry, to run on its own or inside a `db.batch`. */
export function auditInsert(db: Database, entry: AuditEntry) {
  return db.insert(auditEvents).values({
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
  });
}
