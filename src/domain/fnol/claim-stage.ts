import type { ClaimStatus, FnolStage } from "../../db/schema";

/** The claims table's status for each stage of a first notice of loss (`GET /claims` filters on it). */
export const CLAIM_STATUS_OF_STAGE: Record<FnolStage, ClaimStatus> = {
  REQUESTED: "PENDING",
  AWAITING_PHOTO: "PENDING",
  PHOTO_RECEIVED: "PROCESSING",
  SETTLED: "APPROVED",
  REJECTED: "REJECTED",
  FRAUD_DETECTED: "REJECTED",
  ABANDONED: "REJECTED",
  FAILED: "FAILED",
};

/** Stages a claim never leaves. */
export const FINAL_STAGES: ReadonlySet<FnolStage> = new Set([
  "SETTLED",
  "REJECTED",
  "FRAUD_DETECTED",
  "ABANDONED",
  "FAILED",
]);
