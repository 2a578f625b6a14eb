import { and, asc, count, eq, inArray, lt } from "drizzle-orm";
import { auditInsert } from "../audit";
import { createDatabase, type Database } from "../db/client";
import { auditEvents, type FnolStage, fnolClaims } from "../db/schema";
import {
  type ClaimWorkflowState,
  STALLED_CLAIM_MS,
  type StalledClaimAction,
  stalledClaimAction,
} from "../domain/fnol/stalled-claim";
import type { Env } from "../env";
import { startWorkflowOnce } from "../workflows/start-once";
import { closeFailedClaim } from "./close-claim";

const SWEEP_LIMIT = 50;
const OPEN_STAGES: FnolStage[] = ["REQUESTED", "AWAITING_PHOTO", "PHOTO_RECEIVED"];
const RECOVERED = "claim.fnol_recovered";

export interface FnolRecoveryReport {
  started: string[];
  restarted: string[];
  failed: string[];
}

async function workflowState(env: Env, claimId: string): Promise<ClaimWorkflowState> {
  let instance: WorkflowInstance;
  try {
    instance = await env.CLAIM_WORKFLOW.get(claimId);
  } catch {
    return "missing";
  }
  return (await instance.status()).status;
}

const recoveriesOf = async (db: Database, claimId: string) =>
  (
    await db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.entityType, "claim"), eq(auditEvents.entityId, claimId), eq(auditEvents.action, RECOVERED)),
      )
      .get()
  )?.n ?? 0;

/**
 * Takes the claim for one recovery: its `updated_at` moves to now only if nobody changed the claim
 * since it was read (another sweep, or its Workflow), so a recovery is made once and the next one
 * waits a full stall period.
 */
async function takeForRecovery(
  db: Database,
  row: { claimId: string; stage: FnolStage; updatedAt: string },
  action: StalledClaimAction,
  workflow: ClaimWorkflowState,
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
  await auditInsert(db, {
    entityType: "claim",
    entityId: row.claimId,
    action: RECOVERED,
    actor: null,
    before: { stage: row.stage, workflow },
    after: { workflow: action === "start" ? "started" : "restarted" },
  });
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
  const stalledBefore = new Date(now.getTime() - STALLED_CLAIM_MS).toISOString();
  const rows = await db
    .select({ claimId: fnolClaims.claimId, stage: fnolClaims.stage, updatedAt: fnolClaims.updatedAt })
    .from(fnolClaims)
    .where(and(inArray(fnolClaims.stage, OPEN_STAGES), lt(fnolClaims.updatedAt, stalledBefore)))
    .orderBy(asc(fnolClaims.updatedAt))
    .limit(SWEEP_LIMIT);
  const report: FnolRecoveryReport = { started: [], restarted: [], failed: [] };
  for (const row of rows) {
    try {
      const workflow = await workflowState(env, row.claimId);
      const recoveries = await recoveriesOf(db, row.claimId);
      const action = stalledClaimAction({ ...row, workflow, recoveries }, now);
      if (action === "leave") continue;
      if (action === "fail") {
        if (await closeFailedClaim(env, db, row.claimId, row.stage)) report.failed.push(row.claimId);
        continue;
      }
      if (!(await takeForRecovery(db, row, action, workflow, at))) continue;
      if (action === "start") {
        await startWorkflowOnce(env.CLAIM_WORKFLOW, row.claimId, { claimId: row.claimId });
        report.started.push(row.claimId);
      } else {
        await (await env.CLAIM_WORKFLOW.get(row.claimId)).restart();
        report.restarted.push(row.claimId);
      }
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
