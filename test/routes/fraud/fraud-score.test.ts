import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_AUTO_CLAIM } from "../../../src/domain/fraud/example-claim";
import { api, createUser, expectError, json, type TestUser } from "../../helpers";
import { installCommittedModels } from "../models/install-fixtures";

let insurer: TestUser;

beforeAll(async () => {
  await installCommittedModels();
  insurer = await createUser("insurer");
});

const exampleClaim = EXAMPLE_AUTO_CLAIM;

const score = (query: string, body: unknown, token = insurer.token) => api(`/api/v1/fraud/score${query}`, { method: "POST", token, body });

describe("POST /api/v1/fraud/score", () => {
  it("scores the example auto claim with a calibrated probability and five explained drivers", async () => {
    const res = await score("?model=rf&calibrated=true&scenario=dashboard&explain=true", exampleClaim);
    expect(res.status).toBe(200);
    expect(res.headers.get("server-timing")).toMatch(/score;dur=/);
    const body = await json(res);
    expect(body).toMatchObject({ dataset: "insurance_claims", model: "rf", calibrated: true, scenario: "dashboard", threshold_flag: null });
    expect(body.probability).toBeGreaterThan(0);
    expect(body.probability).toBeLessThan(1);
    expect(body.explanation).toHaveLength(5);
    for (const item of body.explanation) {
      expect(["UP", "DOWN"]).toContain(item.direction);
      expect(item.text.length).toBeGreaterThan(10);
    }
    expect(body.model_version).toMatch(/^insurance_claims-rf-calibrated@/);
  });

  it("auto_flagger answers AUTO_FLAG exactly when the probability reaches the model's threshold", async () => {
    for (const claim of [exampleClaim, { ...exampleClaim, incident_severity: "Trivial Damage", total_claim_amount: 5000 }]) {
      const body = await json(await score("?model=gbdt&scenario=auto_flagger&explain=false", claim));
      expect(body.explanation).toBeNull();
      expect(body.threshold_flag).toBe(body.probability >= body.threshold ? "AUTO_FLAG" : "AUTO_APPROVE");
    }
  });

  it("treats absent facts and unseen categories as missing, never as errors", async () => {
    const partial = await score("?model=rf", { total_claim_amount: 5000, insured_hobbies: "base-jumping", collision_type: "Meteor" });
    expect(partial.status).toBe(200);
    expect((await json(partial)).probability).toBeGreaterThanOrEqual(0);
  });

  it("scores a batch in one call, in order", async () => {
    const res = await api("/api/v1/fraud/score/batch?model=rf&explain=false", {
      method: "POST",
      token: insurer.token,
      body: { dataset: "insurance_claims", claims: [exampleClaim, { ...exampleClaim, incident_severity: "Minor Damage" }] },
    });
    const body = await json(res);
    expect(body.scores).toHaveLength(2);
    const single = await json(await score("?model=rf&explain=false", exampleClaim));
    expect(body.scores[0].probability).toBeCloseTo(single.probability, 6);
  });

  it("scores a vehicle-claims record with the models trained on that data set", async () => {
    const res = await api("/api/v1/fraud/score/vehicle?model=gbdt", {
      method: "POST",
      token: insurer.token,
      body: { Make: "Honda", AccidentArea: "Urban", Sex: "Male", Age: 34, Fault: "Policy Holder", BasePolicy: "Collision", VehiclePrice: "20000 to 29000", Year: 1995, Month: "Jan" },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ dataset: "vehicle_claims_fraud", model: "gbdt" });
  });

  it.each([
    ["a negative premium", { ...exampleClaim, policy_annual_premium: -1 }],
    ["hour 25", { ...exampleClaim, incident_hour_of_the_day: 25 }],
    ["a number as text", { ...exampleClaim, age: "forty" }],
    ["an unknown field", { ...exampleClaim, favourite_colour: "red" }],
    ["no facts at all", {}],
  ])("refuses %s with 400", async (_, body) => {
    await expectError(await score("", body), 400, "VALIDATION_ERROR");
  });

  it("refuses unknown options and unavailable models clearly", async () => {
    await expectError(await score("?model=svm", exampleClaim), 400, "VALIDATION_ERROR");
    await expectError(await score("?scenario=panic", exampleClaim), 400, "VALIDATION_ERROR");
    await expectError(await score("?model=et&calibrated=false", exampleClaim), 500, "INFERENCE_ERROR");
  });

  it("is for insurers and admins only", async () => {
    for (const role of ["provider", "customer"] as const) {
      const user = await createUser(role);
      await expectError(await score("", exampleClaim, user.token), 403, "FORBIDDEN");
    }
  });
});
