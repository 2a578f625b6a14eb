import { describe, expect, it } from "vitest";
import { milesBetween } from "../../src/domain/rental/distance";
import { cityKey, stateCode, zip5 } from "../../src/domain/rental/place";
import { type ProximityTier, proximityOf } from "../../src/domain/rental/proximity";

const SAN_FRANCISCO = { latitude: 37.7749, longitude: -122.4194 };
const OAKLAND = { latitude: 37.8044, longitude: -122.2712 };
const SAN_JOSE = { latitude: 37.3382, longitude: -121.8863 };
const LOS_ANGELES = { latitude: 34.0522, longitude: -118.2437 };
const MANHATTAN = { latitude: 40.7128, longitude: -74.006 };
const JERSEY_CITY = { latitude: 40.7178, longitude: -74.0431 };

describe("place parts", () => {
  it.each<[string | null | undefined, string | undefined]>([
    ["CA", "CA"],
    ["ca", "CA"],
    ["California", "CA"],
    [" new york ", "NY"],
    ["Washington, D.C.", "DC"],
    ["District of Columbia", "DC"],
    ["Puerto Rico", "PR"],
    ["XX", undefined],
    ["Bavaria", undefined],
    ["", undefined],
    [null, undefined],
  ])("state %j → %s", (text, code) => {
    expect(stateCode(text)).toBe(code);
  });

  it.each<[string, string]>([
    ["St. Louis", "st louis"],
    ["Saint Louis", "st louis"],
    ["FORT  WORTH", "ft worth"],
    ["Ft. Worth", "ft worth"],
    ["Mount Vernon", "mt vernon"],
  ])("city %j compares as %j", (text, key) => {
    expect(cityKey(text)).toBe(key);
  });

  it.each<[string, string | undefined]>([
    ["94107", "94107"],
    ["94107-1234", "94107"],
    [" 94107 1234 ", "94107"],
    ["9410", undefined],
    ["SW1A 1AA", undefined],
  ])("ZIP %j → %s", (text, zip) => {
    expect(zip5(text)).toBe(zip);
  });
});

describe("milesBetween", () => {
  it.each<[string, typeof SAN_FRANCISCO, typeof SAN_FRANCISCO, number]>([
    ["San Francisco to Oakland", SAN_FRANCISCO, OAKLAND, 8.4],
    ["San Francisco to San Jose", SAN_FRANCISCO, SAN_JOSE, 42],
    ["San Francisco to Los Angeles", SAN_FRANCISCO, LOS_ANGELES, 347],
    ["a place to itself", SAN_FRANCISCO, SAN_FRANCISCO, 0],
  ])("%s ≈ %f miles", (_, a, b, miles) => {
    expect(milesBetween(a, b)).toBeCloseTo(miles, miles > 100 ? -1 : 0);
  });
});

describe("proximityOf", () => {
  it.each<[string, object, object, ProximityTier]>([
    ["coordinates a few miles apart", SAN_FRANCISCO, OAKLAND, "local"],
    ["coordinates across a state line", { ...MANHATTAN, state: "NY" }, { ...JERSEY_CITY, state: "NJ" }, "local"],
    ["coordinates 42 miles apart", SAN_FRANCISCO, SAN_JOSE, "regional"],
    [
      "coordinates 347 miles apart, same state",
      { ...SAN_FRANCISCO, state: "CA" },
      { ...LOS_ANGELES, state: "CA" },
      "distant",
    ],
    ["the same ZIP code", { zip: "94107" }, { zip: "94107-2201" }, "local"],
    [
      "the same city and state in other words",
      { city: "St. Louis", state: "Missouri" },
      { city: "Saint Louis", state: "MO" },
      "local",
    ],
    ["the same ZIP area", { zip: "94107" }, { zip: "94110" }, "local"],
    ["the same state only", { city: "San Francisco", state: "CA" }, { city: "Fresno", state: "CA" }, "regional"],
    [
      "a city of the same name in another state",
      { city: "Springfield", state: "IL" },
      { city: "Springfield", state: "MO" },
      "distant",
    ],
    ["nothing in common", { zip: "94107" }, { state: "TX" }, "distant"],
  ])("%s → %s", (_, customer, vendor, tier) => {
    expect(proximityOf(customer, vendor).tier).toBe(tier);
  });
});
