import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLE_AUTO_CLAIM } from "../../../src/domain/fraud/example-claim";
import { postFraudScoreBatchRoute } from "../../../src/routes/fraud/score/batch/post";
import { postFraudScoreRoute } from "../../../src/routes/fraud/score/post";
import { postVehicleFraudScoreRoute } from "../../../src/routes/fraud/score/vehicle/post";
import { api, createUser, readAs, type TestUser } from "../../helpers";
import { installCommittedModels } from "../models/install-fixtures";

let insurer: TestUser;

beforeAll(async () => {
  await installCommittedModels();
  insurer = await createUser("insurer");
});

const score = (query: string, body: unknown) =>
  api(`/api/v1/fraud/score${query}`, { method: "POST", token: insurer.token, body });
const scored = async (query: string, body: unknown) => readAs(await score(query, body), postFraudScoreRoute, 200);

describe("POST /api/v1/fraud/score", () => {
  it("scores the example auto claim with a calibrated probability and five explained drivers", async () => {
    const res = await score("?model=rf&calibrated=true&scenario=dashboard&explain=true", EXAMPLE_AUTO_CLAIM);
    expect(res.headers.get("server-timing")).toMatch(/score;dur=/);
    const body = await readAs(res, postFraudScoreRoute, 200);
    expect(body).toMatchObject({
      dataset: "insurance_claims",
      model: "rf",
      calibrated: true,
      scenario: "dashboard",
      threshold_flag: null,
    });
    expect(body.probability).toBeGreaterThan(0);
    expect(body.probability).toBeLessThan(1);
    expect(body.explanation).toHaveLength(5);
    for (const item of body.explanation ?? []) {
      expect(["UP", "DOWN"]).toContain(item.direction);
      expect(item.text.length).toBeGreaterThan(10);
    }
    expect(body.model_version).toMatch(/^insurance_claims-rf-calibrated@/);
  });

  it("auto_flagger answers AUTO_FLAG exactly when the probability reaches the model's threshold", async () => {
    for (const claim of [
      EXAMPLE_AUTO_CLAIM,
      { ...EXAMPLE_AUTO_CLAIM, incident_severity: "Trivial Damage", total_claim_amount: 5000 },
    ]) {
      const body = await scored("?model=gbdt&scenario=auto_flagger&explain=false", claim);
      expect(body.explanation).toBeNull();
      expect(body.threshold_flag).toBe(body.probability >= body.threshold ? "AUTO_FLAG" : "AUTO_APPROVE");
    }
  });

  it("treats absent facts and unseen categories as missing, never as errors", async () => {
    const partial = await scored("?model=rf", {
      total_claim_amount: 5000,
      insured_hobbies: "base-jumping",
      collision_type: "Meteor",
    });
    expect(partial.probability).toBeGreaterThanOrEqual(0);
  });
});

describe("POST /api/v1/fraud/score/batch", () => {
  it("scores a batch in one call, in order", async () => {
    const res = await api("/api/v1/fraud/score/batch?model=rf&explain=false", {
      method: "POST",
      token: insurer.token,
      body: {
        dataset: "insurance_claims",
        claims: [EXAMPLE_AUTO_CLAIM, { ...EXAMPLE_AUTO_CLAIM, incident_severity: "Minor Damage" }],
      },
    });
    const body = await readAs(res, postFraudScoreBatchRoute, 200);
    expect(body.scores).toHaveLength(2);
    const single = await scored("?model=rf&explain=false", EXAMPLE_AUTO_CLAIM);
    expect(body.scores[0]?.probability).toBeCloseTo(single.probability, 6);
  });
});

describe("POST /api/v1/fraud/score/vehicle", () => {
  it("scores a vehicle-claims record with the models trained on that data set", async () => {
    const res = await api("/api/v1/fraud/score/vehicle?model=gbdt", {
      method: "POST",
      token: insurer.token,
      body: {
        Make: "Honda",
        AccidentArea: "Urban",
        Sex: "Male",
        Age: 34,
        Fault: "Policy Holder",
        BasePolicy: "Collision",
        VehiclePrice: "20000 to 29000",
        Year: 1995,
        Month: "Jan",
      },
    });
    expect(await readAs(res, postVehicleFraudScoreRoute, 200)).toMatchObject({
      dataset: "vehicle_claims_fraud",
      model: "gbdt",
    });
  });
});
