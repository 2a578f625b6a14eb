import { beforeAll, describe, expect, it } from "vitest";
import insEt from "../../models/fraud/insurance_claims-et.onnx";
import insGbdt from "../../models/fraud/insurance_claims-gbdt.onnx";
import insGbdtCal from "../../models/fraud/insurance_claims-gbdt-calibrated.onnx";
import insRf from "../../models/fraud/insurance_claims-rf.onnx";
import insRfCal from "../../models/fraud/insurance_claims-rf-calibrated.onnx";
import insVoting from "../../models/fraud/insurance_claims-voting.onnx";
import insVotingCal from "../../models/fraud/insurance_claims-voting-calibrated.onnx";
import vehGbdt from "../../models/fraud/vehicle_claims_fraud-gbdt.onnx";
import reserveOnnx from "../../models/reserve/insurance_claims-reserve.onnx";
import { encodeClaim } from "../../src/domain/fraud/features";
import { ModelSet } from "../../src/domain/fraud/model-set";
import { estimateReserve, scoreFraud, scoreFraudBatch } from "../../src/domain/fraud/score";
import { modelScore, predict } from "../../src/ml/model";
import { modelShap } from "../../src/ml/treeshap";
import { loadModelSet, loadTreeModel } from "../../src/platform/onnx";
import { syntheticInsuranceClaims } from "./synthetic";

const files = { insRf, insRfCal, insEt, insGbdt, insGbdtCal, insVoting, insVotingCal, vehGbdt, reserveOnnx };
let models: ModelSet;

const claim = {
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
};

beforeAll(async () => {
  const loaded = await Promise.all(Object.entries(files).map(([k, bytes]) => loadTreeModel(bytes, `test-${k}`)));
  models = new ModelSet(loaded);
});

describe("exported models in onnxruntime-web (workerd) match the TypeScript trees", () => {
  it("to 1e-5 on claims with and without missing values, for every kind", async () => {
    const claims = [
      ...syntheticInsuranceClaims(60, 5),
      ...syntheticInsuranceClaims(60, 6).map((c) => ({ ...c, collision_type: "?", witnesses: "", injury_claim: "" })),
      {},
    ];
    for (const meta of models.list().filter((m) => m.dataset === "insurance_claims")) {
      const loaded = models.get(meta.name);
      const data = new Float32Array(claims.length * loaded.nFeatures);
      for (const [i, c] of claims.entries()) data.set(encodeClaim(meta.schema, c), i * loaded.nFeatures);
      const out = await loaded.run(data, claims.length);
      let withMissing = 0;
      claims.forEach((_, i) => {
        const x = data.subarray(i * loaded.nFeatures, (i + 1) * loaded.nFeatures);
        if (x.some(Number.isNaN)) withMissing++;
        const got =
          meta.task === "regression" ? (out.prediction?.[i] as number) : (out.probabilities?.[2 * i + 1] as number);
        const expected = predict(loaded.model, x);
        expect(Math.abs(got - expected) / Math.max(1, Math.abs(expected))).toBeLessThan(1e-5);
      });
      expect(withMissing).toBeGreaterThan(60);
    }
  });
});

