import type { Settlement } from "./settlement";
import { centsToDollars } from "./usd";

/** The detail of a Settlement.Finalized event: the established fields plus the real amounts in dollars. */
export interface SettlementFinalizedDetail {
  settlementId: string;
  claimId: string;
  customerId: string;
  version: number;
  total_loss: boolean;
  repair_estimate: number;
  actual_cash_value: number;
  deductible: number;
  payout: number;
  out_of_pocket: number;
  currency: "USD";
  rental_days: number;
  review_recommended: boolean;
  overridden: boolean;
  settlementMessage: string;
}

export function settlementFinalizedDetail(settlement: Settlement): SettlementFinalizedDetail {
  return {
    settlementId: settlement.settlementId,
    claimId: settlement.claimId,
    customerId: settlement.customerId,
    version: settlement.version,
    total_loss: settlement.totalLoss,
    repair_estimate: centsToDollars(settlement.repairEstimateCents),
    actual_cash_value: centsToDollars(settlement.actualCashValueCents),
    deductible: centsToDollars(settlement.deductibleCents),
    payout: centsToDollars(settlement.payoutCents),
    out_of_pocket: centsToDollars(settlement.outOfPocketCents),
    currency: "USD",
    rental_days: settlement.rentalDays,
    review_recommended: settlement.reviewRecommended,
    overridden: settlement.decision.by === "adjuster",
    settlementMessage: settlement.settlementMessage,
  };
}
