import { and, count, eq, max } from "drizzle-orm";
import { auditInsert } from "../audit";
import type { Database } from "../db/client";
import { auditEvents } from "../db/schema";
import type { WorkflowState } from "../domain/workflows/stalled-workflow";
import { startWorkflowOnce } from "./start-once";

/** The status of a Workflow instance, or `missing` when there is none under that id. */
export async function workflowState(workflow: Workflow, id: string): Promise<WorkflowState> {
  let instance: WorkflowInstance;
  try {
    instance = await workflow.get(id);
  } catch {
    return "missing";
  }
  return (await instance.status()).status;
}

/** The audit entry of one recovery: what the Workflow was, what was done. */
export const recoveryAudit = (
  db: Database,
  entity: { type: string; id: string },
  action: string,
  was: WorkflowState,
  how: "start" | "restart",
) =>
  auditInsert(db, {
    entityType: entity.type,
    entityId: entity.id,
    action,
    actor: null,
    before: { workflow: was },
    after: { workflow: how === "start" ? "started" : "restarted" },
  });

/** Starts a missing instance or restarts a dead one (its steps are replay-safe). */
export async function reviveWorkflow<P>(workflow: Workflow<P>, id: string, params: P, how: "start" | "restart") {
  if (how === "start") await startWorkflowOnce(workflow, id, params);
  else await (await workflow.get(id)).restart();
}

/**
 * How often something was recovered (its audit entries with that action), and its last change:
 * `changedAt` or its last recovery, whichever is later.
 */
export async function recoveriesOf(
  db: Database,
  entity: { type: string; id: string; changedAt: string },
  action: string,
) {
  const row = await db
    .select({ n: count(), last: max(auditEvents.createdAt) })
    .from(auditEvents)
    .where(
      and(eq(auditEvents.entityType, entity.type), eq(auditEvents.entityId, entity.id), eq(auditEvents.action, action)),
    )
    .get();
  const last = row?.last ?? null;
  return { count: row?.n ?? 0, lastChange: last && last > entity.changedAt ? last : entity.changedAt };
}
