import {
  accepted,
  amountProblem,
  type Checked,
  daysProblem,
  type InputProblem,
  isObject,
  notAnObject,
  present,
  refused,
  textProblem,
} from "./input-problem";
import { settleAmounts } from "./settlement-amounts";
import { settlementMessage } from "./settlement-message";
import { DEFAULT_SETTLEMENT_RULES, rulesProblems, type SettlementRules } from "./settlement-rules";

/** Who decided a settlement version: the automatic assessment, or an adjuster with a reason. */
export type SettlementDecision =
  | { by: "assessment" }
  | { by: "adjuster"; adjusterId: string; reason: string; decidedAt: string };

/** One version of a claim's settlement; an adjuster's override makes the next version. */
export interface Settlement {
  settlementId: string;
  claimId: string;
  customerId: string;
  version: number;
  repairEstimateCents: number;
  actualCashValueCents: number;
  deductibleCents: number;
  totalLoss: boolean;
  payoutCents: number;
  outOfPocketCents: number;
  totalLossThresholdBps: number;
  /** Days the car is expected in the shop (from the repair estimate). */
  repairDays: number;
  /** Days of rental car the settlement calls for: the repair days, or the total-loss allowance. */
  rentalDays: number;
  /** True when the damage assessment was unsure and an adjuster should look. */
  reviewRecommended: boolean;
  settlementMessage: string;
  decision: SettlementDecision;
}

export interface SettlementRequest {
  /** Derived from the claim id and version (settlementIdFor), so a replayed step writes the same settlement. */
  settlementId: string;
  claimId: string;
  customerId: string;
  repairEstimateCents: number;
  repairDays: number;
  reviewRecommended?: boolean;
  actualCashValueCents: number;
  /** The policy's collision deductible. */
  deductibleCents: number;
}

export const MAX_ID_LENGTH = 200;

/** The first version of a claim's settlement, from the repair estimate, the ACV and the deductible. */
export function finalizeSettlement(
  request: SettlementRequest,
  rules: SettlementRules = DEFAULT_SETTLEMENT_RULES,
): Checked<Settlement> {
  if (!isObject(request)) return refused([notAnObject("settlement")]);
  const problems = [...requestProblems(request), ...rulesProblems(rules)];
  if (problems.length > 0) return refused(problems);
  const facts = {
    repairEstimateCents: request.repairEstimateCents,
    actualCashValueCents: request.actualCashValueCents,
    deductibleCents: request.deductibleCents,
  };
  const amounts = settleAmounts(facts, rules.totalLossThresholdBps);
  return accepted({
    settlementId: request.settlementId,
    claimId: request.claimId,
    customerId: request.customerId,
    version: 1,
    ...facts,
    ...amounts,
    totalLossThresholdBps: rules.totalLossThresholdBps,
    repairDays: request.repairDays,
    rentalDays: amounts.totalLoss ? rules.totalLossRentalDays : request.repairDays,
    reviewRecommended: request.reviewRecommended ?? false,
    settlementMessage: settlementMessage({ claimId: request.claimId, ...facts, ...amounts }),
    decision: { by: "assessment" },
  });
}

function requestProblems(request: SettlementRequest): InputProblem[] {
  return present([
    textProblem("settlementId", request.settlementId, MAX_ID_LENGTH),
    textProblem("claimId", request.claimId, MAX_ID_LENGTH),
    textProblem("customerId", request.customerId, MAX_ID_LENGTH),
    amountProblem("repairEstimateCents", request.repairEstimateCents),
    amountProblem("actualCashValueCents", request.actualCashValueCents),
    amountProblem("deductibleCents", request.deductibleCents),
    daysProblem("repairDays", request.repairDays),
  ]);
}
