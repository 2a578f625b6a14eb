import { describe, expect, it } from "vitest";
import { encodeClaims } from "../../src/domain/fraud/features";
import { challengerWins, evaluateModel, TrainingRefusedError, trainChallenger } from "../../src/domain/fraud/retrain";
import type { ModelMetadata } from "../../src/domain/fraud/train";
import { predict } from "../../src/ml/model";
import { parseOnnx } from "../../src/ml/onnx-model";
import { loadSession, runRows } from "../../src/platform/onnx";
import { syntheticInsuranceClaims } from "./synthetic";

const small = {
  rf: { nTrees: 20, maxDepth: 4, minSamplesLeaf: 5, maxFeatures: 0.5 },
  et: { nTrees: 20, maxDepth: 4, minSamplesLeaf: 5, maxFeatures: 0.5 },
  gbdt: { nTrees: 40, learningRate: 0.1, maxDepth: 3, minSamplesLeaf: 5, lambda: 1, subsample: 0.8, colsample: 1 },
};

describe("trainChallenger inside workerd", () => {
  it("trains, evaluates on a held-out split and exports a model that onnxruntime-web runs", async () => {
    const rows = syntheticInsuranceClaims(400, 21);
    const c = trainChallenger(rows, {
      dataset: "insurance_claims",
      kind: "gbdt",
      calibrated: true,
      version: "test",
      trainedAt: "2026-11-21T00:00:00Z",
      hyperparameters: small,
    });
    expect(c.name).toBe("insurance_claims-gbdt-calibrated");
    expect(c.metrics.roc_auc).toBeGreaterThan(0.7);
    expect(c.holdout).toHaveLength(c.metadata.split.test);
    const parsed = parseOnnx<ModelMetadata>(c.onnx);
    expect(parsed.metadata.metrics.test).toEqual(c.metrics);
    const x = encodeClaims(parsed.metadata.schema, c.holdout);
    const out = await runRows(await loadSession(c.onnx), "features", x.data, x.cols);
    for (let i = 0; i < x.rows; i++)
      expect(
        Math.abs(
          (out.probabilities?.[2 * i + 1] as number) -
            predict(parsed.model, x.data.subarray(i * x.cols, (i + 1) * x.cols)),
        ),
      ).toBeLessThan(1e-5);
    // The champion is judged on the challenger's held-out rows.
    const champion = evaluateModel(
      parsed.model,
      parsed.metadata.schema,
      "insurance_claims",
      c.holdout,
      parsed.metadata.threshold ?? 0.5,
    );
    expect(champion.roc_auc).toBeCloseTo(c.metrics.roc_auc, 9);
    expect(challengerWins(c.metrics, champion)).toBe(false);
  });

  it.each([
    ["too_few_rows", syntheticInsuranceClaims(80, 1)],
    [
      "too_few_positives",
      syntheticInsuranceClaims(300, 2).map((r, i) => ({ ...r, fraud_reported: i < 10 ? "Y" : "N" })),
    ],
    [
      "too_few_negatives",
      syntheticInsuranceClaims(300, 3).map((r, i) => ({ ...r, fraud_reported: i < 10 ? "N" : "Y" })),
    ],
    ["too_few_rows", syntheticInsuranceClaims(300, 4).map((r) => ({ ...r, fraud_reported: "?" }))],
  ])("refuses with reason %s", (reason, rows) => {
    let error: unknown;
    try {
      trainChallenger(rows, { dataset: "insurance_claims", version: "t", trainedAt: "t", hyperparameters: small });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TrainingRefusedError);
    expect((error as TrainingRefusedError).reason).toBe(reason);
    expect((error as TrainingRefusedError).code).toBe("INSUFFICIENT_TRAINING_DATA");
  });
});
