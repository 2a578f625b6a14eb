import { and, asc, eq, lt } from "drizzle-orm";
import { createDatabase } from "../db/client";
import { customers } from "../db/schema";
import { STALLED_WORKFLOW_MS, stalledWorkflowAction } from "../domain/workflows/stalled-workflow";
import type { Env } from "../env";
import { recoveriesOf, recoveryAudit, reviveWorkflow, workflowState } from "../workflows/recovery";
import { recordOnboardingDecision } from "./onboarding";
import { onboardingInstanceId } from "./onboarding-reactor";

const SWEEP_LIMIT = 50;
const RECOVERED = "customer.onboarding_recovered";
export const SCREENING_FAILED_REASON =
  "We could not complete the screening of this signup; please sign up again or contact us.";

/**
 * Signups still SUBMITTED a stall period after their last change, whose onboarding Workflow died
 * or was never created (Customer.Submitted lost): the Workflow is restarted, each recovery
 * audited, and after the last one the signup is rejected with Customer.Rejected saying so.
 */
export async function recoverStalledSignups(env: Env, now: Date) {
  const db = createDatabase(env.DB);
  const stalledBefore = new Date(now.getTime() - STALLED_WORKFLOW_MS).toISOString();
  const rows = await db
    .select({ id: customers.id, updatedAt: customers.updatedAt })
    .from(customers)
    .where(and(eq(customers.status, "SUBMITTED"), lt(customers.updatedAt, stalledBefore)))
    .orderBy(asc(customers.updatedAt))
    .limit(SWEEP_LIMIT);
  const report = { started: [] as string[], restarted: [] as string[], rejected: [] as string[] };
  for (const { id, updatedAt } of rows) {
    try {
      const instanceId = onboardingInstanceId(id);
      const workflow = await workflowState(env.ONBOARDING_WORKFLOW, instanceId);
      const recoveries = await recoveriesOf(db, { type: "customer", id, changedAt: updatedAt }, RECOVERED);
      const action = stalledWorkflowAction(
        { open: true, updatedAt: recoveries.lastChange, workflow, recoveries: recoveries.count },
        now,
      );
      if (action === "leave") continue;
      if (action === "fail") {
        const outcome = await recordOnboardingDecision(env, db, id, {
          accepted: false,
          reason: SCREENING_FAILED_REASON,
        });
        if (outcome.status === "REJECTED") report.rejected.push(id);
        continue;
      }
      await recoveryAudit(db, { type: "customer", id }, RECOVERED, workflow, action);
      await reviveWorkflow(env.ONBOARDING_WORKFLOW, instanceId, { customerId: id }, action);
      (action === "start" ? report.started : report.restarted).push(id);
    } catch (error) {
      console.error(
        JSON.stringify({ level: "error", message: "recovering a signup failed", customerId: id, error: String(error) }),
      );
    }
  }
  return report;
}
