import { formatCents } from "../money";

/**
 * The health-claims engine's actuarial rule, made explicit: an amount is anomalous when it exceeds
 * `averageMultiple` × the procedure's average cost, or the average plus `stdDevs` standard
 * deviations. Either threshold can be switched off with null.
 */
export interface CostAnomalyRule {
  averageMultiple: number | null;
  stdDevs: number | null;
}

export const DEFAULT_COST_ANOMALY_RULE: CostAnomalyRule = { averageMultiple: 2.0, stdDevs: 2.0 };

export interface ProcedurePrice {
  averageCostCents: number | null;
  costStdDevCents: number | null;
}

export interface CostAnomaly {
  thresholdCents: number;
  message: string;
}

export function detectCostAnomaly(
  amountCents: number,
  price: ProcedurePrice,
  rule: CostAnomalyRule,
): CostAnomaly | null {
  const average = price.averageCostCents;
  if (average === null || average <= 0) return null;
  const amount = formatCents(amountCents);

  if (rule.averageMultiple !== null) {
    const threshold = Math.round(average * rule.averageMultiple);
    if (amountCents > threshold) {
      return {
        thresholdCents: threshold,
        message: `Claim amount (${amount}) exceeds ${rule.averageMultiple.toFixed(1)}x average procedure cost (${formatCents(average)})`,
      };
    }
  }
  const stdDev = price.costStdDevCents;
  if (rule.stdDevs !== null && stdDev !== null && stdDev > 0) {
    const threshold = Math.round(average + rule.stdDevs * stdDev);
    if (amountCents > threshold) {
      return {
        thresholdCents: threshold,
        message: `Claim amount (${amount}) exceeds average procedure cost (${formatCents(average)}) by more than ${rule.stdDevs.toFixed(1)} standard deviations (${formatCents(stdDev)}); threshold ${formatCents(threshold)}`,
      };
    }
  }
  return null;
}
