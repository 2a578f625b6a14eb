import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, createUser, expectError, json, type TestUser } from "../../helpers";
import { syntheticInsuranceClaims } from "../../fraud/synthetic";
import { installCommittedModels, storeTrainingData } from "./install-fixtures";

let admin: TestUser;

beforeAll(async () => {
  await installCommittedModels();
  admin = await createUser("admin");
});

async function waitForJob(id: string, timeoutMs = 60_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const job = await json(await api(`/api/v1/models/jobs/${id}`, { token: admin.token }));
    if (!["queued", "running"].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${id} did not finish`);
}

describe("model registry", () => {
  it("lists the active models with their measured metrics", async () => {
    const list = await json(await api("/api/v1/models", { token: admin.token }));
    const rf = list.find((m: { model_name: string }) => m.model_name === "insurance_claims-rf-calibrated");
    expect(rf).toMatchObject({ model_type: "fraud", status: "active", dataset: "insurance_claims" });
    for (const metric of ["roc_auc", "pr_auc", "accuracy", "precision", "recall", "f1", "brier"]) expect(typeof rf.metrics[metric]).toBe("number");
    const reserve = list.find((m: { model_type: string }) => m.model_type === "reserve");
    expect(typeof reserve.metrics.r2).toBe("number");
  });

  it("shows one model with its versions; 404 for an unknown one; admins only", async () => {
    const detail = await json(await api("/api/v1/models/insurance_claims-rf-calibrated", { token: admin.token }));
    expect(detail.versions.length).toBeGreaterThanOrEqual(1);
    await expectError(await api("/api/v1/models/no-such-model", { token: admin.token }), 404, "NOT_FOUND");
    const insurer = await createUser("insurer");
    await expectError(await api("/api/v1/models", { token: insurer.token }), 403, "FORBIDDEN");
  });
});

describe("POST /api/v1/models/retrain (through the real queue)", () => {
  it("trains a challenger, evaluates both on the same held-out rows and promotes only a better one", async () => {
    await storeTrainingData("insurance_claims", syntheticInsuranceClaims(400, 11));
    // A document claim an adjuster confirmed as fraud joins the training rows.
    await env.DB.prepare(
      "INSERT INTO claims (id, channel, status, extracted_data, fraud_confirmed, updated_at) VALUES (?, 'document', 'REJECTED', ?, 1, ?)",
    )
      .bind(crypto.randomUUID(), JSON.stringify({ incident_severity: "Major Damage", amount_claimed: 52000 }), new Date().toISOString())
      .run();
    const res = await api("/api/v1/models/retrain", { method: "POST", token: admin.token, body: { model_name: "insurance_claims-gbdt-calibrated", model_type: "fraud" } });
    expect(res.status).toBe(202);
    const accepted = await json(res);
    expect(accepted).toMatchObject({ status: "queued", message: "Retraining started" });

    const job = await waitForJob(accepted.job_id);
    expect(["promoted", "kept_champion"]).toContain(job.status);
    expect(job.result.adjudicated_rows).toBeGreaterThanOrEqual(1);
    expect(job.result.training_rows).toBe(400 + job.result.adjudicated_rows);
    const { challenger, champion_on_same_holdout: champion, promoted, challenger_version } = job.result;
    expect(promoted).toBe(challenger.roc_auc > champion.roc_auc);
    expect(job.status).toBe(promoted ? "promoted" : "kept_champion");

    const versions = (await json(await api("/api/v1/models/insurance_claims-gbdt-calibrated", { token: admin.token }))).versions;
    const stored = versions.find((v: { version: string }) => v.version === challenger_version);
    expect(stored.status).toBe(promoted ? "active" : "inactive");
    expect(versions.filter((v: { status: string }) => v.status === "active")).toHaveLength(1);
    expect(await env.MODELS.head(`models/insurance_claims-gbdt-calibrated/${challenger_version}.onnx`)).not.toBeNull();
  });

  it("refuses to train on too little labelled data, with the reason", async () => {
    await storeTrainingData("vehicle_claims_fraud", [{ Make: "Honda", FraudFound: "No" }, { Make: "Toyota", FraudFound: "Yes" }]);
    const accepted = await json(await api("/api/v1/models/retrain", { method: "POST", token: admin.token, body: { model_name: "vehicle_claims_fraud-gbdt-calibrated" } }));
    const job = await waitForJob(accepted.job_id);
    expect(job.status).toBe("refused");
    expect(job.result.code).toBe("INSUFFICIENT_TRAINING_DATA");
    expect(job.result.reason).toMatch(/only 2 labelled claims/);
  });

  it("refuses unknown models and non-fraud models up front", async () => {
    await expectError(await api("/api/v1/models/retrain", { method: "POST", token: admin.token, body: { model_name: "nope" } }), 404, "NOT_FOUND");
    await expectError(await api("/api/v1/models/retrain", { method: "POST", token: admin.token, body: { model_name: "insurance_claims-reserve" } }), 404, "NOT_FOUND");
    await expectError(await api("/api/v1/models/retrain", { method: "POST", token: admin.token, body: { model_name: "x", model_type: "reserve" } }), 400, "VALIDATION_ERROR");
  });
});