describe("scoreFraud", () => {
  it("answers the fraud-score shape with top-5 explained drivers that add up to the score", async () => {
    for (const model of ["rf", "et", "gbdt", "voting"] as const) {
      const r = await scoreFraud(models, claim, { model, calibrated: false, scenario: "dashboard", explain: true });
      expect(r).toMatchObject({
        model,
        calibrated: false,
        scenario: "dashboard",
        threshold_flag: null,
        dataset: "insurance_claims",
      });
      expect(r.probability).toBeGreaterThan(0);
      expect(r.probability).toBeLessThan(1);
      expect(r.model_version).toMatch(new RegExp(`^insurance_claims-${model}@`));
      expect(r.explanation?.length).toBeLessThanOrEqual(5);
      for (const item of r.explanation ?? []) {
        expect(item.direction).toBe(item.contribution > 0 ? "UP" : "DOWN");
        expect(item.importance).toBeCloseTo(Math.abs(item.contribution), 12);
      }
      const loaded = models.get(r.model_name);
      const x = encodeClaim(loaded.metadata.schema, claim);
      const shap = modelShap(loaded.model, x, loaded.nFeatures);
      expect(shap.base + shap.contributions.reduce((a, b) => a + b, 0)).toBeCloseTo(modelScore(loaded.model, x), 9);
      expect(r.explanation_base_value).toBeCloseTo(shap.base, 12);
    }
  });

  it("words categorical drivers from the claim (Major Damage severity)", async () => {
    const r = await scoreFraud(models, claim, { model: "gbdt", calibrated: true });
    const severity = r.explanation?.find((e) => e.feature_key === "incident_severity");
    expect(severity?.text).toBe("Major Damage severity raises the fraud risk");
    expect(severity?.feature).toBe("Incident Severity");
  });

  it("auto_flagger compares with the model's validation-chosen threshold", async () => {
    const r = await scoreFraud(models, claim, {
      model: "rf",
      calibrated: true,
      scenario: "auto_flagger",
      explain: false,
    });
    expect(r.threshold).toBe(models.get("insurance_claims-rf-calibrated").metadata.threshold);
    expect(r.threshold_flag).toBe(r.probability >= r.threshold ? "AUTO_FLAG" : "AUTO_APPROVE");
    expect(r.explanation).toBeNull();
  });

  it("handles unknown categories, absent facts and further columns without error", async () => {
    const odd = await scoreFraud(
      models,
      {
        ...claim,
        incident_severity: "Meteor Strike",
        collision_type: undefined,
        insured_hobbies: "chess",
        witnesses: 3,
      },
      { model: "voting" },
    );
    expect(odd.probability).toBeGreaterThanOrEqual(0);
    expect(
      odd.explanation?.some((e) => e.text.includes("not seen in training") || e.feature_key !== "incident_severity"),
    ).toBe(true);
    const empty = await scoreFraud(models, {}, { model: "gbdt" });
    expect(empty.probability).toBeGreaterThan(0);
  });

  it("batch form scores many claims in one run, matching single scores", async () => {
    const claims = syntheticInsuranceClaims(25, 9);
    const batch = await scoreFraudBatch(models, claims, { model: "gbdt", calibrated: true, explain: true });
    expect(batch).toHaveLength(25);
    const single = await scoreFraud(models, claims[7]!, { model: "gbdt", calibrated: true });
    expect(batch[7]?.probability).toBeCloseTo(single.probability, 7);
  });

  it("scores a vehicle-claims record with the models of that data set", async () => {
    const r = await scoreFraud(
      models,
      {
        Make: "Honda",
        Fault: "Policy Holder",
        BasePolicy: "All Perils",
        Age: 0,
        VehiclePrice: "more than 69,000",
        Month: "Jan",
        MonthClaimed: "Feb",
        Year: 1994,
      },
      { dataset: "vehicle_claims_fraud", model: "gbdt", calibrated: false },
    );
    expect(r.model_name).toBe("vehicle_claims_fraud-gbdt");
    expect(r.explanation?.length).toBe(5);
  });

  it("concurrent scores on one session all succeed and agree", async () => {
    const claims = syntheticInsuranceClaims(20, 13);
    const together = await Promise.all(
      claims.map((c) => scoreFraud(models, c, { model: "voting", calibrated: true, explain: true })),
    );
    const batch = await scoreFraudBatch(models, claims, { model: "voting", calibrated: true, explain: false });
    for (const [i, r] of together.entries()) expect(r.probability).toBeCloseTo(batch[i]!.probability, 7);
  });

  it("loadModelSet reports a broken model by name and keeps the others", async () => {
    const { models: set, errors } = await loadModelSet([
      { name: "insurance_claims-gbdt", bytes: insGbdt, version: "t1" },
      { name: "broken", bytes: new Uint8Array([1, 2, 3]) },
    ]);
    expect(set.has("insurance_claims-gbdt")).toBe(true);
    expect(Object.keys(errors)).toEqual(["broken"]);
  });

  it("a model that is not loaded is a typed error", async () => {
    await expect(scoreFraud(models, claim, { model: "et", calibrated: true })).rejects.toThrow(
      /insurance_claims-et-calibrated is not loaded/,
    );
  });
});

describe("estimateReserve", () => {
  it("estimates the claim cost from incident facts, explained", async () => {
    const severe = await estimateReserve(
      models,
      {
        incident_type: "Multi-vehicle Collision",
        incident_severity: "Total Loss",
        number_of_vehicles_involved: 3,
        bodily_injuries: 2,
      },
      { explain: true },
    );
    const theft = await estimateReserve(
      models,
      { incident_type: "Vehicle Theft", incident_severity: "Trivial Damage", number_of_vehicles_involved: 1 },
      { explain: true },
    );
    expect(severe.reserve_estimate).toBeGreaterThan(theft.reserve_estimate);
    expect(theft.reserve_estimate).toBeGreaterThan(0);
    expect(severe.currency).toBe("USD");
    expect(severe.explanation?.[0]?.text).toMatch(/the reserve estimate$/);
    expect(severe.model_version).toMatch(/^insurance_claims-reserve@/);
  });
});
