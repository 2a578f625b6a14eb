import { describe, expect, it } from "vitest";
import {
  fraudScoreBatchSchema,
  fraudScoreOptionsSchema,
  insuranceClaimInputSchema,
  toRawClaim,
  vehicleClaimInputSchema,
} from "../../src/domain/fraud/score-input";

const valid = {
  policy_annual_premium: 1406.91,
  total_claim_amount: 71610,
  vehicle_age: 11,
  days_since_bind: 100,
  months_as_customer: 328,
  "capital-gains": 53300,
  "capital-loss": 0,
  injury_share: 0.09,
  property_share: 0.18,
  age: 48,
  umbrella_limit: 0,
  incident_hour_of_the_day: 5,
  collision_type: "Side Collision",
  incident_severity: "Major Damage",
  authorities_contacted: "Police",
  number_of_vehicles_involved: 1,
  bodily_injuries: 1,
  police_report_available: "YES",
  insured_hobbies: "chess",
};

describe("fraud score input", () => {
  it("accepts the example auto claim and further columns; everything absent is fine too", () => {
    expect(insuranceClaimInputSchema.safeParse(valid).success).toBe(true);
    expect(insuranceClaimInputSchema.safeParse({}).success).toBe(true);
    expect(insuranceClaimInputSchema.safeParse({ incident_severity: "Meteor Strike" }).success).toBe(true);
  });

  it.each([
    ["negative premium", { policy_annual_premium: -5 }, "policy_annual_premium"],
    ["hour 25", { incident_hour_of_the_day: 25 }, "incident_hour_of_the_day"],
    ["fractional hour", { incident_hour_of_the_day: 3.5 }, "incident_hour_of_the_day"],
    ["share above 1", { injury_share: 1.5 }, "injury_share"],
    ["amount as text", { total_claim_amount: "a lot" }, "total_claim_amount"],
    ["category as number", { incident_severity: 3 }, "incident_severity"],
    ["zero vehicles", { number_of_vehicles_involved: 0 }, "number_of_vehicles_involved"],
    ["bad date", { incident_date: "yesterday" }, "incident_date"],
    ["negative umbrella", { umbrella_limit: -1000000 }, "umbrella_limit"],
  ])("rejects %s", (_, patch, path) => {
    const r = insuranceClaimInputSchema.safeParse({ ...valid, ...patch });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([path]);
  });

  it("options default like the fraud-scoring service's and parse query strings", () => {
    expect(fraudScoreOptionsSchema.parse({})).toEqual({
      model: "rf",
      calibrated: true,
      scenario: "dashboard",
      explain: true,
      dataset: "insurance_claims",
    });
    expect(
      fraudScoreOptionsSchema.parse({ model: "gbdt", calibrated: "false", scenario: "auto_flagger", explain: "0" }),
    ).toMatchObject({ model: "gbdt", calibrated: false, explain: false });
    expect(fraudScoreOptionsSchema.parse({ model: "xgb" }).model).toBe("gbdt");
    expect(fraudScoreOptionsSchema.safeParse({ model: "svm" }).success).toBe(false);
    expect(fraudScoreOptionsSchema.safeParse({ scenario: "batch" }).success).toBe(false);
  });

  it("batch form per data set", () => {
    expect(fraudScoreBatchSchema.safeParse({ claims: [valid, {}] }).success).toBe(true);
    expect(
      fraudScoreBatchSchema.safeParse({ dataset: "vehicle_claims_fraud", claims: [{ Make: "Honda", Age: 34 }] })
        .success,
    ).toBe(true);
    expect(fraudScoreBatchSchema.safeParse({ claims: [] }).success).toBe(false);
    expect(vehicleClaimInputSchema.safeParse({ Age: -1 }).success).toBe(false);
  });

  it("null facts become absent", () => {
    expect(toRawClaim({ a: 1, b: null, c: undefined, d: "x" })).toEqual({ a: 1, d: "x" });
  });
});
