import { describe, expect, it } from "vitest";
import { selectRentalVendor } from "../../src/domain/rental/rental-selection";
import type { RentalVendor } from "../../src/domain/rental/rental-vendor";
import { valueVehicle } from "../../src/domain/settlement/actual-cash-value";
import { estimateRepair } from "../../src/domain/settlement/repair-estimate";
import { finalizeSettlement, type Settlement } from "../../src/domain/settlement/settlement";
import { assessSettlement } from "../../src/domain/settlement/settlement-assessment";
import { reviseSettlement } from "../../src/domain/settlement/settlement-override";
import { readVehicleMake } from "../../src/domain/settlement/vehicle-make";

// Whatever arrives, the answer is a list of problems, never an exception.
const anything = <T>(value: unknown): T => value as T;

describe("hostile input", () => {
  it.each<[string, () => { ok: boolean }]>([
    ["a vehicle that is null", () => valueVehicle(anything(null), "2026-01-01")],
    [
      "a make of a million characters",
      () => valueVehicle({ make: "Toyota ".repeat(150_000), vehicleType: "Sedan", modelYear: 2020 }, "2026-01-01"),
    ],
    [
      "a vehicle type that is a number",
      () => valueVehicle({ make: "Ford", vehicleType: anything(42), modelYear: 2020 }, "2026-01-01"),
    ],
    [
      "a loss date that is an object",
      () => valueVehicle({ make: "Ford", vehicleType: "Sedan", modelYear: 2020 }, anything({})),
    ],
    [
      "severity probabilities that are null",
      () => estimateRepair(anything(null), { segment: "sedan", makeTier: "mainstream", newPriceCents: 1 }),
    ],
    ["a vehicle for repair that is null", () => estimateRepair({ minor: 1, moderate: 0, severe: 0 }, anything(null))],
    ["a settlement request that is null", () => finalizeSettlement(anything(null))],
    ["settlement rules that are null", () => finalizeSettlement(anything({}), anything(null))],
    ["an assessment request with nothing in it", () => assessSettlement(anything({}))],
    ["an assessment request that is null", () => assessSettlement(anything(null))],
    [
      "an override that is null",
      () =>
        reviseSettlement(anything<Settlement>({ version: 1 }), anything(null), {
          settlementId: "s",
          decidedAt: "2026-01-01",
        }),
    ],
    ["a rental request that is null", () => selectRentalVendor(anything(null))],
    ["a rental request with nothing in it", () => selectRentalVendor(anything({}))],
  ])("refuses %s with problems", (_, call) => {
    const result = call();
    expect(result.ok).toBe(false);
  });

  it("reads a make from a million-character string in bounded time", () => {
    expect(readVehicleMake(`Porsche ${"x ".repeat(500_000)}`).make).toBe("Porsche");
    expect(readVehicleMake("Porschx".repeat(100_000)).match).toBe("unknown");
  });

  it("selects among 20,000 vendors, skipping the malformed ones", () => {
    const vendors: RentalVendor[] = Array.from({ length: 20_000 }, (_, i) =>
      i % 2 === 0
        ? {
            id: `v${i}`,
            name: `Vendor ${i}`,
            location: { state: "OH", zip: `43${String(i % 1000).padStart(3, "0")}` },
            dailyRateCents: 3_000 + (i % 997),
            availableUnits: i % 3,
          }
        : anything<RentalVendor>({ id: i, dailyRateCents: "cheap" }),
    );
    const result = selectRentalVendor({
      customerLocation: { state: "OH", zip: "43215" },
      coverage: { dailyCapCents: 4_000, maxDays: 10 },
      rentalDaysNeeded: 5,
      startDate: "2026-03-16",
      vendors,
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.booked).toBe(true);
      expect(result.value.vendorsIgnored).toHaveLength(10_000);
    }
  });
});
