import type { FnolStage } from "../../db/schema";
import { FINAL_STAGES } from "./claim-stage";

/** A claim that has not moved for this long is looked at: is its Workflow still alive? */
export const STALLED_CLAIM_MS = 10 * 60_000;
/** Restarts of a claim's Workflow before the claim is closed as FAILED. */
export const MAX_CLAIM_RECOVERIES = 3;

/** A Workflow instance's status as the platform reports it ("running", "errored", …), or `missing`. */
export type ClaimWorkflowState = string;

export interface StalledClaimFacts {
  stage: FnolStage;
  /** When the claim last changed (or was last recovered). */
  updatedAt: string;
  workflow: ClaimWorkflowState;
  /** Recoveries already made. */
  recoveries: number;
}

export type StalledClaimAction = "leave" | "start" | "restart" | "fail";

/** Instances that will not move the claim on any more; any other status (waiting for the photo, running, paused) will. */
const DEAD: ReadonlySet<ClaimWorkflowState> = new Set(["errored", "terminated", "complete", "missing"]);

/**
 * What the recovery sweep does with an open claim: nothing while it is recent or its Workflow is
 * alive; a Workflow that died (errored, terminated, or completed without closing the claim) is
 * restarted, a missing one started, until the recoveries are spent; then the claim is FAILED, so
 * every claim ends in a final state without a person.
 */
export function stalledClaimAction(facts: StalledClaimFacts, now: Date): StalledClaimAction {
  if (FINAL_STAGES.has(facts.stage)) return "leave";
  if (now.getTime() - Date.parse(facts.updatedAt) < STALLED_CLAIM_MS) return "leave";
  if (!DEAD.has(facts.workflow)) return "leave";
  if (facts.recoveries >= MAX_CLAIM_RECOVERIES) return "fail";
  return facts.workflow === "missing" ? "start" : "restart";
}
