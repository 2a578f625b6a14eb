import { daysProblem, type InputProblem, present } from "./input-problem";

/** The insurer's settlement parameters; states set their own total-loss thresholds (60–100%). */
export interface SettlementRules {
  /** A car is a total loss when the repair estimate reaches this share of its actual cash value, in basis points. */
  totalLossThresholdBps: number;
  /** Rental days for a total loss: the time to pay the claim and buy a replacement car. */
  totalLossRentalDays: number;
}

export const DEFAULT_SETTLEMENT_RULES: SettlementRules = { totalLossThresholdBps: 7_500, totalLossRentalDays: 7 };

export function rulesProblems(rules: SettlementRules): InputProblem[] {
  const threshold = rules?.totalLossThresholdBps;
  return present([
    Number.isInteger(threshold) && threshold >= 1 && threshold <= 10_000
      ? undefined
      : {
          path: "rules.totalLossThresholdBps",
          code: "INVALID_THRESHOLD",
          message: "rules.totalLossThresholdBps must be a whole number from 1 to 10000",
        },
    daysProblem("rules.totalLossRentalDays", rules?.totalLossRentalDays),
  ]);
}
