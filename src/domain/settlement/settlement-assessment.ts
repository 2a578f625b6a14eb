import { type InsuredVehicle, type VehicleValuation, valueVehicle } from "./actual-cash-value";
import { checkSeverityProbabilities, type SeverityProbabilities } from "./damage-severity";
import { accepted, amountProblem, type Checked, isObject, notAnObject, present, refused } from "./input-problem";
import { estimateRepair, type RepairEstimate } from "./repair-estimate";
import { finalizeSettlement, type Settlement } from "./settlement";
import { DEFAULT_SETTLEMENT_RULES, type SettlementRules } from "./settlement-rules";

export interface SettlementAssessmentRequest {
  settlementId: string;
  claimId: string;
  customerId: string;
  vehicle: InsuredVehicle;
  /** Date of the loss (ISO): the vehicle is valued as it was just before. */
  lossDate: string;
  /** The damage-severity classifier's probabilities for the claim's photo. */
  severity: SeverityProbabilities;
  deductibleCents: number;
}

/** Everything a settlement was computed from, kept beside it so an adjuster sees why. */
export interface SettlementAssessment {
  valuation: VehicleValuation;
  estimate: RepairEstimate;
  settlement: Settlement;
}

/** Vehicle valuation, repair estimate and first settlement version in one step; every problem at once. */
export function assessSettlement(
  request: SettlementAssessmentRequest,
  rules: SettlementRules = DEFAULT_SETTLEMENT_RULES,
): Checked<SettlementAssessment> {
  if (!isObject(request)) return refused([notAnObject("assessment")]);
  const valuation = valueVehicle(request.vehicle, request.lossDate);
  const severity = checkSeverityProbabilities(request.severity);
  if (!valuation.ok || !severity.ok) {
    return refused([
      ...(valuation.ok ? [] : valuation.problems),
      ...(severity.ok ? [] : severity.problems),
      ...present([amountProblem("deductibleCents", request.deductibleCents)]),
    ]);
  }
  const estimate = estimateRepair(severity.value, valuation.value);
  if (!estimate.ok) return refused(estimate.problems);
  const settlement = finalizeSettlement(
    {
      settlementId: request.settlementId,
      claimId: request.claimId,
      customerId: request.customerId,
      repairEstimateCents: estimate.value.repairEstimateCents,
      repairDays: estimate.value.repairDays,
      reviewRecommended: estimate.value.reviewRecommended || valuation.value.reviewRecommended,
      actualCashValueCents: valuation.value.actualCashValueCents,
      deductibleCents: request.deductibleCents,
    },
    rules,
  );
  if (!settlement.ok) return refused(settlement.problems);
  return accepted({ valuation: valuation.value, estimate: estimate.value, settlement: settlement.value });
}
