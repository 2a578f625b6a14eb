import type { VehicleValuation } from "./actual-cash-value";
import {
  checkSeverityProbabilities,
  DAMAGE_SEVERITIES,
  type DamageSeverity,
  mostLikelySeverity,
  type SeverityProbabilities,
} from "./damage-severity";
import { accepted, type Checked, isObject, refused } from "./input-problem";
import type { MakeTier } from "./vehicle-make";
import type { VehicleSegment } from "./vehicle-segment";

/** The typical repair of a mainstream sedan for each severity class (README.md gives the sources). */
export interface RepairProfile {
  /** Body, refinish and mechanical labour hours. */
  labourHours: number;
  /** Parts and paint materials as a share of the vehicle's new price (parts prices follow it). */
  partsShareOfNewPrice: number;
  /** Calendar days in the shop, drop-off to pick-up: the rental car's length. */
  repairDays: number;
}

export const REPAIR_PROFILES: Readonly<Record<DamageSeverity, RepairProfile>> = {
  minor: { labourHours: 8, partsShareOfNewPrice: 0.02, repairDays: 3 },
  moderate: { labourHours: 26, partsShareOfNewPrice: 0.09, repairDays: 9 },
  severe: { labourHours: 60, partsShareOfNewPrice: 0.28, repairDays: 18 },
};

/** Body-shop labour rate for a mainstream make, in cents an hour. */
export const LABOUR_RATE_CENTS_PER_HOUR = 6_200;

/** Labour rate by make tier: luxury cars need certified shops, aluminium and ADAS calibration. */
export const TIER_LABOUR_RATE_FACTOR: Readonly<Record<MakeTier, number>> = {
  economy: 0.95,
  mainstream: 1,
  premium: 1.25,
  luxury: 1.7,
};

/** Labour hours by body style: more panel area and heavier parts on big vehicles. */
export const SEGMENT_LABOUR_HOURS_FACTOR: Readonly<Record<VehicleSegment, number>> = {
  hatchback: 0.9,
  sedan: 1,
  coupe: 1,
  wagon: 1,
  convertible: 1.1,
  suv: 1.1,
  minivan: 1.15,
  pickup: 1.15,
  van: 1.2,
};

/** Below this top-class probability the classifier is unsure: the estimate asks for an adjuster's look. */
export const REVIEW_CONFIDENCE_FLOOR = 0.6;

export interface RepairEstimate {
  /** Expected repair cost over the severity classes, in cents. */
  repairEstimateCents: number;
  /** Expected days in the shop, rounded up to whole days. */
  repairDays: number;
  /** What the repair would cost if the damage were certainly of each class. */
  costBySeverity: Record<DamageSeverity, number>;
  probabilities: SeverityProbabilities;
  mostLikelySeverity: DamageSeverity;
  confidence: number;
  reviewRecommended: boolean;
}

export type VehicleForRepair = Pick<VehicleValuation, "segment" | "makeTier" | "newPriceCents">;

/** The cost of repairing damage of one class on this vehicle, in cents. */
export function repairCostCents(severity: DamageSeverity, vehicle: VehicleForRepair): number {
  const profile = REPAIR_PROFILES[severity];
  const labour =
    profile.labourHours *
    SEGMENT_LABOUR_HOURS_FACTOR[vehicle.segment] *
    LABOUR_RATE_CENTS_PER_HOUR *
    TIER_LABOUR_RATE_FACTOR[vehicle.makeTier];
  return Math.round(labour) + Math.round(profile.partsShareOfNewPrice * vehicle.newPriceCents);
}

/**
 * The repair estimate as the expected cost over the classifier's probabilities, not the cost of its
 * top class: a 51/49 call between moderate and severe then moves the estimate a little, not by the
 * whole gap between the two, and an unsure call is flagged for review.
 */
export function estimateRepair(severity: SeverityProbabilities, vehicle: VehicleForRepair): Checked<RepairEstimate> {
  const checked = checkSeverityProbabilities(severity);
  if (!checked.ok) return refused(checked.problems);
  if (!isObject(vehicle) || !Number.isSafeInteger(vehicle.newPriceCents) || vehicle.newPriceCents <= 0) {
    return refused([
      {
        path: "vehicle.newPriceCents",
        code: "NOT_CENTS",
        message: "vehicle.newPriceCents must be a positive whole number of cents",
      },
    ]);
  }
  const probabilities = checked.value;
  const costBySeverity = Object.fromEntries(DAMAGE_SEVERITIES.map((s) => [s, repairCostCents(s, vehicle)])) as Record<
    DamageSeverity,
    number
  >;
  const expectedCost = DAMAGE_SEVERITIES.reduce((total, s) => total + probabilities[s] * costBySeverity[s], 0);
  const expectedDays = DAMAGE_SEVERITIES.reduce(
    (total, s) => total + probabilities[s] * REPAIR_PROFILES[s].repairDays,
    0,
  );
  const top = mostLikelySeverity(probabilities);
  return accepted({
    repairEstimateCents: Math.round(expectedCost),
    // The small allowance keeps 9.0000000001 days (float noise) from becoming 10.
    repairDays: Math.max(1, Math.ceil(expectedDays - 1e-9)),
    costBySeverity,
    probabilities,
    mostLikelySeverity: top.severity,
    confidence: top.probability,
    reviewRecommended: top.probability < REVIEW_CONFIDENCE_FLOOR,
  });
}
