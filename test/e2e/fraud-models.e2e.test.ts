import { describe, expect, it } from "vitest";
import { adminToken, call } from "./http";

describe("fraud scoring and the model registry (over HTTP against wrangler dev)", () => {
  it("scores a claim with an explanation using the models the setup registered", async () => {
    const admin = await adminToken();
    const models = await call("/api/v1/models", { token: admin });
    expect(models.status).toBe(200);
    expect(models.body.length).toBeGreaterThanOrEqual(20);
    for (const [type, name] of [["damage", "damage-classifier"], ["colour", "colour-classifier"], ["severity", "severity-classifier"]]) {
      const model = models.body.find((m: { model_type: string }) => m.model_type === type);
      expect(model).toMatchObject({ model_name: name, status: "active" });
      expect(model.metrics.accuracy).toBeGreaterThan(0);
    }

    const scored = await call("/api/v1/fraud/score?model=gbdt&scenario=auto_flagger", {
      method: "POST",
      token: admin,
      body: { total_claim_amount: 71610, incident_severity: "Major Damage", insured_hobbies: "chess", policy_annual_premium: 1406.91 },
    });
    expect(scored.status).toBe(200);
    expect(["AUTO_FLAG", "AUTO_APPROVE"]).toContain(scored.body.threshold_flag);
    expect(scored.body.explanation.length).toBeGreaterThan(0);

    const health = await call("/health");
    expect(health.body.models.loaded).toContain(`insurance_claims-gbdt-calibrated/${models.body.find((m: { model_name: string }) => m.model_name === "insurance_claims-gbdt-calibrated").version}`);
  });

  it("retrains a model through the queue and reports the outcome", async () => {
    const admin = await adminToken();
    const started = await call("/api/v1/models/retrain", { method: "POST", token: admin, body: { model_name: "insurance_claims-rf", model_type: "fraud" } });
    if (started.status === 404) return; // no training data stored: ../shared/data is absent
    expect(started.status).toBe(202);
    let job = started.body;
    for (let i = 0; i < 240 && ["queued", "running"].includes(job.status); i++) {
      await new Promise((r) => setTimeout(r, 500));
      job = (await call(job.status_url, { token: admin })).body;
    }
    expect(["promoted", "kept_champion"]).toContain(job.status);
    expect(job.result.training_rows).toBe(800);
    expect(job.result.promoted).toBe(job.result.challenger.roc_auc > job.result.champion_on_same_holdout.roc_auc);
  });
});
