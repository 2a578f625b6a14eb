/** The three figures a settlement is computed from, in cents. */
export interface SettlementFacts {
  repairEstimateCents: number;
  actualCashValueCents: number;
  deductibleCents: number;
}

export interface SettlementAmounts {
  totalLoss: boolean;
  payoutCents: number;
  outOfPocketCents: number;
}

/** Total loss when estimate ≥ threshold × ACV, compared in integers so the boundary is exact. */
export const isTotalLoss = (repairEstimateCents: number, actualCashValueCents: number, thresholdBps: number): boolean =>
  repairEstimateCents * 10_000 >= actualCashValueCents * thresholdBps;

/**
 * Payout = min(estimate, ACV) − deductible, never below 0; a total loss pays on the ACV. Out of pocket
 * is what the customer bears of the loss the payout is measured against: the repair bill for a repair,
 * the car's value for a total loss. An adjuster may decide the total loss or the payout instead.
 */
export function settleAmounts(
  facts: SettlementFacts,
  thresholdBps: number,
  decided: { totalLoss?: boolean; payoutCents?: number } = {},
): SettlementAmounts {
  const totalLoss =
    decided.totalLoss ?? isTotalLoss(facts.repairEstimateCents, facts.actualCashValueCents, thresholdBps);
  const basis = totalLoss
    ? facts.actualCashValueCents
    : Math.min(facts.repairEstimateCents, facts.actualCashValueCents);
  const payoutCents = decided.payoutCents ?? Math.max(0, basis - facts.deductibleCents);
  const lossBorne = totalLoss ? facts.actualCashValueCents : facts.repairEstimateCents;
  return { totalLoss, payoutCents, outOfPocketCents: Math.max(0, lossBorne - payoutCents) };
}
