/** Something a Workflow carries (a claim, a signup, a document) that has not moved for this long is looked at. */
export const STALLED_WORKFLOW_MS = 10 * 60_000;
/** Restarts of a Workflow before what it carries is closed as failed. */
export const MAX_WORKFLOW_RECOVERIES = 3;

/** A Workflow instance's status as the platform reports it ("running", "errored", …), or `missing`. */
export type WorkflowState = string;

export interface StalledWorkflowFacts {
  /** Whether what the Workflow carries still waits for it (an open claim, a signup not yet decided). */
  open: boolean;
  /** When it last changed, or was last recovered. */
  updatedAt: string;
  workflow: WorkflowState;
  /** Recoveries already made. */
  recoveries: number;
}

export type StalledWorkflowAction = "leave" | "start" | "restart" | "fail";

/** Instances that will not move anything on any more; any other status (waiting for an event, running, paused) will. */
const DEAD: ReadonlySet<WorkflowState> = new Set(["errored", "terminated", "complete", "missing"]);

/**
 * What the recovery sweep does with something its Workflow left open: nothing while it is recent
 * or its Workflow is alive; a Workflow that died (errored, terminated, or completed without
 * closing it) is restarted — its steps are replay-safe — and a missing one started, until the
 * recoveries are spent; then it is closed as failed, so everything ends in a final state without
 * a person.
 */
export function stalledWorkflowAction(
  facts: StalledWorkflowFacts,
  now: Date,
  stallMs = STALLED_WORKFLOW_MS,
): StalledWorkflowAction {
  if (!facts.open) return "leave";
  if (now.getTime() - Date.parse(facts.updatedAt) < stallMs) return "leave";
  if (!DEAD.has(facts.workflow)) return "leave";
  if (facts.recoveries >= MAX_WORKFLOW_RECOVERIES) return "fail";
  return facts.workflow === "missing" ? "start" : "restart";
}
