import { describe, expect, it } from "vitest";
import { csvObjects as parseCsv } from "../../src/csv";
import { encodeClaim, fitFeatureSchema, rangeNumber, readFeatures } from "../../src/domain/fraud/features";
import { syntheticInsuranceClaims } from "./synthetic";

const schema = fitFeatureSchema("insurance_claims", syntheticInsuranceClaims(300, 1));
const col = (name: string) => schema.columns.findIndex((c) => c.name === name);

describe("insurance_claims features", () => {
  it("derives vehicle age, days since bind and the claim shares from the data set's columns", () => {
    const v = readFeatures(schema, {
      auto_year: "2004",
      incident_date: "25/01/2015",
      policy_bind_date: "17/10/2014",
      total_claim_amount: "71610",
      injury_claim: "6510",
      property_claim: "13020",
    });
    expect(v.vehicle_age).toBe(11);
    expect(v.days_since_bind).toBe(100);
    expect(v.injury_share).toBeCloseTo(6510 / 71610, 12);
    expect(v.property_share).toBeCloseTo(13020 / 71610, 12);
  });

  it("takes the fraud-scoring clients' derived inputs directly when the client sends them", () => {
    const v = readFeatures(schema, {
      vehicle_age: 3,
      days_since_bind: 400,
      injury_share: 0.2,
      auto_year: 1990,
      incident_date: "2015-01-01",
    });
    expect(v).toMatchObject({ vehicle_age: 3, days_since_bind: 400, injury_share: 0.2 });
  });

  it.each([
    ["? is missing", { collision_type: "?" }],
    ["absent is missing", {}],
    ["null is missing", { collision_type: null }],
    ["empty is missing", { collision_type: "  " }],
  ])("%s: every one-hot column of the feature is NaN", (_, raw) => {
    const x = encodeClaim(schema, raw);
    for (const c of schema.categories.collision_type ?? [])
      expect(Number.isNaN(x[col(`collision_type=${c}`)])).toBe(true);
  });

  it("a known category sets its column; an unseen one is all zeros, never an error", () => {
    const known = encodeClaim(schema, { incident_severity: "Major Damage" });
    expect(known[col("incident_severity=Major Damage")]).toBe(1);
    expect(known[col("incident_severity=Minor Damage")]).toBe(0);
    const unseen = encodeClaim(schema, { incident_severity: "Meteor Strike" });
    for (const c of schema.categories.incident_severity ?? []) expect(unseen[col(`incident_severity=${c}`)]).toBe(0);
  });

  it("numbers may come as numbers or numeric text; junk is missing", () => {
    expect(encodeClaim(schema, { total_claim_amount: 5000 })[col("total_claim_amount")]).toBe(5000);
    expect(encodeClaim(schema, { total_claim_amount: "5,000" })[col("total_claim_amount")]).toBe(5000);
    expect(Number.isNaN(encodeClaim(schema, { total_claim_amount: "lots" })[col("total_claim_amount")])).toBe(true);
  });

  it("categories are learned from training rows only, with a minimum count", () => {
    expect(schema.categories.insured_hobbies).toEqual(["camping", "chess", "cross-fit", "golf", "movies", "reading"]);
    expect(schema.columns.length).toBe(new Set(schema.columns.map((c) => c.name)).size);
  });
});

describe("vehicle_claims_fraud features", () => {
  const rows = parseCsv(
    "Month,WeekOfMonth,MonthClaimed,WeekOfMonthClaimed,Age,VehiclePrice,Days:Policy-Accident,AddressChange-Claim,PastNumberOfClaims,AgeOfVehicle,Year,FraudFound\n" +
      'Jan,3,Feb,1,0,"more than 69,000",more than 30,no change,2 to 4,new,1994,No\n' +
      'Dec,5,Jan,2,34,"20,000 to 29,000",none,under 6 months,none,7 years,1995,Yes\n',
  );
  const vs = fitFeatureSchema("vehicle_claims_fraud", rows, 1);

  it("parses range texts, treats Age 0 as missing and derives the claim delay", () => {
    const a = readFeatures(vs, rows[0]!);
    expect(a).toMatchObject({
      VehiclePrice: 69000 * 1.15,
      "Days:Policy-Accident": 30 * 1.15,
      "AddressChange-Claim": 20,
      PastNumberOfClaims: 3,
      AgeOfVehicle: 0,
      claim_delay_months: 1,
      accident_period: 0,
    });
    expect(a.Age).toBeUndefined();
    const b = readFeatures(vs, rows[1]!);
    expect(b).toMatchObject({
      Age: 34,
      VehiclePrice: 24500,
      "Days:Policy-Accident": 0,
      PastNumberOfClaims: 0,
      AgeOfVehicle: 7,
      claim_delay_months: 1,
      accident_period: 23,
    });
    expect(b["AddressChange-Claim"]).toBeCloseTo(0.375);
  });

  it.each([
    ["3 to 5", 4],
    ["more than 30", 34.5],
    ["less than 20,000", 15000],
    ["under 6 months", 0.375],
    ["1 year", 1],
    ["none", 0],
    ["whatever", undefined],
  ])("rangeNumber(%s) = %s", (text, value) => {
    if (value === undefined) expect(rangeNumber(text)).toBeUndefined();
    else expect(rangeNumber(text)).toBeCloseTo(value, 9);
  });
});

describe("CSV", () => {
  it("reads quoted fields with commas and doubled quotes, CRLF lines", () => {
    expect(parseCsv('a,b\r\n"1,5","say ""hi"""\r\n2,\r\n')).toEqual([
      { a: "1,5", b: 'say "hi"' },
      { a: "2", b: "" },
    ]);
  });
});
