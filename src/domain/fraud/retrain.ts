import { type ClassificationReport, classificationReport } from "../../ml/metrics";
import type { ModelKind, ScoringModel } from "../../ml/model";
import { predict } from "../../ml/model";
import { encodeClaims, type FeatureSchema, fraudLabel, type RawClaim } from "./features";
import {
  DEFAULT_HYPERPARAMETERS,
  type FraudDataset,
  type Hyperparameters,
  type ModelMetadata,
  trainFraudModels,
} from "./train";

export type RefusalReason = "too_few_rows" | "too_few_positives" | "too_few_negatives";

/** Retraining refused: not enough labelled data to train and evaluate a challenger. */
export class TrainingRefusedError extends Error {
  readonly code = "INSUFFICIENT_TRAINING_DATA";
  constructor(
    readonly reason: RefusalReason,
    readonly details: { rows: number; positives: number; negatives: number; min_rows: number; min_positives: number },
  ) {
    super(
      reason === "too_few_rows"
        ? `only ${details.rows} labelled claims; at least ${details.min_rows} are needed`
        : reason === "too_few_positives"
          ? `only ${details.positives} labelled fraud cases; at least ${details.min_positives} are needed`
          : `only ${details.negatives} labelled legitimate claims; at least ${details.min_positives} are needed`,
    );
    this.name = "TrainingRefusedError";
  }
}

export interface ChallengerOptions {
  dataset: FraudDataset;
  kind?: ModelKind;
  calibrated?: boolean;
  randomState?: number;
  version: string;
  trainedAt: string;
  hyperparameters?: Hyperparameters;
  minRows?: number;
  minPositives?: number;
}

export interface Challenger {
  name: string;
  onnx: Uint8Array;
  metadata: ModelMetadata;
  /** Metrics on the challenger's held-out test split. */
  metrics: ClassificationReport;
  /** The held-out claims, to evaluate the current champion on the very same rows. */
  holdout: RawClaim[];
}

/**
 * Trains a challenger fraud model from labelled raw claims (stored training data plus
 * adjudicated claims) with the same trainer as the CLI; runs in Node and in a Worker.
 * Refuses, with a typed error and a reason, when there is too little labelled data.
 */
export function trainChallenger(rows: readonly RawClaim[], options: ChallengerOptions): Challenger {
  const minRows = options.minRows ?? 100;
  const minPositives = options.minPositives ?? 20;
  const labels = rows.map((r) => fraudLabel(options.dataset, r)).filter((y) => y !== undefined);
  const positives = labels.filter((y) => y === 1).length;
  const details = {
    rows: labels.length,
    positives,
    negatives: labels.length - positives,
    min_rows: minRows,
    min_positives: minPositives,
  };
  if (labels.length < minRows) throw new TrainingRefusedError("too_few_rows", details);
  if (positives < minPositives) throw new TrainingRefusedError("too_few_positives", details);
  if (details.negatives < minPositives) throw new TrainingRefusedError("too_few_negatives", details);

  const kind = options.kind ?? "gbdt";
  const calibrated = options.calibrated ?? true;
  const result = trainFraudModels(options.dataset, rows, {
    version: options.version,
    trainedAt: options.trainedAt,
    kinds: [kind],
    hyperparameters: options.hyperparameters ?? DEFAULT_HYPERPARAMETERS[options.dataset],
    ...(options.randomState !== undefined ? { randomState: options.randomState } : {}),
  });
  const chosen = result.models.find((m) => m.metadata.calibrated === calibrated);
  if (!chosen) throw new Error("trainer returned no model");
  const labelled = rows.filter((r) => fraudLabel(options.dataset, r) !== undefined);
  return {
    name: chosen.metadata.name,
    onnx: chosen.onnx,
    metadata: chosen.metadata,
    metrics: chosen.metadata.metrics.test as ClassificationReport,
    holdout: result.split.test.map((i) => labelled[i] as RawClaim),
  };
}

/** Metrics of any model (e.g. the active champion) on labelled claims, for a fair comparison. */
export function evaluateModel(
  model: ScoringModel,
  schema: FeatureSchema,
  dataset: FraudDataset,
  rows: readonly RawClaim[],
  threshold: number,
): ClassificationReport {
  const labelled = rows.filter((r) => fraudLabel(dataset, r) !== undefined);
  const x = encodeClaims(schema, labelled);
  const probs = Array.from({ length: x.rows }, (_, i) => predict(model, x.data.subarray(i * x.cols, (i + 1) * x.cols)));
  return classificationReport(
    labelled.map((r) => fraudLabel(dataset, r) as number),
    probs,
    threshold,
  );
}

/** Promotion rule: the challenger must beat the champion's held-out ROC-AUC on the same rows. */
export function challengerWins(challenger: ClassificationReport, champion: ClassificationReport, margin = 0): boolean {
  return challenger.roc_auc > champion.roc_auc + margin;
}
