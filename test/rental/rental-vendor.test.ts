import { describe, expect, it } from "vitest";
import { type RentalVendor, rentalVendorProblems } from "../../src/domain/rental/rental-vendor";

const valid: RentalVendor = {
  id: "enterprise-sfo-3",
  name: "Enterprise",
  location: { city: "San Francisco", state: "CA", zip: "94107", latitude: 37.77, longitude: -122.42 },
  dailyRateCents: 4_500,
  availableUnits: 3,
  availableFrom: "2026-01-01",
  availableUntil: "2026-12-31",
};

describe("rentalVendorProblems", () => {
  it("accepts a complete vendor, and one located by a state alone", () => {
    expect(rentalVendorProblems(valid)).toEqual([]);
    expect(
      rentalVendorProblems({ ...valid, location: { state: "Texas" }, availableFrom: null, availableUntil: undefined }),
    ).toEqual([]);
  });

  it.each<[string, Partial<RentalVendor>, string, string]>([
    ["no name", { name: "" }, "vendor.name", "REQUIRED"],
    ["a negative rate", { dailyRateCents: -1 }, "vendor.dailyRateCents", "NEGATIVE_AMOUNT"],
    ["a rate in dollars with cents", { dailyRateCents: 45.5 }, "vendor.dailyRateCents", "NOT_CENTS"],
    ["an absurd rate", { dailyRateCents: 5_000_000 }, "vendor.dailyRateCents", "AMOUNT_TOO_LARGE"],
    ["fractional units", { availableUnits: 1.5 }, "vendor.availableUnits", "INVALID_UNITS"],
    ["a latitude without a longitude", { location: { latitude: 37.7 } }, "vendor.location", "INVALID_COORDINATES"],
    ["a foreign state", { location: { city: "Munich", state: "Bavaria" } }, "vendor.location.state", "UNKNOWN_STATE"],
    ["a malformed ZIP", { location: { zip: "ABCDE" } }, "vendor.location.zip", "INVALID_ZIP"],
    ["only a city", { location: { city: "Springfield" } }, "vendor.location", "LOCATION_UNKNOWN"],
    [
      "a period that ends before it starts",
      { availableFrom: "2026-06-01", availableUntil: "2026-05-01" },
      "vendor.availableUntil",
      "INVALID_PERIOD",
    ],
    ["a date that does not exist", { availableFrom: "2026-13-01" }, "vendor.availableFrom", "INVALID_DATE"],
  ])("refuses %s", (_, changes, path, code) => {
    expect(rentalVendorProblems({ ...valid, ...changes }).map((p) => [p.path, p.code])).toEqual([[path, code]]);
  });
});
