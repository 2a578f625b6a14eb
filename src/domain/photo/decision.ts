import { QUALITY_THRESHOLD } from "./quality";

/**
 * The damage-photo validation service's status determination and override rules for photo claims.
 *
 * The damage model outputs probabilities [p_no_damage, p_damage] (softmax, sum 1). We define:
 *   damage_detected = p_damage >= 0.5
 *   confidence      = max(p_damage, p_no_damage)  (the probability of the predicted class, 0.5..1)
 * so "confident" refers to whichever class the model chose.
 */

export const DAMAGE_THRESHOLD = 0.5;
export const APPROVAL_CONFIDENCE = 0.7;

export type PhotoClaimStatus = "APPROVED" | "REJECTED";
export type RejectionReason = "no_damage" | "low_confidence";

export interface DamagePrediction {
  damageDetected: boolean;
  confidence: number;
}

export interface PhotoDecision {
  status: PhotoClaimStatus;
  reason?: RejectionReason;
  message: string;
  nextSteps: string;
  userOverrideAllowed: boolean;
}

export const DECISION_TEXT = {
  approved: {
    message: "Damage detected. Claim approved for processing.",
    nextSteps: "Your claim will be reviewed by an adjuster within 2 business days.",
  },
  rejected: { message: "Claim rejected. See reason and next_steps for details." },
  no_damage: {
    nextSteps:
      "No damage was found in this photo. If damage is visible, you can override this decision or upload a clearer photo of the damaged area.",
  },
  low_confidence: {
    nextSteps: "If you believe damage is visible, you can override this decision or upload a different photo.",
  },
} as const;

/** Turns the model's [p_no_damage, p_damage] into damage_detected and confidence. */
export function interpretDamageProbabilities(probabilities: readonly number[]): DamagePrediction {
  const [pNoDamage, pDamage] = probabilities;
  if (
    probabilities.length !== 2 ||
    pNoDamage === undefined ||
    pDamage === undefined ||
    !Number.isFinite(pNoDamage) ||
    !Number.isFinite(pDamage) ||
    pNoDamage < 0 ||
    pDamage < 0
  ) {
    throw new RangeError(`Expected two class probabilities [p_no_damage, p_damage], got [${probabilities.join(", ")}]`);
  }
  // Renormalise so a model exported without its final softmax rounding still sums to 1.
  const total = pNoDamage + pDamage;
  const damage = total > 0 ? pDamage / total : 0.5;
  return { damageDetected: damage >= DAMAGE_THRESHOLD, confidence: Math.max(damage, 1 - damage) };
}

/** APPROVED when damage_detected and confidence >= 0.7; otherwise REJECTED with no_damage or low_confidence. */
export function decidePhotoClaim(prediction: DamagePrediction): PhotoDecision {
  const { damageDetected, confidence } = prediction;
  if (confidence < APPROVAL_CONFIDENCE) {
    return {
      status: "REJECTED",
      reason: "low_confidence",
      message: DECISION_TEXT.rejected.message,
      nextSteps: DECISION_TEXT.low_confidence.nextSteps,
      userOverrideAllowed: true,
    };
  }
  if (damageDetected) {
    return {
      status: "APPROVED",
      message: DECISION_TEXT.approved.message,
      nextSteps: DECISION_TEXT.approved.nextSteps,
      userOverrideAllowed: false,
    };
  }
  return {
    status: "REJECTED",
    reason: "no_damage",
    message: DECISION_TEXT.rejected.message,
    nextSteps: DECISION_TEXT.no_damage.nextSteps,
    userOverrideAllowed: true,
  };
}

export interface OverridableClaim {
  effectiveStatus: string;
  /** Stored claims always passed the quality gate; accepted so the rule is explicit. */
  qualityScore?: number;
}

export type OverrideVerdict =
  | { allowed: true }
  | { allowed: false; reason: "already_approved" | "quality_too_low" | "not_rejected" };

/**
 * The override table: REJECTED → allowed (low confidence or no damage alike);
 * effective APPROVED → nothing to override; quality < 0.4 → never (such claims are never stored).
 */
export function canOverride(claim: OverridableClaim): OverrideVerdict {
  if (claim.qualityScore !== undefined && claim.qualityScore < QUALITY_THRESHOLD)
    return { allowed: false, reason: "quality_too_low" };
  const status = claim.effectiveStatus.toUpperCase();
  if (status === "APPROVED") return { allowed: false, reason: "already_approved" };
  if (status !== "REJECTED") return { allowed: false, reason: "not_rejected" };
  return { allowed: true };
}
