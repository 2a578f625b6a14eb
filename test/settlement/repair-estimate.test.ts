import { describe, expect, it } from "vitest";
import type { SeverityProbabilities } from "../../src/domain/settlement/damage-severity";
import {
  estimateRepair,
  type RepairEstimate,
  repairCostCents,
  type VehicleForRepair,
} from "../../src/domain/settlement/repair-estimate";

const mainstreamSedan: VehicleForRepair = { segment: "sedan", makeTier: "mainstream", newPriceCents: 3_000_000 };
const economyHatchback: VehicleForRepair = { segment: "hatchback", makeTier: "economy", newPriceCents: 2_210_000 };
const luxurySedan: VehicleForRepair = { segment: "sedan", makeTier: "luxury", newPriceCents: 9_000_000 };

const certain = (severity: keyof SeverityProbabilities): SeverityProbabilities => ({
  minor: 0,
  moderate: 0,
  severe: 0,
  [severity]: 1,
});

function estimated(severity: SeverityProbabilities, vehicle = mainstreamSedan): RepairEstimate {
  const result = estimateRepair(severity, vehicle);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe("repairCostCents", () => {
  it.each<[keyof SeverityProbabilities, VehicleForRepair, number]>([
    // labour hours × hours factor × $62.00 × tier factor, plus the parts share of the new price
    ["minor", mainstreamSedan, 49_600 + 60_000],
    ["moderate", mainstreamSedan, 161_200 + 270_000],
    ["severe", mainstreamSedan, 372_000 + 840_000],
    ["severe", luxurySedan, 632_400 + 2_520_000],
    ["minor", economyHatchback, 42_408 + 44_200],
  ])("%s damage on %j", (severity, vehicle, cents) => {
    expect(repairCostCents(severity, vehicle)).toBe(cents);
  });
});

describe("estimateRepair", () => {
  it.each<[keyof SeverityProbabilities, number, number]>([
    ["minor", 109_600, 3],
    ["moderate", 431_200, 9],
    ["severe", 1_212_000, 18],
  ])("certain %s damage on a mainstream sedan: %i cents, %i days", (severity, cents, days) => {
    const estimate = estimated(certain(severity));
    expect(estimate.repairEstimateCents).toBe(cents);
    expect(estimate.repairDays).toBe(days);
    expect(estimate.mostLikelySeverity).toBe(severity);
    expect(estimate.reviewRecommended).toBe(false);
  });

  it("weighs the cost of every class by its probability, not only the most likely one", () => {
    const estimate = estimated({ minor: 0.2, moderate: 0.5, severe: 0.3 });
    expect(estimate.repairEstimateCents).toBe(Math.round(0.2 * 109_600 + 0.5 * 431_200 + 0.3 * 1_212_000));
    expect(estimate.mostLikelySeverity).toBe("moderate");
    expect(estimate.confidence).toBe(0.5);
    expect(estimate.repairDays).toBe(Math.ceil(0.2 * 3 + 0.5 * 9 + 0.3 * 18));
  });

  it("moves little when the classifier flips between two close calls", () => {
    const leaningModerate = estimated({ minor: 0, moderate: 0.51, severe: 0.49 }).repairEstimateCents;
    const leaningSevere = estimated({ minor: 0, moderate: 0.49, severe: 0.51 }).repairEstimateCents;
    expect(leaningSevere - leaningModerate).toBeLessThan((1_212_000 - 431_200) * 0.05);
  });

  it.each<[SeverityProbabilities, boolean]>([
    [{ minor: 0.59, moderate: 0.41, severe: 0 }, true],
    [{ minor: 0.6, moderate: 0.4, severe: 0 }, false],
    [{ minor: 0.34, moderate: 0.33, severe: 0.33 }, true],
  ])("asks for review when the top class is below 0.6: %j", (severity, review) => {
    expect(estimated(severity).reviewRecommended).toBe(review);
  });

  it("breaks a tie towards the more severe class", () => {
    expect(estimated({ minor: 0.5, moderate: 0, severe: 0.5 }).mostLikelySeverity).toBe("severe");
  });

  it("rounds the expected cost to the nearest cent", () => {
    // 1/3 of each class: (109,600 + 431,200 + 1,212,000) / 3 = 584,266.67
    expect(estimated({ minor: 1 / 3, moderate: 1 / 3, severe: 1 / 3 }).repairEstimateCents).toBe(584_267);
  });

  it("rescales probabilities that sum to 1 within float rounding", () => {
    expect(estimated({ minor: 0.3334, moderate: 0.3333, severe: 0.3334 }).probabilities.minor).toBeCloseTo(
      0.3334 / 1.0001,
      12,
    );
  });

  it("costs more on a luxury car than on an economy car for the same damage", () => {
    for (const severity of ["minor", "moderate", "severe"] as const) {
      expect(estimated(certain(severity), luxurySedan).repairEstimateCents).toBeGreaterThan(
        estimated(certain(severity), economyHatchback).repairEstimateCents,
      );
    }
  });

  it.each<[string, SeverityProbabilities, string]>([
    ["percentages instead of probabilities", { minor: 20, moderate: 50, severe: 30 }, "severity.minor"],
    ["a negative probability", { minor: -0.1, moderate: 0.6, severe: 0.5 }, "severity.minor"],
    ["a missing class", { minor: 0.5, moderate: 0.5 } as unknown as SeverityProbabilities, "severity.severe"],
    ["not a number", { minor: Number.NaN, moderate: 0.5, severe: 0.5 }, "severity.minor"],
    ["a sum far from 1", { minor: 0.2, moderate: 0.2, severe: 0.2 }, "severity"],
  ])("refuses %s", (_, severity, path) => {
    const result = estimateRepair(severity, mainstreamSedan);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toBe(path);
  });
});
