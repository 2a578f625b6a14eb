import type { ModelKind } from "../../ml/model";
import { modelShap } from "../../ml/treeshap";
import { type ExplanationItem, explainContributions } from "./explain";
import { encodeClaimInto, type RawClaim } from "./features";
import { fraudModelName, type LoadedModel, type ModelSet, RESERVE_MODEL_NAME } from "./model-set";
import type { FraudDataset } from "./train";

export type Scenario = "auto_flagger" | "dashboard";

export interface ScoreOptions {
  /** Which data set's models score the claim (default insurance_claims). */
  dataset?: FraudDataset;
  model?: ModelKind;
  calibrated?: boolean;
  scenario?: Scenario;
  explain?: boolean;
  /** Number of drivers in the explanation (default 5). */
  top?: number;
}

export interface FraudScore {
  dataset: FraudDataset;
  model: ModelKind;
  model_name: string;
  calibrated: boolean;
  probability: number;
  /** The model's auto-flag threshold (chosen on validation data, see its card). */
  threshold: number;
  /** AUTO_FLAG / AUTO_APPROVE for the auto_flagger scenario; null on the dashboard. */
  threshold_flag: "AUTO_FLAG" | "AUTO_APPROVE" | null;
  scenario: Scenario;
  explanation: ExplanationItem[] | null;
  /** Base value and scale of the explanation's contributions (contributions + base = score). */
  explanation_base_value: number | null;
  explanation_scale: "probability" | "log-odds" | null;
  model_version: string;
}

function encodeBatch(model: LoadedModel, inputs: readonly RawClaim[]): Float32Array {
  const cols = model.nFeatures;
  const data = new Float32Array(inputs.length * cols);
  for (const [i, raw] of inputs.entries()) encodeClaimInto(model.metadata.schema, raw, data, i * cols);
  return data;
}

/**
 * Scores claims for fraud with one ONNX run for the whole batch; each score can carry its
 * top drivers (exact TreeSHAP on the same trees). The auto_flagger scenario compares the
 * probability with the chosen model's own threshold (probability >= threshold → AUTO_FLAG).
 */
export async function scoreFraudBatch(
  models: ModelSet,
  inputs: readonly RawClaim[],
  options: ScoreOptions = {},
): Promise<FraudScore[]> {
  const dataset = options.dataset ?? "insurance_claims";
  const kind = options.model ?? "rf";
  const calibrated = options.calibrated ?? true;
  const scenario = options.scenario ?? "dashboard";
  const explain = options.explain ?? true;
  const loaded = models.get(fraudModelName(dataset, kind, calibrated));
  const meta = loaded.metadata;
  const features = encodeBatch(loaded, inputs);
  const out = inputs.length ? await loaded.run(features, inputs.length) : {};
  const probabilities = out.probabilities ?? new Float32Array(0);
  const threshold = meta.threshold ?? 0.5;
  return inputs.map((raw, i) => {
    const probability = probabilities[2 * i + 1] as number;
    let explanation: ExplanationItem[] | null = null;
    let base: number | null = null;
    if (explain) {
      const shap = modelShap(
        loaded.model,
        features.subarray(i * loaded.nFeatures, (i + 1) * loaded.nFeatures),
        loaded.nFeatures,
      );
      explanation = explainContributions(meta.schema, raw, shap, { top: options.top ?? 5, outcome: "the fraud risk" });
      base = shap.base;
    }
    return {
      dataset,
      model: kind,
      model_name: meta.name,
      calibrated,
      probability,
      threshold,
      threshold_flag: scenario === "auto_flagger" ? (probability >= threshold ? "AUTO_FLAG" : "AUTO_APPROVE") : null,
      scenario,
      explanation,
      explanation_base_value: base,
      explanation_scale: explain ? (meta.score_scale === "log-odds" ? "log-odds" : "probability") : null,
      model_version: `${meta.name}@${meta.version}`,
    };
  });
}

export async function scoreFraud(models: ModelSet, input: RawClaim, options: ScoreOptions = {}): Promise<FraudScore> {
  const [score] = await scoreFraudBatch(models, [input], options);
  return score as FraudScore;
}

export interface ReserveEstimate {
  /** Expected total cost of the claim, in dollars (rounded to cents). */
  reserve_estimate: number;
  currency: "USD";
  explanation: ExplanationItem[] | null;
  model_version: string;
}

/** Reserve estimate (expected total claim cost) from incident and policy facts; never from amounts. */
export async function estimateReserveBatch(
  models: ModelSet,
  inputs: readonly RawClaim[],
  options: { explain?: boolean; top?: number } = {},
): Promise<ReserveEstimate[]> {
  const loaded = models.get(RESERVE_MODEL_NAME);
  const features = encodeBatch(loaded, inputs);
  const out = inputs.length ? await loaded.run(features, inputs.length) : {};
  const prediction = out.prediction ?? new Float32Array(0);
  return inputs.map((raw, i) => {
    const value = Math.max(0, prediction[i] as number);
    const explanation = options.explain
      ? explainContributions(
          loaded.metadata.schema,
          raw,
          modelShap(
            loaded.model,
            features.subarray(i * loaded.nFeatures, (i + 1) * loaded.nFeatures),
            loaded.nFeatures,
          ),
          { top: options.top ?? 5, outcome: "the reserve estimate" },
        )
      : null;
    return {
      reserve_estimate: Math.round(value * 100) / 100,
      currency: "USD",
      explanation,
      model_version: `${loaded.metadata.name}@${loaded.metadata.version}`,
    };
  });
}

export async function estimateReserve(
  models: ModelSet,
  input: RawClaim,
  options: { explain?: boolean; top?: number } = {},
): Promise<ReserveEstimate> {
  const [estimate] = await estimateReserveBatch(models, [input], options);
  return estimate as ReserveEstimate;
}
