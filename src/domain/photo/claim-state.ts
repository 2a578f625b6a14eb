import { canOverride, type PhotoClaimStatus } from "./decision";

/** A photo claim's statuses: `system` is the model's decision, `effective` what the customer sees. */
export interface PhotoClaimState {
  systemStatus: PhotoClaimStatus;
  effectiveStatus: PhotoClaimStatus;
  userOverride: boolean;
  overrideReason: string | null;
  overrideAt: string | null;
}

/** A (re)submitted photo replaces the result: both statuses are the new decision, any override is gone. */
export const stateAfterSubmission = (decision: PhotoClaimStatus): PhotoClaimState => ({
  systemStatus: decision,
  effectiveStatus: decision,
  userOverride: false,
  overrideReason: null,
  overrideAt: null,
});

export type OverrideOutcome =
  | { ok: true; state: PhotoClaimState }
  | { ok: false; reason: "already_approved" | "quality_too_low" | "not_rejected" };

/** An override always makes the claim effectively APPROVED; the system status never changes. */
export function stateAfterOverride(
  current: PhotoClaimState,
  reason: string,
  at: string,
  qualityScore?: number,
): OverrideOutcome {
  const verdict = canOverride({ effectiveStatus: current.effectiveStatus, qualityScore });
  if (!verdict.allowed) return { ok: false, reason: verdict.reason };
  return {
    ok: true,
    state: { ...current, effectiveStatus: "APPROVED", userOverride: true, overrideReason: reason, overrideAt: at },
  };
}
