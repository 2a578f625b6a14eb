import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/csv";
import { type InsuredVehicle, valueVehicle } from "../../src/domain/settlement/actual-cash-value";
import { readVehicleMake } from "../../src/domain/settlement/vehicle-make";
import { readVehicleSegment } from "../../src/domain/settlement/vehicle-segment";

// The shared data sets are read when present (never copied into the repository): real makes as people type them.
const files = import.meta.glob(
  [
    "../../../shared/data/insurance_claims/insurance_claims.csv",
    "../../../shared/data/vehicle_claims_fraud/carclaims.csv",
  ],
  {
    query: "?raw",
    import: "default",
    eager: true,
  },
) as Record<string, string>;
const AUTO_CLAIMS = files["../../../shared/data/insurance_claims/insurance_claims.csv"];
const VEHICLE_CLAIMS = files["../../../shared/data/vehicle_claims_fraud/carclaims.csv"];

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ""])));
}

/** "15/03/2015" → "2015-03-15" */
const isoFromDayMonthYear = (text: string): string => text.split("/").reverse().join("-");

/** Vehicle age as written in the vehicle claims set: "new", "2 years", "more than 7". */
const ageFromText = (text: string): number => (text === "new" ? 0 : Number(/\d+/.exec(text)?.[0] ?? 0));

describe("real makes and body types", () => {
  if (!AUTO_CLAIMS || !VEHICLE_CLAIMS) {
    it.skip("../shared/data/insurance_claims and vehicle_claims_fraud are absent: real-data checks skipped", () => {});
    return;
  }
  const autoClaims = records(AUTO_CLAIMS);
  const vehicleClaims = records(VEHICLE_CLAIMS);

  it("reads every make in both claim sets, misspellings included, as a known make", () => {
    const makes = new Set([...autoClaims.map((r) => r.auto_make!), ...vehicleClaims.map((r) => r.Make!)]);
    const unread = [...makes].filter((make) => readVehicleMake(make).match === "unknown");
    expect(unread).toEqual([]);
    const read = Object.fromEntries(
      [...makes]
        .filter((make) => readVehicleMake(make).match !== "exact")
        .map((make) => [make, readVehicleMake(make).make]),
    );
    expect(read).toEqual({
      Suburu: "Subaru",
      Accura: "Acura",
      Nisson: "Nissan",
      Porche: "Porsche",
      Mecedes: "Mercedes-Benz",
      Mercedes: "Mercedes-Benz",
      VW: "Volkswagen",
    });
  });

  it("reads every vehicle category of the vehicle claims set as a body style", () => {
    const categories = [...new Set(vehicleClaims.map((r) => r.VehicleCategory!))].sort();
    expect(Object.fromEntries(categories.map((c) => [c, readVehicleSegment(c)]))).toEqual({
      Sedan: { segment: "sedan", recognized: true },
      Sport: { segment: "coupe", recognized: true },
      Utility: { segment: "suv", recognized: true },
    });
  });

  it("values every insured vehicle of both sets between its salvage floor and its new price", () => {
    const vehicles: [InsuredVehicle, string][] = [
      ...autoClaims.map((r): [InsuredVehicle, string] => [
        { make: r.auto_make!, vehicleType: "Sedan", modelYear: Number(r.auto_year) },
        isoFromDayMonthYear(r.incident_date!),
      ]),
      ...vehicleClaims.map((r): [InsuredVehicle, string] => [
        { make: r.Make!, vehicleType: r.VehicleCategory!, modelYear: Number(r.Year) - ageFromText(r.AgeOfVehicle!) },
        `${r.Year}-06-30`,
      ]),
    ];
    const outOfRange = vehicles.filter(([vehicle, lossDate]) => {
      const result = valueVehicle(vehicle, lossDate);
      if (!result.ok) return true;
      const { actualCashValueCents, salvageFloorCents, newPriceCents } = result.value;
      return actualCashValueCents < salvageFloorCents || actualCashValueCents > newPriceCents * 1.1;
    });
    expect(vehicles.length).toBe(autoClaims.length + vehicleClaims.length);
    expect(outOfRange).toEqual([]);
  });
});
