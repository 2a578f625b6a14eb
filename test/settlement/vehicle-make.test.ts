import { describe, expect, it } from "vitest";
import {
  MAKE_TIERS,
  MAKES_BY_TIER,
  type MakeMatch,
  type MakeTier,
  readVehicleMake,
} from "../../src/domain/settlement/vehicle-make";

describe("readVehicleMake", () => {
  it.each<[string, string, MakeTier, MakeMatch]>([
    ["Toyota", "Toyota", "mainstream", "exact"],
    ["TOYOTA", "Toyota", "mainstream", "exact"],
    ["toyota camry le", "Toyota", "mainstream", "exact"],
    ["Kia", "Kia", "mainstream", "exact"],
    ["Mitsubishi", "Mitsubishi", "economy", "exact"],
    ["BMW", "BMW", "premium", "exact"],
    ["Mercedes-Benz", "Mercedes-Benz", "premium", "exact"],
    ["Mercedes Benz", "Mercedes-Benz", "premium", "exact"],
    ["Land Rover Defender", "Land Rover", "premium", "exact"],
    ["Mini Cooper", "Mini", "mainstream", "exact"],
    ["Škoda", "Škoda", "mainstream", "exact"],
    ["Skoda", "Škoda", "mainstream", "exact"],
    ["Citroen", "Citroën", "mainstream", "exact"],
    ["Rolls Royce", "Rolls-Royce", "luxury", "exact"],
    ["Porsche", "Porsche", "luxury", "exact"],
    ["Ferrari", "Ferrari", "luxury", "exact"],
    ["VW", "Volkswagen", "mainstream", "alias"],
    ["Chevy", "Chevrolet", "mainstream", "alias"],
    ["Mercedes", "Mercedes-Benz", "premium", "alias"],
    ["Range Rover Sport", "Land Rover", "premium", "alias"],
    // Misspellings as they occur in real claim data sets.
    ["Suburu", "Subaru", "mainstream", "approximate"],
    ["Accura", "Acura", "premium", "approximate"],
    ["Nisson", "Nissan", "mainstream", "approximate"],
    ["Porche", "Porsche", "luxury", "approximate"],
    ["Mecedes", "Mercedes-Benz", "premium", "approximate"],
    ["Hyundia", "Hyundai", "mainstream", "approximate"],
    ["Volkswagon", "Volkswagen", "mainstream", "approximate"],
    ["Lamborgini", "Lamborghini", "luxury", "approximate"],
    ["Infinity", "Infiniti", "premium", "approximate"],
  ])("%s → %s (%s, %s)", (text, make, tier, match) => {
    expect(readVehicleMake(text)).toEqual({ make, tier, match });
  });

  it.each(["", "   ", "Zastava", "Trabant", "XYZ", "Kai", "Fort", "12345"])(
    "treats %j as an unknown make of the mainstream tier",
    (text) => {
      expect(readVehicleMake(text)).toEqual({ make: null, tier: "mainstream", match: "unknown" });
    },
  );

  it("lists every make once, in one tier", () => {
    const all = MAKE_TIERS.flatMap((tier) => MAKES_BY_TIER[tier].map((make) => make.toLowerCase()));
    expect(new Set(all).size).toBe(all.length);
  });

  it("reads every listed make back to itself and its tier", () => {
    for (const tier of MAKE_TIERS) {
      for (const make of MAKES_BY_TIER[tier]) expect(readVehicleMake(make)).toEqual({ make, tier, match: "exact" });
    }
  });
});
