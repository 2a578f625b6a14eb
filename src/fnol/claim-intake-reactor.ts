import { NO_REACTION, type Reactor } from "../events/reactor";
import { startWorkflowOnce } from "../workflows/start-once";

/** Claim.Requested → the claim's Workflow (instance id = claim id): checks, photo, settlement. */
export const claimIntakeReactor: Reactor = {
  name: "claim-intake",
  reactsTo: ["Claim.Requested"],
  async react(env, _db, event) {
    const { claimId } = event.detail as { claimId: string };
    await startWorkflowOnce(env.CLAIM_WORKFLOW, claimId, { claimId });
    return NO_REACTION;
  },
};
