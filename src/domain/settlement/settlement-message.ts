import { formatUsd } from "./usd";

export interface SettlementMessageFacts {
  claimId: string;
  totalLoss: boolean;
  actualCashValueCents: number;
  deductibleCents: number;
  payoutCents: number;
  outOfPocketCents: number;
}

/** The customer's settlement message: the established wording with the real amount; a total loss says so. */
export function settlementMessage(facts: SettlementMessageFacts): string {
  const message = `Based on our analysis on the damage of your car per claim id ${facts.claimId}, your out-of-pocket expense will be ${formatUsd(facts.outOfPocketCents)}.`;
  if (!facts.totalLoss) return message;
  return `${message} Your car is a total loss: we will pay its actual cash value of ${formatUsd(facts.actualCashValueCents)} less your deductible of ${formatUsd(facts.deductibleCents)}, ${formatUsd(facts.payoutCents)} in total.`;
}
