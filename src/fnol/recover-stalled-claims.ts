import { and, asc, eq, inArray, lt } from "drizzle-orm";
import { createDatabase, type Database } from "../db/client";
import { type FnolStage, fnolClaims } from "../db/schema";
import { STALLED_WORKFLOW_MS, stalledWorkflowAction, type WorkflowState } from "../domain/workflows/stalled-workflow";
import type { Env } from "../env";
import { recoveriesOf, recoveryAudit, reviveWorkflow, workflowState } from "../workflows/recovery";
import { closeFailedClaim } from "./close-claim";

const SWEEP_LIMIT = 50;
const OPEN_STAGES: FnolStage[] = ["REQUESTED", "AWAITING_PHOTO", "PHOTO_RECEIVED"];
const RECOVERED = "claim.fnol_recovered";

export interface FnolRecoveryReport {
  started: string[];
  restarted: string[];
  failed: string[];
}

/**
 * Takes the claim for one recovery: its `updated_at` moves to now only if nobody changed the claim
 * since it was read (another sweep, or its Workflow), so a recovery is made once and the next one
 * waits a full stall period.
 */
async function takeForRecovery(
  db: Database,
  row: { claimId: string; stage: FnolStage; updatedAt: string },
  how: "start" | "restart",
  workflow: WorkflowState,
  at: string,
): Promise<boolean> {
  const taken = await db
    .update(fnolClaims)
    .set({ updatedAt: at })
    .where(
      and(
        eq(fnolClaims.claimId, row.claimId),
        eq(fnolClaims.stage, row.stage),
        eq(fnolClaims.updatedAt, row.updatedAt),
      ),
    )
    .run();
  if ((taken.meta.changes ?? 0) === 0) return false;
  await recoveryAudit(db, { type: "claim", id: row.claimId }, RECOVERED, workflow, how);
  return true;
}

/**
 * The recovery job's sweep over first notices of loss: an open claim that has not moved for a
 * stall period and whose Workflow is no longer alive (it errored, was terminated, completed
 * without closing the claim, or was never created because Claim.Requested was lost) has its
 * Workflow restarted — every step is replay-safe — or started; after the last recovery the claim
 * is closed as FAILED with Claim.Rejected, so no claim waits forever for a person.
 */
export async function recoverStalledFnolClaims(env: Env, now: Date): Promise<FnolRecoveryReport> {
  const db = createDatabase(env.DB);
  const at = now.toISOString();
  const stalledBefore = new Date(now.getTime() - STALLED_WORKFLOW_MS).toISOString();
  const rows = await db
    .select({ claimId: fnolClaims.claimId, stage: fnolClaims.stage, updatedAt: fnolClaims.updatedAt })
    .from(fnolClaims)
    .where(and(inArray(fnolClaims.stage, OPEN_STAGES), lt(fnolClaims.updatedAt, stalledBefore)))
    .orderBy(asc(fnolClaims.updatedAt))
    .limit(SWEEP_LIMIT);
  const report: FnolRecoveryReport = { started: [], restarted: [], failed: [] };
  for (const row of rows) {
    try {
      const workflow = await workflowState(env.CLAIM_WORKFLOW, row.claimId);
      const recoveries = (
        await recoveriesOf(db, { type: "claim", id: row.claimId, changedAt: row.updatedAt }, RECOVERED)
      ).count;
      const open = OPEN_STAGES.includes(row.stage);
      const action = stalledWorkflowAction({ open, updatedAt: row.updatedAt, workflow, recoveries }, now);
      if (action === "leave") continue;
      if (action === "fail") {
        if (await closeFailedClaim(env, db, row.claimId, row.stage)) report.failed.push(row.claimId);
        continue;
      }
      if (!(await takeForRecovery(db, row, action, workflow, at))) continue;
      await reviveWorkflow(env.CLAIM_WORKFLOW, row.claimId, { claimId: row.claimId }, action);
      (action === "start" ? report.started : report.restarted).push(row.claimId);
    } catch (error) {
      // This claim is looked at again on a later sweep; the others go on.
      console.error(
        JSON.stringify({
          level: "error",
          message: "recovering a claim failed",
          claimId: row.claimId,
          error: String(error),
        }),
      );
    }
  }
  return report;
}
