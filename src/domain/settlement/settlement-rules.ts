import type { InputProblem } from "./input-problem";

/** The insurer's settlement parameters; states set their own total-loss thresholds (60–100%). */
export interface SettlementRules {
  /** A car is a total loss when the repair estimate reaches this share of its actual cash value, in basis points. */
  totalLossThresholdBps: number;
  /** Rental days for a total loss: the time to pay the claim and buy a replacement car. */
  totalLossRentalDays: number;
}

export const DEFAULT_SETTLEMENT_RULES: SettlementRules = { totalLossThresholdBps: 7_500, totalLossRentalDays: 7 };

export const MAX_RENTAL_DAYS = 365;

export function rulesProblems(rules: SettlementRules): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!Number.isInteger(rules.totalLossThresholdBps) || rules.totalLossThresholdBps < 1 || rules.totalLossThresholdBps > 10_000) {
    problems.push({ path: "rules.totalLossThresholdBps", code: "INVALID_THRESHOLD", message: "rules.totalLossThresholdBps must be a whole number from 1 to 10000" });
  }
  if (!Number.isInteger(rules.totalLossRentalDays) || rules.totalLossRentalDays < 0 || rules.totalLossRentalDays > MAX_RENTAL_DAYS) {
    problems.push({ path: "rules.totalLossRentalDays", code: "INVALID_DAYS", message: `rules.totalLossRentalDays must be a whole number from 0 to ${MAX_RENTAL_DAYS}` });
  }
  return problems;
}
