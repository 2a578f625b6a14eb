import { calendarYear, parseCalendarDate, serviceYears } from "./calendar";
import {
  EXPECTED_MILES_PER_YEAR,
  expectedMileage,
  mileageAdjustment,
  retainedValueShare,
  SALVAGE_FLOOR_SHARE,
} from "./depreciation";
import {
  accepted,
  type Checked,
  type InputProblem,
  isObject,
  notAnObject,
  refused,
  textProblem,
} from "./input-problem";
import { newVehiclePriceCents } from "./new-vehicle-price";
import { groupThousands } from "./usd";
import { type MakeMatch, type MakeTier, readVehicleMake } from "./vehicle-make";
import { readVehicleSegment, type VehicleSegment } from "./vehicle-segment";

/** The insured vehicle as the policy describes it. */
export interface InsuredVehicle {
  make: string;
  /** Body style in any wording: "SUV", "Sport Utility", "pick-up truck", "4-door sedan". */
  vehicleType: string;
  modelYear: number;
  /** Odometer miles at the loss; unknown is valued at the expected mileage for the age. */
  mileage?: number | null;
}

export interface VehicleValuation {
  make: string | null;
  makeMatch: MakeMatch;
  makeTier: MakeTier;
  segment: VehicleSegment;
  /** False when the vehicle type named no known body style and the default was used. */
  segmentRecognized: boolean;
  modelYear: number;
  /** Years in service at the date of loss, to two decimals. */
  ageYears: number;
  newPriceCents: number;
  /** Share of the new price kept after depreciation by age, before the mileage adjustment. */
  retainedShare: number;
  mileage: number | null;
  expectedMileage: number;
  /** Relative change for mileage above or below the expected mileage (-0.3 … +0.1). */
  mileageAdjustment: number;
  salvageFloorCents: number;
  /** True when the value was raised to the salvage floor. */
  floored: boolean;
  actualCashValueCents: number;
  /** What was assumed because the input was unknown or unusual, for the adjuster to check. */
  assumptions: string[];
  /** True when the value rests on a guess an adjuster should confirm (unknown make or type, a collector's age). */
  reviewRecommended: boolean;
}

export const OLDEST_MODEL_YEAR = 1900;
/** Odometers roll over at a million miles; anything beyond is a typo, not a car. */
export const MAX_MILEAGE = 999_999;
/** From this age a car may be a collector's vehicle whose value no depreciation curve knows. */
export const COLLECTOR_AGE_YEARS = 25;

/** The actual cash value just before the loss on `lossDate` (ISO date or timestamp): the price table, depreciated. */
export function valueVehicle(vehicle: InsuredVehicle, lossDate: string): Checked<VehicleValuation> {
  const problems = vehicleProblems(vehicle, lossDate);
  if (problems.length > 0) return refused(problems);
  const lossTime = parseCalendarDate(lossDate)!;
  const make = readVehicleMake(vehicle.make);
  const { segment, recognized } = readVehicleSegment(vehicle.vehicleType);
  const age = serviceYears(vehicle.modelYear, lossTime);
  const mileage = vehicle.mileage === undefined || vehicle.mileage === null ? null : Math.round(vehicle.mileage);
  const expected = expectedMileage(age);

  const newPrice = newVehiclePriceCents(segment, make.tier);
  const retained = retainedValueShare(age, segment, make.tier);
  const adjustment = mileage === null ? 0 : mileageAdjustment(mileage, age);
  const salvageFloor = Math.round(newPrice * SALVAGE_FLOOR_SHARE);
  const depreciated = Math.round(newPrice * retained * (1 + adjustment));
  const floored = depreciated < salvageFloor;

  const assumptions: string[] = [];
  if (make.match === "unknown")
    assumptions.push(`make '${vehicle.make.trim()}' is not in the make list: valued as a ${make.tier} make`);
  if (make.match === "approximate") assumptions.push(`make '${vehicle.make.trim()}' read as ${make.make}`);
  if (!recognized)
    assumptions.push(`vehicle type '${vehicle.vehicleType.trim()}' is not recognised: valued as a ${segment}`);
  if (mileage === null)
    assumptions.push(
      `mileage unknown: assumed the expected ${groupThousands(EXPECTED_MILES_PER_YEAR)} miles a year (${groupThousands(expected)} miles)`,
    );
  if (floored)
    assumptions.push(`value raised to the salvage floor (${Math.round(SALVAGE_FLOOR_SHARE * 100)}% of the new price)`);
  if (age >= COLLECTOR_AGE_YEARS)
    assumptions.push(
      `vehicle over ${COLLECTOR_AGE_YEARS} years old: a collector vehicle can be worth more, have it appraised`,
    );

  return accepted({
    make: make.make,
    makeMatch: make.match,
    makeTier: make.tier,
    segment,
    segmentRecognized: recognized,
    modelYear: vehicle.modelYear,
    ageYears: Math.round(age * 100) / 100,
    newPriceCents: newPrice,
    retainedShare: retained,
    mileage,
    expectedMileage: expected,
    mileageAdjustment: adjustment,
    salvageFloorCents: salvageFloor,
    floored,
    actualCashValueCents: Math.max(salvageFloor, depreciated),
    assumptions,
    reviewRecommended: make.match === "unknown" || !recognized || age >= COLLECTOR_AGE_YEARS,
  });
}

/** Longest make or vehicle type read: real ones are a few words. */
export const MAX_VEHICLE_TEXT = 100;

function vehicleProblems(vehicle: InsuredVehicle, lossDate: string): InputProblem[] {
  if (!isObject(vehicle)) return [notAnObject("vehicle")];
  const problems: InputProblem[] = [];
  const lossTime = parseCalendarDate(lossDate);
  if (lossTime === undefined)
    problems.push({
      path: "lossDate",
      code: "INVALID_DATE",
      message: "lossDate must be an ISO-8601 date such as 2026-03-14",
    });
  const makeProblem = textProblem("vehicle.make", vehicle.make, MAX_VEHICLE_TEXT);
  if (makeProblem) problems.push(makeProblem);
  if (typeof vehicle.vehicleType !== "string" || vehicle.vehicleType.length > MAX_VEHICLE_TEXT) {
    problems.push({
      path: "vehicle.vehicleType",
      code: "INVALID_TEXT",
      message: `vehicle.vehicleType must be text of at most ${MAX_VEHICLE_TEXT} characters (it may be empty)`,
    });
  }
  const latestModelYear = lossTime === undefined ? undefined : calendarYear(lossTime) + 1;
  if (
    !Number.isInteger(vehicle.modelYear) ||
    vehicle.modelYear < OLDEST_MODEL_YEAR ||
    (latestModelYear !== undefined && vehicle.modelYear > latestModelYear)
  ) {
    problems.push({
      path: "vehicle.modelYear",
      code: "INVALID_MODEL_YEAR",
      message: `vehicle.modelYear must be a whole year from ${OLDEST_MODEL_YEAR} to ${latestModelYear ?? "the year after the loss"}`,
    });
  }
  const { mileage } = vehicle;
  if (
    mileage !== undefined &&
    mileage !== null &&
    (typeof mileage !== "number" || !Number.isFinite(mileage) || mileage < 0 || mileage > MAX_MILEAGE)
  ) {
    problems.push({
      path: "vehicle.mileage",
      code: "INVALID_MILEAGE",
      message: `vehicle.mileage must be a number of miles from 0 to ${MAX_MILEAGE}`,
    });
  }
  return problems;
}
