// Whether a signup is accepted: the facts are read by the onboarding Workflow, the rule is here.

export interface ScreeningFacts {
  /** Another customer with the same SSN holds an active policy. */
  ssnHeldByAnotherCustomer: boolean;
  /** The car already has an active policy (this insurer's). */
  vinAlreadyInsured: boolean;
}

export type ScreeningDecision = { accepted: true } | { accepted: false; reason: string };

export function screenSignup(facts: ScreeningFacts): ScreeningDecision {
  if (facts.vinAlreadyInsured) {
    return { accepted: false, reason: "This vehicle (VIN) is already insured under another active policy." };
  }
  if (facts.ssnHeldByAnotherCustomer) {
    return {
      accepted: false,
      reason: "A customer with this Social Security number already holds a policy; add the car to that account.",
    };
  }
  return { accepted: true };
}
