import { describe, expect, it } from "vitest";
import { type RentalDecision, selectRentalVendor } from "../../src/domain/rental/rental-selection";
import type { RentalVendor } from "../../src/domain/rental/rental-vendor";
import { vendorFinalizedDetail } from "../../src/domain/rental/vendor-event";
import { vendorMessage } from "../../src/domain/rental/vendor-message";

const CLAIM_ID = "b33af013-763c-4da7-94ba-37cdaace999e";
const HERE = { city: "Columbus", state: "OH", zip: "43215" };

const enterprise: RentalVendor = {
  id: "enterprise-cmh",
  name: "Enterprise Rental car",
  location: HERE,
  dailyRateCents: 4_299,
  availableUnits: 4,
};
const hertz: RentalVendor = {
  id: "hertz-cmh",
  name: "Hertz",
  location: HERE,
  dailyRateCents: 5_150,
  availableUnits: 1,
};

function decide(vendors: RentalVendor[], dailyCapCents = 5_000, rentalDaysNeeded = 9, maxDays = 30): RentalDecision {
  const result = selectRentalVendor({
    customerLocation: HERE,
    coverage: { dailyCapCents, maxDays },
    rentalDaysNeeded,
    startDate: "2026-03-16",
    vendors,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe("vendorMessage", () => {
  it.each<[string, RentalDecision, boolean, string]>([
    [
      "a booking among several vendors",
      decide([enterprise, hertz]),
      false,
      `Multiple car rental vendors were contacted for claim with id ${CLAIM_ID}. Enterprise Rental car has been finalized for you to temporarily use until your car is repaired.`,
    ],
    [
      "a booking with the only vendor",
      decide([enterprise]),
      false,
      `One car rental vendor was contacted for claim with id ${CLAIM_ID}. Enterprise Rental car has been finalized for you to temporarily use until your car is repaired.`,
    ],
    [
      "a booking for a total loss",
      decide([enterprise, hertz]),
      true,
      `Multiple car rental vendors were contacted for claim with id ${CLAIM_ID}. Enterprise Rental car has been finalized for you to temporarily use until your total-loss claim is settled.`,
    ],
    [
      "a booking shorter than the repair",
      decide([enterprise, hertz], 5_000, 18, 14),
      false,
      `Multiple car rental vendors were contacted for claim with id ${CLAIM_ID}. Enterprise Rental car has been finalized for you to temporarily use until your car is repaired. Your policy covers 14 of the 18 days you need the car.`,
    ],
    [
      "every vendor above the cap",
      decide([enterprise, hertz], 3_000),
      false,
      `Car rental vendors were contacted for claim with id ${CLAIM_ID}, but every vendor near you charges more than your coverage of $30.00 a day (the lowest is $42.99 a day at Enterprise Rental car), so no rental car has been finalized.`,
    ],
    [
      "no coverage",
      decide([enterprise], 0),
      false,
      `Your policy does not include rental car coverage, so no rental car was booked for claim with id ${CLAIM_ID}.`,
    ],
    [
      "no car available",
      decide([{ ...enterprise, availableUnits: 0 }]),
      false,
      `Car rental vendors were contacted for claim with id ${CLAIM_ID}, but none has a car available for your dates, so no rental car has been finalized yet.`,
    ],
    [
      "no vendor nearby",
      decide([{ ...enterprise, location: { city: "Phoenix", state: "AZ" } }]),
      false,
      `Car rental vendors were contacted for claim with id ${CLAIM_ID}, but none with a car available is near you, so no rental car has been finalized yet.`,
    ],
  ])("%s", (_, decision, totalLoss, message) => {
    expect(vendorMessage(decision, { claimId: CLAIM_ID, totalLoss })).toBe(message);
  });
});

describe("vendorFinalizedDetail", () => {
  it("carries the booked vendor, its daily rate in dollars, the days and the message", () => {
    expect(
      vendorFinalizedDetail(decide([hertz, enterprise]), {
        claimId: CLAIM_ID,
        customerId: "customer-1",
        totalLoss: false,
      }),
    ).toEqual({
      customerId: "customer-1",
      claimId: CLAIM_ID,
      finalized: true,
      vendor: "Enterprise Rental car",
      vendorId: "enterprise-cmh",
      daily_rate: 42.99,
      days: 9,
      total_cost: 386.91,
      currency: "USD",
      reason: null,
      vendorMessage: `Multiple car rental vendors were contacted for claim with id ${CLAIM_ID}. Enterprise Rental car has been finalized for you to temporarily use until your car is repaired.`,
    });
  });

  it("says that none fits, and why", () => {
    const detail = vendorFinalizedDetail(decide([hertz], 3_000), {
      claimId: CLAIM_ID,
      customerId: "customer-1",
      totalLoss: false,
    });
    expect(detail).toMatchObject({
      finalized: false,
      vendor: null,
      vendorId: null,
      daily_rate: null,
      days: 0,
      total_cost: null,
      reason: "ALL_ABOVE_DAILY_CAP",
    });
    expect(detail.vendorMessage).toContain("$30.00 a day");
  });
});
