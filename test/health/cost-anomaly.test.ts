import { describe, expect, it } from "vitest";
import { type CostAnomalyRule, detectCostAnomaly } from "../../src/domain/health/cost-anomaly";

const price = { averageCostCents: 1_000_000, costStdDevCents: 250_000 };

describe("detectCostAnomaly", () => {
  it.each<[string, number, CostAnomalyRule, number | null]>([
    ["at 2x average", 2_000_000, { averageMultiple: 2, stdDevs: null }, null],
    ["above 2x average", 2_000_001, { averageMultiple: 2, stdDevs: null }, 2_000_000],
    ["at average + 2 sd", 1_500_000, { averageMultiple: 2, stdDevs: 2 }, null],
    ["above average + 2 sd", 1_500_001, { averageMultiple: 2, stdDevs: 2 }, 1_500_000],
    ["multiple switched off", 5_000_000, { averageMultiple: null, stdDevs: null }, null],
    ["3x multiple", 2_500_000, { averageMultiple: 3, stdDevs: null }, null],
  ])("%s", (_, amount, rule, threshold) => {
    expect(detectCostAnomaly(amount, price, rule)?.thresholdCents ?? null).toBe(threshold);
  });

  it("ignores procedures without price statistics", () => {
    expect(
      detectCostAnomaly(
        99_999_999,
        { averageCostCents: null, costStdDevCents: null },
        { averageMultiple: 2, stdDevs: 2 },
      ),
    ).toBeNull();
  });

  it("explains the standard-deviation rule with its numbers", () => {
    const anomaly = detectCostAnomaly(1_600_000, price, { averageMultiple: null, stdDevs: 2 });
    expect(anomaly?.message).toBe(
      "Claim amount (16000.00) exceeds average procedure cost (10000.00) by more than 2.0 standard deviations (2500.00); threshold 15000.00",
    );
  });
});
