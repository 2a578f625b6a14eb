import { WorkflowEntrypoint, type WorkflowEvent, type WorkflowStep } from "cloudflare:workers";
import { NonRetryableError } from "cloudflare:workflows";
import { recordOnboardingDecision, screenCustomer, UnknownCustomerError } from "../customers/onboarding";
import { createDatabase } from "../db/client";
import type { Env } from "../env";

export interface OnboardingParams {
  customerId: string;
}

const RETRIES = { retries: { limit: 5, delay: "2 seconds", backoff: "exponential" }, timeout: "1 minute" } as const;

const fatal = (error: unknown): never => {
  if (error instanceof UnknownCustomerError) throw new NonRetryableError(error.message);
  throw error;
};

/**
 * A signup's journey to an active policy (instance id: onboarding-<customer id>): screen the
 * customer, then record acceptance (with the upload URLs) or rejection with its event. Each step
 * is idempotent: screening only reads, and the decision is written once, keyed by the customer.
 */
export class CustomerOnboardingWorkflow extends WorkflowEntrypoint<Env, OnboardingParams> {
  override async run(event: Readonly<WorkflowEvent<OnboardingParams>>, step: WorkflowStep) {
    const { customerId } = event.payload;
    const db = createDatabase(this.env.DB);
    const decision = await step.do("screen signup", RETRIES, () => screenCustomer(db, customerId).catch(fatal));
    return step.do("record onboarding decision", RETRIES, () =>
      recordOnboardingDecision(this.env, db, customerId, decision).catch(fatal),
    );
  }
}
