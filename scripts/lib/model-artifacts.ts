import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Database } from "../../src/db/client";
import { installModel } from "../../src/model-registry/registry";
import { trainingDataKey } from "../../src/model-registry/training-data";
import { SHARED_DATA } from "./reference-data";

/** Artifacts too large for the Worker bundle, served from the MODELS bucket instead. */
export const R2_ARTIFACTS: { key: string; file: string }[] = [
  { key: "damage/damage-classifier.onnx", file: "models/damage/damage-classifier.onnx" },
  { key: "colour/colour-classifier.onnx", file: "models/colour/colour-classifier.onnx" },
  { key: "severity/severity-classifier.onnx", file: "models/severity/severity-classifier.onnx" },
  { key: "ocr/eng.traineddata.gz", file: "node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz" },
];

/** Puts each artifact into R2 unless the same bytes are already there. */
export async function seedModelArtifacts(bucket: R2Bucket): Promise<void> {
  for (const { key, file } of R2_ARTIFACTS) {
    if (!existsSync(file)) {
      console.log(`skipping ${key}: ${file} not found`);
      continue;
    }
    const bytes = readFileSync(file);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const current = await bucket.head(key);
    if (current?.customMetadata?.sha256 === sha256) continue;
    await bucket.put(key, bytes, { customMetadata: { sha256 } });
    console.log(`seeded r2://claimsedge-models/${key} (${(bytes.length / 1e6).toFixed(1)} MB)`);
  }
}

/** Registers every committed fraud and reserve model (models/fraud, models/reserve) in R2 + D1. */
export async function seedTrainedModels(db: Database, bucket: R2Bucket): Promise<void> {
  const files = ["models/fraud", "models/reserve"].flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".onnx"))
          .map((f) => join(dir, f))
      : [],
  );
  let installed = 0;
  for (const file of files) {
    if ((await installModel(db, bucket, new Uint8Array(readFileSync(file)))).installed) installed++;
  }
  console.log(`model registry: ${files.length} models (${installed} newly installed)`);
}

const TRAINING_DATA: { dataset: string; file: string }[] = [
  { dataset: "insurance_claims", file: `${SHARED_DATA}/insurance_claims/insurance_claims.csv` },
  { dataset: "vehicle_claims_fraud", file: `${SHARED_DATA}/vehicle_claims_fraud/carclaims.csv` },
];

/** Stores the training data sets in R2, where retraining jobs read them. */
export async function seedTrainingData(bucket: R2Bucket): Promise<void> {
  for (const { dataset, file } of TRAINING_DATA) {
    if (!existsSync(file)) continue;
    const key = trainingDataKey(dataset);
    if (await bucket.head(key)) continue;
    await bucket.put(key, readFileSync(file));
    console.log(`seeded r2://claimsedge-models/${key}`);
  }
}

type HeldOut = Record<string, unknown> & { accuracy: number; n: number };

/** The photo classifiers, loaded from R2 by fixed keys; what the registry shows of each one's held-out metrics. */
const PHOTO_CLASSIFIERS: {
  name: string;
  type: string;
  dataset: string;
  dir: string;
  metrics: (test: HeldOut) => Record<string, unknown>;
}[] = [
  {
    name: "damage-classifier",
    type: "damage",
    dataset: "car_damage",
    dir: "models/damage",
    metrics: (t) => ({
      accuracy: t.accuracy,
      precision: t.precision_damage,
      recall: t.recall_damage,
      f1: t.f1_damage,
      test_rows: t.n,
    }),
  },
  {
    name: "colour-classifier",
    type: "colour",
    dataset: "car_colors",
    dir: "models/colour",
    metrics: (t) => ({
      accuracy: t.accuracy,
      balanced_accuracy: t.balanced_accuracy,
      macro_f1: t.macro_f1,
      test_rows: t.n,
    }),
  },
  {
    name: "severity-classifier",
    type: "severity",
    dataset: "damage_severity",
    dir: "models/severity",
    metrics: (t) => ({
      accuracy: t.accuracy,
      balanced_accuracy: t.balanced_accuracy,
      macro_f1: t.macro_f1,
      test_rows: t.n,
      settlement_errors: t.settlement_errors,
    }),
  },
];

/** Lists the photo classifiers (damage, car colour, damage severity) in the model registry. */
export async function registerPhotoClassifiers(db: D1Database): Promise<void> {
  for (const model of PHOTO_CLASSIFIERS) {
    const specFile = `${model.dir}/${model.name}.json`;
    const metricsFile = `${model.dir}/metrics.json`;
    if (!existsSync(specFile) || !existsSync(metricsFile)) continue;
    const spec = JSON.parse(readFileSync(specFile, "utf8")) as { model_version: string; model_file: string };
    const metrics = JSON.parse(readFileSync(metricsFile, "utf8")) as { trained_on: string; test_onnx: HeldOut };
    await db
      .prepare(
        `INSERT INTO model_stats (model_name, model_type, dataset, version, status, metrics, artifact_key, trained_at, promoted_at)
         VALUES (?, ?, ?, ?, 'active', ?, ?, ?, ?)
         ON CONFLICT (model_name, version) DO NOTHING`,
      )
      .bind(
        model.name,
        model.type,
        model.dataset,
        spec.model_version,
        JSON.stringify(model.metrics(metrics.test_onnx)),
        `${model.dir.replace(/^models\//, "")}/${spec.model_file}`,
        metrics.trained_on,
        new Date().toISOString(),
      )
      .run();
  }
}
