import { NO_REACTION, type Reactor } from "../events/reactor";
import { startWorkflowOnce } from "../workflows/start-once";

/** The onboarding Workflow's instance id: one per customer. */
export const onboardingInstanceId = (customerId: string) => `onboarding-${customerId}`;

/** Customer.Submitted → the customer's onboarding Workflow (screening, then accepted or rejected). */
export const onboardingReactor: Reactor = {
  name: "onboarding",
  reactsTo: ["Customer.Submitted"],
  async react(env, _db, event) {
    const { customerId } = event.detail as { customerId: string };
    await startWorkflowOnce(env.ONBOARDING_WORKFLOW, onboardingInstanceId(customerId), { customerId });
    return NO_REACTION;
  },
};
