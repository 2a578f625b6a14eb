// What a customer reads of its own first notice of loss. A fraud verdict is for staff: the customer
// learns that an adjuster reviews the claim, never the reasons (a fraudster would learn which check to beat).
import type { FnolStage } from "../../db/schema";
import { customerNotice } from "../events/customer-view";

export type CustomerFnolStage = Exclude<FnolStage, "FRAUD_DETECTED"> | "UNDER_REVIEW";

/** The stage and its reason as the customer reads them. */
export function stageForCustomer(
  stage: FnolStage,
  reason: string | null,
): { stage: CustomerFnolStage; reason: string | null } {
  if (stage === "FRAUD_DETECTED") return { stage: "UNDER_REVIEW", reason: customerNotice({ fraudType: "CLAIMS" }) };
  return { stage, reason };
}

/** Who decided a settlement version, as a customer reads it: the assessment or "an adjuster", never who or why. */
export const decidedByForCustomer = (decidedBy: string): "assessment" | "adjuster" =>
  decidedBy === "assessment" ? "assessment" : "adjuster";
