import { describe, expect, it } from "vitest";
import type { Place } from "../../src/domain/rental/place";
import {
  type RentalCoverage,
  type RentalDecision,
  type RentalRequest,
  selectRentalVendor,
} from "../../src/domain/rental/rental-selection";
import type { RentalVendor } from "../../src/domain/rental/rental-vendor";

const CUSTOMER: Place = { city: "San Francisco", state: "CA", zip: "94107", latitude: 37.7749, longitude: -122.4194 };
const COVERAGE: RentalCoverage = { dailyCapCents: 5_000, maxDays: 30 };

const vendor = (
  id: string,
  dailyRateCents: number,
  location: Place,
  changes: Partial<RentalVendor> = {},
): RentalVendor => ({
  id,
  name: `${id} Rental`,
  location,
  dailyRateCents,
  availableUnits: 2,
  ...changes,
});

// Miles from the customer: mission 0.6, soma 1.6, oakland 8.4, san-jose 42, los-angeles 347.
const MISSION: Place = { city: "San Francisco", state: "CA", zip: "94103", latitude: 37.7726, longitude: -122.4099 };
const SOMA: Place = { city: "San Francisco", state: "CA", zip: "94105", latitude: 37.7897, longitude: -122.3942 };
const OAKLAND: Place = { city: "Oakland", state: "CA", zip: "94612", latitude: 37.8044, longitude: -122.2712 };
const SAN_JOSE: Place = { city: "San Jose", state: "CA", zip: "95113", latitude: 37.3382, longitude: -121.8863 };
const LOS_ANGELES: Place = { city: "Los Angeles", state: "CA", zip: "90012", latitude: 34.0522, longitude: -118.2437 };

