import { beforeAll, describe, expect, it } from "vitest";
import { postRetrainRoute } from "../../../src/routes/models/retrain/post";
import { api, createUser, expectError, readAs, type TestUser } from "../../helpers";
import { installCommittedModels, storeTrainingData } from "./install-fixtures";
import { waitForJob } from "./model-fixtures";

let admin: TestUser;

beforeAll(async () => {
  await installCommittedModels();
  admin = await createUser("admin");
});

describe("GET /api/v1/models/{name}", () => {
  it("answers 404 for an unknown model", async () => {
    await expectError(await api("/api/v1/models/no-such-model", { token: admin.token }), 404, "NOT_FOUND");
  });
});

describe("POST /api/v1/models/retrain", () => {
  it("refuses to train on too little labelled data, with the reason", async () => {
    await storeTrainingData("vehicle_claims_fraud", [
      { Make: "Honda", FraudFound: "No" },
      { Make: "Toyota", FraudFound: "Yes" },
    ]);
    const res = await api("/api/v1/models/retrain", {
      method: "POST",
      token: admin.token,
      body: { model_name: "vehicle_claims_fraud-gbdt-calibrated" },
    });
    const job = await waitForJob((await readAs(res, postRetrainRoute, 202)).job_id, admin);
    expect(job.status).toBe("refused");
    expect(job.result).toMatchObject({
      code: "INSUFFICIENT_TRAINING_DATA",
      reason: expect.stringMatching(/only 2 labelled claims/),
    });
  });

  it("refuses unknown models and non-fraud models up front", async () => {
    await expectError(
      await api("/api/v1/models/retrain", { method: "POST", token: admin.token, body: { model_name: "nope" } }),
      404,
      "NOT_FOUND",
    );
    await expectError(
      await api("/api/v1/models/retrain", {
        method: "POST",
        token: admin.token,
        body: { model_name: "insurance_claims-reserve" },
      }),
      404,
      "NOT_FOUND",
    );
    await expectError(
      await api("/api/v1/models/retrain", {
        method: "POST",
        token: admin.token,
        body: { model_name: "x", model_type: "reserve" },
      }),
      400,
      "VALIDATION_ERROR",
    );
  });
});
