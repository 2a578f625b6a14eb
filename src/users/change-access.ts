import { forgetSessions } from "../auth/session-cache";
import type { users } from "../db/schema";
import { removesAnAdmin, type UserAccess } from "../domain/users/user-change";

type UserRow = typeof users.$inferSelect;

const USER_AUDIT_JSON = `json_object('role', role, 'active', active, 'provider_id', provider_id, 'customer_id', customer_id)`;

/**
 * Writes a user's new access, its audit entry and — when it is deactivated — the revocation of
 * every session, in one batch. The UPDATE only applies if the user is as it was read and, when it
 * removes an active admin, another active admin remains: two admins demoting each other at once
 * cannot leave none. Returns false when the guard refused (nothing was written).
 */
export async function changeUserAccess(
  d1: D1Database,
  before: UserRow,
  after: UserAccess,
  meta: { action: string; actor: { id: string; role: string }; requestId: string; now: string },
): Promise<boolean> {
  const lastAdminGuard = removesAnAdmin(before, after)
    ? " AND (SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1 AND id != ?1) > 0"
    : "";
  const deactivating = before.active && !after.active;
  const reactivating = !before.active && after.active;
  const statements = [
    d1
      .prepare(
        `UPDATE users SET role = ?2, active = ?3, provider_id = ?4, customer_id = ?5,
           deactivated_at = CASE WHEN ?3 = 1 THEN NULL ELSE COALESCE(deactivated_at, ?6) END
         WHERE id = ?1 AND role = ?7 AND active = ?8 AND provider_id IS ?9 AND customer_id IS ?10${lastAdminGuard}`,
      )
      .bind(
        before.id,
        after.role,
        after.active ? 1 : 0,
        after.providerId,
        after.customerId,
        meta.now,
        before.role,
        before.active ? 1 : 0,
        before.providerId,
        before.customerId,
      ),
    // Written only when the UPDATE was: changes() is the row count of the statement just before.
    d1
      .prepare(
        `INSERT INTO audit_events (entity_type, entity_id, action, actor_id, actor_role, before, after, request_id, created_at)
         SELECT 'user', ?1, ?2, ?3, ?4, ?5, ${USER_AUDIT_JSON}, ?6, ?7 FROM users WHERE id = ?1 AND changes() > 0`,
      )
      .bind(
        before.id,
        meta.action,
        meta.actor.id,
        meta.actor.role,
        JSON.stringify({
          role: before.role,
          active: before.active ? 1 : 0,
          provider_id: before.providerId,
          customer_id: before.customerId,
        }),
        meta.requestId,
        meta.now,
      ),
  ];
  if (deactivating) {
    statements.push(
      d1
        .prepare(
          `UPDATE sessions SET revoked_at = ?2, revoked_reason = 'user deactivated'
           WHERE user_id = ?1 AND revoked_at IS NULL AND EXISTS (SELECT 1 FROM users WHERE id = ?1 AND active = 0)`,
        )
        .bind(before.id, meta.now),
    );
  }
  const [updated] = await d1.batch(statements);
  const applied = (updated?.meta.changes ?? 0) > 0;
  if (applied || reactivating) forgetSessions({ userId: before.id });
  return applied;
}
