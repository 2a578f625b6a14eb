import type { MakeTier } from "./vehicle-make";
import type { VehicleSegment } from "./vehicle-segment";

/** Share of the new price lost in the first year of service. */
export const FIRST_YEAR_DEPRECIATION = 0.2;

/** Share of the remaining value lost each later year: pickups and SUVs hold value better than cars. */
export const LATER_YEARLY_DEPRECIATION: Readonly<Record<VehicleSegment, number>> = {
  sedan: 0.15,
  hatchback: 0.15,
  coupe: 0.15,
  convertible: 0.15,
  wagon: 0.15,
  minivan: 0.15,
  van: 0.14,
  suv: 0.14,
  pickup: 0.12,
};

/** Extra yearly loss by make tier: premium and luxury cars shed value faster than mainstream ones. */
export const TIER_EXTRA_YEARLY_DEPRECIATION: Readonly<Record<MakeTier, number>> = {
  economy: 0,
  mainstream: 0,
  premium: 0.01,
  luxury: 0.02,
};

/** No running vehicle is worth less than this share of its new price (salvage and parts value). */
export const SALVAGE_FLOOR_SHARE = 0.1;

/** Miles a year an average US car is driven: the mileage the depreciation curve already assumes. */
export const EXPECTED_MILES_PER_YEAR = 12_000;

/** Value change per 1,000 miles away from the expected mileage (fewer miles add, more subtract). */
export const MILEAGE_ADJUSTMENT_PER_1000_MILES = 0.004;

/** Mileage never moves the value by more than this: beyond it condition, not the odometer, decides. */
export const MILEAGE_ADJUSTMENT_BOUNDS = { lowest: -0.3, highest: 0.1 } as const;

/**
 * Share of the new price a vehicle keeps after `ageYears` of service: straight down by the first-year
 * rate over year one, then a constant yearly rate (the salvage floor is applied to the final value).
 */
export function retainedValueShare(ageYears: number, segment: VehicleSegment, tier: MakeTier): number {
  const age = Math.max(0, ageYears);
  const yearly = LATER_YEARLY_DEPRECIATION[segment] + TIER_EXTRA_YEARLY_DEPRECIATION[tier];
  return age <= 1 ? 1 - FIRST_YEAR_DEPRECIATION * age : (1 - FIRST_YEAR_DEPRECIATION) * (1 - yearly) ** (age - 1);
}

export const expectedMileage = (ageYears: number): number =>
  Math.round(EXPECTED_MILES_PER_YEAR * Math.max(0, ageYears));

/** Relative value change for `mileage` against the expected mileage at this age, within the bounds. */
export function mileageAdjustment(mileage: number, ageYears: number): number {
  const milesOverExpected = mileage - expectedMileage(ageYears);
  const adjustment = (-milesOverExpected / 1000) * MILEAGE_ADJUSTMENT_PER_1000_MILES;
  return Math.min(MILEAGE_ADJUSTMENT_BOUNDS.highest, Math.max(MILEAGE_ADJUSTMENT_BOUNDS.lowest, adjustment));
}
