import type { CurrentUser } from "../auth/current-user";

/** One column change: the SQL expression of the new value (over the old row) and its bindings. */
export interface ColumnChange {
  column: string;
  expression: string;
  bindings: unknown[];
}

export const setTo = (column: string, value: unknown): ColumnChange => ({ column, expression: "?", bindings: [value] });

/**
 * Applies `changes` to one row and audits it atomically: a D1 batch whose first statement
 * writes the audit entry (before = the old row, after = the same expressions the UPDATE uses)
 * and whose second runs the UPDATE. Both read the same old row inside one transaction, so the
 * audit can never disagree with the change, and no read-modify-write can lose an update.
 */
export async function patchAudited(
  db: D1Database,
  target: {
    table: string;
    keyColumn: string;
    key: string;
    entityType: string;
    columns: string[];
    guard?: string;
    /** Values for the `?` placeholders in `guard`. */
    guardBindings?: unknown[];
    action?: string;
  },
  changes: ColumnChange[],
  actor: CurrentUser,
  requestId: string,
  now: string,
): Promise<boolean> {
  const all = [...changes, setTo("updated_at", now)];
  // `guard` (an SQL condition with `guardBindings`) narrows which rows may change, e.g. by status or version.
  const guardBindings = target.guardBindings ?? [];
  const where = `${target.keyColumn} = ?${target.guard ? ` AND (${target.guard})` : ""}`;
  const rowJson = (pick: (column: string) => string) =>
    `json_object(${target.columns.map((column) => `'${column}', ${pick(column)}`).join(", ")})`;
  const changed = new Map(all.map((change) => [change.column, change]));
  const afterBindings: unknown[] = [];
  const after = rowJson((column) => {
    const change = changed.get(column);
    if (!change) return column;
    afterBindings.push(...change.bindings);
    return `(${change.expression})`;
  });
  const audit = db
    .prepare(
      `INSERT INTO audit_events (entity_type, entity_id, action, actor_id, actor_role, before, after, request_id, created_at)
       SELECT ?, ?, ?, ?, ?, ${rowJson((column) => column)}, ${after}, ?, ?
       FROM ${target.table} WHERE ${where}`,
    )
    .bind(
      target.entityType,
      target.key,
      target.action ?? `${target.entityType}.updated`,
      actor.id,
      actor.role,
      ...afterBindings,
      requestId,
      now,
      target.key,
      ...guardBindings,
    );
  const update = db
    .prepare(
      `UPDATE ${target.table} SET ${all.map((c) => `${c.column} = (${c.expression})`).join(", ")} WHERE ${where}`,
    )
    .bind(...all.flatMap((c) => c.bindings), target.key, ...guardBindings);
  const [, result] = await db.batch([audit, update]);
  return (result?.meta.changes ?? 0) > 0;
}
