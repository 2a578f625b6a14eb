// What a claim's damage photo says about the claim: fraud (wrong car, no damage) or on to settlement.
import { checkCarColour } from "../document-fraud/colour-check";
import type { ModelColour } from "../document-fraud/colour-names";

export const NO_DAMAGE_REASON = "No damage detected.";
export const CLAIM_COLOUR_MISMATCH_REASON = "Color of vehicle doesn't match the color on the policy.";

/** The damage model must be at least this sure there is no damage before the claim is called fraudulent. */
export const NO_DAMAGE_MIN_CONFIDENCE = 0.7;

export interface DamagePhotoFacts {
  policyColour: string;
  colourProbabilities: Readonly<Record<ModelColour, number>>;
  /** The damage model's probability that the photo shows damage. */
  damageProbability: number;
}

export type DamagePhotoVerdict = { fraud: false } | { fraud: true; reasons: [string, ...string[]] };

/**
 * Fraud when the car in the photo is confidently another colour than the policy's car (the same
 * rule as the signup photo) or the damage model is confident there is no damage; an uncertain
 * model gives the customer the benefit of the doubt and the claim goes on to settlement.
 */
export function judgeDamagePhoto(facts: DamagePhotoFacts): DamagePhotoVerdict {
  const reasons: string[] = [];
  const colour = checkCarColour({ policyColour: facts.policyColour, probabilities: facts.colourProbabilities });
  if (colour.compared && colour.mismatch) {
    reasons.push(
      CLAIM_COLOUR_MISMATCH_REASON,
      `The photo shows a ${colour.predicted} car (${Math.round(colour.confidence * 100)}%); the policy says ${facts.policyColour}.`,
    );
  }
  if (1 - facts.damageProbability >= NO_DAMAGE_MIN_CONFIDENCE) reasons.unshift(NO_DAMAGE_REASON);
  return reasons.length > 0 ? { fraud: true, reasons: reasons as [string, ...string[]] } : { fraud: false };
}