function decide(vendors: RentalVendor[], changes: Partial<RentalRequest> = {}): RentalDecision {
  const result = selectRentalVendor({
    customerLocation: CUSTOMER,
    coverage: COVERAGE,
    rentalDaysNeeded: 9,
    startDate: "2026-03-16",
    vendors,
    ...changes,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const bookedId = (decision: RentalDecision): string =>
  decision.booked ? decision.offer.vendor.id : `none: ${decision.reason}`;

describe("selectRentalVendor", () => {
  it.each<[string, RentalVendor[], Partial<RentalRequest>, string]>([
    [
      "the cheapest available vendor within the cap",
      [vendor("mission", 4_500, MISSION), vendor("oakland", 3_900, OAKLAND)],
      {},
      "oakland",
    ],
    [
      "the nearest of two at the same rate",
      [vendor("a-soma", 4_500, SOMA), vendor("z-mission", 4_500, MISSION)],
      {},
      "z-mission",
    ],
    ["a rate exactly at the cap", [vendor("mission", 5_000, MISSION)], {}, "mission"],
    [
      "a local vendor before a cheaper regional one",
      [vendor("mission", 4_800, MISSION), vendor("san-jose", 2_500, SAN_JOSE)],
      {},
      "mission",
    ],
    [
      "a regional vendor when every local one is above the cap",
      [vendor("mission", 6_000, MISSION), vendor("san-jose", 4_900, SAN_JOSE)],
      {},
      "san-jose",
    ],
    [
      "never a distant vendor, however cheap",
      [vendor("los-angeles", 1_000, LOS_ANGELES), vendor("soma", 4_900, SOMA)],
      {},
      "soma",
    ],
    [
      "not a vendor without cars",
      [vendor("oakland", 3_000, OAKLAND, { availableUnits: 0 }), vendor("soma", 4_900, SOMA)],
      {},
      "soma",
    ],
    [
      "not a vendor whose booking period ends before the rental does",
      [vendor("oakland", 3_000, OAKLAND, { availableUntil: "2026-03-20" }), vendor("soma", 4_900, SOMA)],
      {},
      "soma",
    ],
    [
      "not a vendor that opens after the rental starts",
      [vendor("oakland", 3_000, OAKLAND, { availableFrom: "2026-03-17" }), vendor("soma", 4_900, SOMA)],
      {},
      "soma",
    ],
    [
      "a vendor whose booking period covers the rental exactly",
      [
        vendor("oakland", 3_000, OAKLAND, { availableFrom: "2026-03-16", availableUntil: "2026-03-24" }),
        vendor("soma", 4_900, SOMA),
      ],
      {},
      "oakland",
    ],
    [
      "the same ZIP before the same city, without coordinates",
      [
        vendor("a-city", 4_000, { city: "san francisco", state: "California" }),
        vendor("z-zip", 4_000, { zip: "94107" }),
      ],
      { customerLocation: { city: "San Francisco", state: "CA", zip: "94107" } },
      "z-zip",
    ],
    [
      "the id as the last tie-breaker",
      [vendor("b", 4_000, { state: "CA" }), vendor("a", 4_000, { state: "CA" })],
      { customerLocation: { state: "CA" } },
      "a",
    ],
    ["nothing when the list is empty", [], {}, "none: NO_VENDOR_AVAILABLE"],
    [
      "nothing when no vendor has a car",
      [vendor("mission", 4_000, MISSION, { availableUnits: 0 })],
      {},
      "none: NO_VENDOR_AVAILABLE",
    ],
    [
      "nothing when only distant vendors have cars",
      [vendor("los-angeles", 1_000, LOS_ANGELES)],
      {},
      "none: NO_VENDOR_NEARBY",
    ],
    [
      "nothing when every nearby vendor is above the cap",
      [vendor("mission", 5_001, MISSION), vendor("san-jose", 7_000, SAN_JOSE)],
      {},
      "none: ALL_ABOVE_DAILY_CAP",
    ],
    [
      "nothing when the policy covers 0 days",
      [vendor("mission", 4_000, MISSION)],
      { coverage: { dailyCapCents: 5_000, maxDays: 0 } },
      "none: NO_RENTAL_COVERAGE",
    ],
    [
      "nothing when the policy pays $0 a day",
      [vendor("mission", 4_000, MISSION)],
      { coverage: { dailyCapCents: 0, maxDays: 30 } },
      "none: NO_RENTAL_COVERAGE",
    ],
    [
      "nothing when no day needs a car",
      [vendor("mission", 4_000, MISSION)],
      { rentalDaysNeeded: 0 },
      "none: NO_RENTAL_NEEDED",
    ],
  ])("books %s", (_, vendors, changes, expected) => {
    expect(bookedId(decide(vendors, changes))).toBe(expected);
  });

  it("books the repair days the policy covers and says how many are left over", () => {
    const decision = decide([vendor("mission", 4_250, MISSION)], {
      rentalDaysNeeded: 18,
      coverage: { dailyCapCents: 5_000, maxDays: 14 },
    });
    expect(decision).toMatchObject({
      booked: true,
      days: 14,
      dailyRateCents: 4_250,
      totalCents: 59_500,
      daysBeyondCoverage: 4,
    });
  });

  it("checks availability only for the covered days", () => {
    const decision = decide([vendor("mission", 4_000, MISSION, { availableUntil: "2026-03-22" })], {
      rentalDaysNeeded: 18,
      coverage: { dailyCapCents: 5_000, maxDays: 7 },
    });
    expect(bookedId(decision)).toBe("mission");
  });

  it("names the cheapest nearby vendor when all are above the cap", () => {
    const decision = decide([
      vendor("san-jose", 5_500, SAN_JOSE),
      vendor("soma", 6_500, SOMA),
      vendor("mission", 5_900, MISSION),
    ]);
    expect(decision.booked).toBe(false);
    if (!decision.booked) expect(decision.cheapestAboveCap?.vendor.id).toBe("mission");
  });

  it("picks the same vendor whatever order the table is in", () => {
    const vendors = [
      vendor("soma", 4_500, SOMA),
      vendor("mission", 4_500, MISSION),
      vendor("oakland", 4_500, OAKLAND),
      vendor("san-jose", 2_000, SAN_JOSE),
      vendor("los-angeles", 1_000, LOS_ANGELES),
    ];
    const picks = new Set(
      [vendors, [...vendors].reverse(), [vendors[2]!, vendors[4]!, vendors[0]!, vendors[3]!, vendors[1]!]].map(
        (order) => bookedId(decide(order)),
      ),
    );
    expect([...picks]).toEqual(["mission"]);
  });

  it("skips malformed vendor records, names them, and books among the rest", () => {
    const decision = decide([
      vendor("negative", -100, MISSION),
      vendor("nowhere", 1_000, {}),
      { ...vendor("", 1_000, MISSION) },
      null as unknown as RentalVendor,
      vendor("soma", 4_900, SOMA),
    ]);
    expect(bookedId(decision)).toBe("soma");
    expect(decision.vendorsIgnored).toEqual(["negative", "nowhere", "", "(no id)"]);
    expect(decision.vendorsContacted).toBe(1);
  });

  it.each<[string, Partial<RentalRequest>, string]>([
    ["a customer location nobody can find", { customerLocation: { city: "Somewhere" } }, "customerLocation"],
    ["coordinates off the globe", { customerLocation: { latitude: 91, longitude: 0 } }, "customerLocation"],
    ["a negative daily cap", { coverage: { dailyCapCents: -1, maxDays: 10 } }, "coverage.dailyCapCents"],
    ["fractional coverage days", { coverage: { dailyCapCents: 5_000, maxDays: 1.5 } }, "coverage.maxDays"],
    ["negative rental days", { rentalDaysNeeded: -2 }, "rentalDaysNeeded"],
    ["a start date that is not a date", { startDate: "soon" }, "startDate"],
    ["vendors that are not a list", { vendors: "all" as unknown as RentalVendor[] }, "vendors"],
  ])("refuses %s", (_, changes, path) => {
    const result = selectRentalVendor({
      customerLocation: CUSTOMER,
      coverage: COVERAGE,
      rentalDaysNeeded: 9,
      startDate: "2026-03-16",
      vendors: [],
      ...changes,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual([path]);
  });
});
