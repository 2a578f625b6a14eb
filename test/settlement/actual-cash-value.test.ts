import { describe, expect, it } from "vitest";
import {
  type InsuredVehicle,
  type VehicleValuation,
  valueVehicle,
} from "../../src/domain/settlement/actual-cash-value";
import { mileageAdjustment, retainedValueShare } from "../../src/domain/settlement/depreciation";
import { newVehiclePriceCents } from "../../src/domain/settlement/new-vehicle-price";

const LOSS_DATE = "2026-01-01";

function valued(vehicle: InsuredVehicle, lossDate = LOSS_DATE): VehicleValuation {
  const result = valueVehicle(vehicle, lossDate);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const sedan = (changes: Partial<InsuredVehicle> = {}): InsuredVehicle => ({
  make: "Toyota",
  vehicleType: "Sedan",
  modelYear: 2021,
  mileage: 60_000,
  ...changes,
});
const FIVE_YEAR_OLD_SEDAN_CENTS = Math.round(3_000_000 * 0.8 * 0.85 ** 4);

describe("retainedValueShare", () => {
  it.each<[number, number]>([
    [0, 1],
    [0.5, 0.9],
    [1, 0.8],
    [2, 0.68],
    [3, 0.578],
    [6, 0.8 * 0.85 ** 5],
    [-3, 1],
  ])("a mainstream sedan keeps at %f years %f of its new price", (age, share) => {
    expect(retainedValueShare(age, "sedan", "mainstream")).toBeCloseTo(share, 10);
  });

  it("pickups hold value better than sedans, luxury cars worse than mainstream ones", () => {
    expect(retainedValueShare(5, "pickup", "mainstream")).toBeGreaterThan(retainedValueShare(5, "sedan", "mainstream"));
    expect(retainedValueShare(5, "sedan", "luxury")).toBeLessThan(retainedValueShare(5, "sedan", "mainstream"));
  });
});

describe("mileageAdjustment", () => {
  it.each<[string, number, number, number]>([
    ["exactly the expected miles", 60_000, 5, 0],
    ["10,000 miles over", 70_000, 5, -0.04],
    ["10,000 miles under", 50_000, 5, 0.04],
    ["far over: bounded at -30%", 400_000, 5, -0.3],
    ["far under: bounded at +10%", 0, 10, 0.1],
    ["brand new with a delivery mileage", 12, 0, -0.000048],
  ])("%s", (_, mileage, age, adjustment) => {
    expect(mileageAdjustment(mileage, age)).toBeCloseTo(adjustment, 10);
  });
});

describe("valueVehicle", () => {
  it("values a five-year-old mainstream sedan at the expected mileage by the table", () => {
    const valuation = valued(sedan({ modelYear: 2021, mileage: 60_000 }));
    expect(valuation.ageYears).toBe(5);
    expect(valuation.expectedMileage).toBe(60_000);
    expect(valuation.newPriceCents).toBe(3_000_000);
    expect(valuation.actualCashValueCents).toBe(FIVE_YEAR_OLD_SEDAN_CENTS);
    expect(valuation.assumptions).toEqual([]);
    expect(valuation.reviewRecommended).toBe(false);
  });

  it.each<[string, InsuredVehicle, InsuredVehicle]>([
    [
      "a new car is worth more than an old one",
      sedan({ modelYear: 2026, mileage: 6_000 }),
      sedan({ modelYear: 2012, mileage: 174_000 }),
    ],
    ["low mileage is worth more than high mileage", sedan({ mileage: 30_000 }), sedan({ mileage: 150_000 })],
    ["a luxury make is worth more than an economy one", sedan({ make: "Maserati" }), sedan({ make: "Suzuki" })],
    ["a premium make is worth more than a mainstream one", sedan({ make: "Lexus" }), sedan({ make: "Toyota" })],
    ["a pickup is worth more than a hatchback", sedan({ vehicleType: "Pickup" }), sedan({ vehicleType: "Hatchback" })],
  ])("%s", (_, worthMore, worthLess) => {
    expect(valued(worthMore).actualCashValueCents).toBeGreaterThan(valued(worthLess).actualCashValueCents);
  });

  it("bounds the high-mileage penalty at 30%", () => {
    const valuation = valued(sedan({ mileage: 900_000 }));
    expect(valuation.mileageAdjustment).toBe(-0.3);
    expect(valuation.actualCashValueCents).toBe(Math.round(3_000_000 * 0.8 * 0.85 ** 4 * 0.7));
  });

  it("never values a running car below the salvage floor", () => {
    const valuation = valued({ make: "Geo", vehicleType: "Hatchback", modelYear: 1996, mileage: 420_000 });
    expect(valuation.floored).toBe(true);
    expect(valuation.actualCashValueCents).toBe(valuation.salvageFloorCents);
    expect(valuation.salvageFloorCents).toBe(Math.round(newVehiclePriceCents("hatchback", "economy") * 0.1));
    expect(valuation.assumptions).toContain("value raised to the salvage floor (10% of the new price)");
    expect(valuation.assumptions.some((a) => a.startsWith("vehicle over 25 years old"))).toBe(true);
    expect(valuation.reviewRecommended).toBe(true);
  });

  it("counts a next-model-year car bought before its model year as new", () => {
    const valuation = valued(sedan({ modelYear: 2027, mileage: 300 }), "2026-10-15");
    expect(valuation.ageYears).toBe(0);
    expect(valuation.actualCashValueCents).toBe(Math.round(3_000_000 * (1 + mileageAdjustment(300, 0))));
  });

  it.each<[string, Partial<InsuredVehicle>, string, boolean]>([
    [
      "unknown make → mainstream",
      { make: "Zastava" },
      "make 'Zastava' is not in the make list: valued as a mainstream make",
      true,
    ],
    ["misspelt make → the make meant", { make: "Suburu" }, "make 'Suburu' read as Subaru", false],
    [
      "unknown type → sedan",
      { vehicleType: "hovercraft" },
      "vehicle type 'hovercraft' is not recognised: valued as a sedan",
      true,
    ],
    [
      "unknown mileage → expected",
      { mileage: null },
      "mileage unknown: assumed the expected 12,000 miles a year (60,000 miles)",
      false,
    ],
  ])("states its assumption: %s", (_, changes, assumption, review) => {
    const valuation = valued(sedan(changes));
    expect(valuation.assumptions).toEqual([assumption]);
    expect(valuation.reviewRecommended).toBe(review);
  });

  it("values an unknown make like a mainstream one and an unknown type like a sedan", () => {
    expect(valued(sedan({ make: "Zastava" })).actualCashValueCents).toBe(valued(sedan()).actualCashValueCents);
    expect(valued(sedan({ vehicleType: "hovercraft" })).actualCashValueCents).toBe(
      valued(sedan()).actualCashValueCents,
    );
  });

  it("values an unknown mileage as the expected mileage", () => {
    expect(valued(sedan({ mileage: undefined })).actualCashValueCents).toBe(
      valued(sedan({ mileage: 60_000 })).actualCashValueCents,
    );
  });

  it.each<[string, Partial<InsuredVehicle>, string, string]>([
    ["a model year after next", { modelYear: 2028 }, LOSS_DATE, "vehicle.modelYear"],
    ["a fractional model year", { modelYear: 2020.5 }, LOSS_DATE, "vehicle.modelYear"],
    ["a model year before cars", { modelYear: 1850 }, LOSS_DATE, "vehicle.modelYear"],
    ["a negative mileage", { mileage: -1 }, LOSS_DATE, "vehicle.mileage"],
    ["a mileage beyond any odometer", { mileage: 5_000_000 }, LOSS_DATE, "vehicle.mileage"],
    ["a mileage that is not a number", { mileage: Number.NaN }, LOSS_DATE, "vehicle.mileage"],
    ["a blank make", { make: "  " }, LOSS_DATE, "vehicle.make"],
    ["a date that does not exist", {}, "2026-02-30", "lossDate"],
    ["a date in another format", {}, "07/01/2026", "lossDate"],
  ])("refuses %s", (_, changes, lossDate, path) => {
    const result = valueVehicle(sedan(changes), lossDate);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual([path]);
  });

  it("counts part of a year by the calendar: 2 July is half-way through 2026", () => {
    expect(valued(sedan(), "2026-07-02").ageYears).toBe(5.5);
  });

  it("accepts a loss timestamp with a zone", () => {
    expect(valued(sedan(), "2026-01-01T12:00:00Z").ageYears).toBe(5);
    expect(valued(sedan(), "2026-07-02T08:30:00+02:00").ageYears).toBe(5.5);
  });
});
