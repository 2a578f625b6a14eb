import { MODEL_COLOURS, type ModelColour, readPolicyColour } from "./colour-names";

/** The classifier must be at least this sure of a colour outside the policy's before it is a mismatch. */
export const MISMATCH_MIN_CONFIDENCE = 0.7;
/** …and the policy's colours together must have less than this probability. */
export const MISMATCH_MAX_POLICY_PROBABILITY = 0.1;

export interface ColourCheckInput {
  /** The colour on the policy, as typed at signup. */
  policyColour: string;
  /** The classifier's probability for each class. */
  probabilities: Readonly<Record<ModelColour, number>>;
}

export type ColourCheck =
  | { compared: false; mismatch: false; note: string }
  | { compared: true; mismatch: boolean; predicted: ModelColour; confidence: number; policyProbability: number };

/**
 * A car photo contradicts the policy only when the classifier is confident (≥ 0.7) in a colour the
 * policy's colour cannot look like, and gives the policy's colours together less than 0.1. Known
 * look-alikes (white/silver, red/pink, a dark colour/black…) are part of the policy's colours
 * (colour-names.ts), so they never count as a mismatch; an uncertain photo is given the benefit
 * of the doubt.
 */
export function checkCarColour({ policyColour, probabilities }: ColourCheckInput): ColourCheck {
  const policy = readPolicyColour(policyColour);
  if (!policy)
    return { compared: false, mismatch: false, note: `colour "${policyColour}" names no colour the model knows` };
  let predicted: ModelColour = MODEL_COLOURS[0];
  for (const colour of MODEL_COLOURS) if (probabilities[colour] > probabilities[predicted]) predicted = colour;
  const confidence = probabilities[predicted];
  const policyProbability = policy.accepted.reduce((sum, colour) => sum + probabilities[colour], 0);
  const mismatch =
    !policy.accepted.includes(predicted) &&
    confidence >= MISMATCH_MIN_CONFIDENCE &&
    policyProbability < MISMATCH_MAX_POLICY_PROBABILITY;
  return { compared: true, mismatch, predicted, confidence, policyProbability };
}
