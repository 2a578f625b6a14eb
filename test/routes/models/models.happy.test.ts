import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { getModelRoute } from "../../../src/routes/models/get";
import { listModelsRoute } from "../../../src/routes/models/list";
import { postRetrainRoute } from "../../../src/routes/models/retrain/post";
import { syntheticInsuranceClaims } from "../../fraud/synthetic";
import { api, createUser, readAs, type TestUser } from "../../helpers";
import { installCommittedModels, storeTrainingData } from "./install-fixtures";
import { waitForJob } from "./model-fixtures";

let admin: TestUser;

beforeAll(async () => {
  await installCommittedModels();
  admin = await createUser("admin");
});

const roc = z.object({ roc_auc: z.number() });
const retrainResult = z.object({
  adjudicated_rows: z.number(),
  training_rows: z.number(),
  challenger: roc,
  champion_on_same_holdout: roc,
  promoted: z.boolean(),
  challenger_version: z.string(),
});

describe("GET /api/v1/models", () => {
  it("lists the active models with their measured metrics", async () => {
    const list = await readAs(await api("/api/v1/models", { token: admin.token }), listModelsRoute, 200);
    const rf = list.find((m) => m.model_name === "insurance_claims-rf-calibrated");
    expect(rf).toMatchObject({ model_type: "fraud", status: "active", dataset: "insurance_claims" });
    for (const metric of ["roc_auc", "pr_auc", "accuracy", "precision", "recall", "f1", "brier"])
      expect(typeof rf?.metrics[metric]).toBe("number");
    const reserve = list.find((m) => m.model_type === "reserve");
    expect(typeof reserve?.metrics.r2).toBe("number");
  });
});

describe("GET /api/v1/models/{name}", () => {
  it("shows one model with its versions", async () => {
    const detail = await readAs(
      await api("/api/v1/models/insurance_claims-rf-calibrated", { token: admin.token }),
      getModelRoute,
      200,
    );
    expect(detail.versions.length).toBeGreaterThanOrEqual(1);
  });
});

describe("POST /api/v1/models/retrain (through the real queue)", () => {
  it("trains a challenger, evaluates both on the same held-out rows and promotes only a better one", async () => {
    await storeTrainingData("insurance_claims", syntheticInsuranceClaims(400, 11));
    // A document claim an adjuster confirmed as fraud joins the training rows.
    await env.DB.prepare(
      "INSERT INTO claims (id, channel, status, extracted_data, fraud_confirmed, updated_at) VALUES (?, 'document', 'REJECTED', ?, 1, ?)",
    )
      .bind(
        crypto.randomUUID(),
        JSON.stringify({ incident_severity: "Major Damage", amount_claimed: 52000 }),
        new Date().toISOString(),
      )
      .run();
    const res = await api("/api/v1/models/retrain", {
      method: "POST",
      token: admin.token,
      body: { model_name: "insurance_claims-gbdt-calibrated", model_type: "fraud" },
    });
    const accepted = await readAs(res, postRetrainRoute, 202);
    expect(accepted).toMatchObject({ status: "queued", message: "Retraining started" });

    const job = await waitForJob(accepted.job_id, admin);
    expect(["promoted", "kept_champion"]).toContain(job.status);
    const result = retrainResult.parse(job.result);
    expect(result.adjudicated_rows).toBeGreaterThanOrEqual(1);
    expect(result.training_rows).toBe(400 + result.adjudicated_rows);
    const { challenger, champion_on_same_holdout: champion, promoted, challenger_version } = result;
    expect(promoted).toBe(challenger.roc_auc > champion.roc_auc);
    expect(job.status).toBe(promoted ? "promoted" : "kept_champion");

    const { versions } = await readAs(
      await api("/api/v1/models/insurance_claims-gbdt-calibrated", { token: admin.token }),
      getModelRoute,
      200,
    );
    const stored = versions.find((v) => v.version === challenger_version);
    expect(stored?.status).toBe(promoted ? "active" : "inactive");
    expect(versions.filter((v) => v.status === "active")).toHaveLength(1);
    expect(await env.MODELS.head(`models/insurance_claims-gbdt-calibrated/${challenger_version}.onnx`)).not.toBeNull();
  });
});
