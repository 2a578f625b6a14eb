import { type ForestOptions, trainForest } from "../../ml/forest";
import { type GbdtOptions, trainGbdt } from "../../ml/gbdt";
import { binMatrix, type Matrix, row, selectRows } from "../../ml/matrix";
import {
  bestF1Threshold,
  type ClassificationReport,
  classificationReport,
  meanAbsoluteError,
  rocAuc,
  rSquared,
} from "../../ml/metrics";
import { fitPlatt, type ModelKind, modelScore, predict, type ScoringModel, scoreToOutput } from "../../ml/model";
import { exportOnnx } from "../../ml/onnx-model";
import { Rng, randomSplit, type Split, stratifiedSplit } from "../../ml/random";
import { nodeCount, type TreeEnsemble } from "../../ml/tree";
import { modelShap } from "../../ml/treeshap";
import {
  encodeClaims,
  type FeatureSchema,
  type FeatureSetName,
  fitFeatureSchema,
  fraudLabel,
  type RawClaim,
  readNumber,
} from "./features";

/**
 * Training of the fraud and reserve models from raw claim records: pure TypeScript, the same
 * code in the Node CLI (scripts/train-models.ts) and in a Worker (trainChallenger).
 */

export type FraudDataset = "insurance_claims" | "vehicle_claims_fraud";

export interface Hyperparameters {
  rf: Omit<ForestOptions, "randomState" | "extra">;
  et: Omit<ForestOptions, "randomState" | "extra">;
  gbdt: Omit<GbdtOptions, "randomState" | "loss">;
}

export const DEFAULT_HYPERPARAMETERS: Record<FraudDataset, Hyperparameters> = {
  // Chosen by 4-fold cross-validated ROC-AUC on train+validation (the test split is never used for tuning).
  insurance_claims: {
    rf: { nTrees: 100, maxDepth: 4, minSamplesLeaf: 5, maxFeatures: 0.5 },
    et: { nTrees: 100, maxDepth: 6, minSamplesLeaf: 3, maxFeatures: 0.3 },
    gbdt: { nTrees: 100, learningRate: 0.05, maxDepth: 3, minSamplesLeaf: 10, lambda: 5, subsample: 0.8, colsample: 1 },
  },
  vehicle_claims_fraud: {
    rf: { nTrees: 50, maxDepth: 7, minSamplesLeaf: 15, maxFeatures: 0.3 },
    et: { nTrees: 50, maxDepth: 8, minSamplesLeaf: 15, maxFeatures: 0.5 },
    gbdt: {
      nTrees: 200,
      learningRate: 0.05,
      maxDepth: 4,
      minSamplesLeaf: 20,
      lambda: 1,
      subsample: 0.8,
      colsample: 0.5,
    },
  },
};

export const RESERVE_HYPERPARAMETERS: Omit<GbdtOptions, "randomState" | "loss"> = {
  nTrees: 200,
  learningRate: 0.05,
  maxDepth: 4,
  minSamplesLeaf: 8,
  lambda: 1,
  subsample: 0.8,
  colsample: 0.7,
};

export const THRESHOLD_RULE = "maximises F1 on the validation split (ties: the higher threshold)";

export interface RegressionReport {
  mae: number;
  r2: number;
  rows: number;
}

export interface ModelMetadata {
  name: string;
  version: string;
  trained_at: string;
  dataset: FeatureSetName;
  task: "classification" | "regression";
  kind: ModelKind | "reserve";
  calibrated: boolean;
  /** Scale of `score` and of the SHAP contributions: probability, log-odds or the target value. */
  score_scale: "probability" | "log-odds" | "value";
  /** SHAP base value on the score scale: the model's expected score over the training data. */
  base_value: number;
  schema: FeatureSchema;
  threshold?: number;
  threshold_rule?: string;
  calibration?: string;
  metrics: { test: ClassificationReport | RegressionReport; validation: ClassificationReport | RegressionReport };
  split: {
    random_state: number;
    train: number;
    validation: number;
    test: number;
    train_positives?: number;
    validation_positives?: number;
    test_positives?: number;
    stratified: boolean;
  };
  size: { trees: number; nodes: number };
  hyperparameters: unknown;
}

export interface TrainedModel {
  model: ScoringModel;
  metadata: ModelMetadata;
  onnx: Uint8Array;
}

export interface TrainOptions {
  randomState?: number;
  version: string;
  trainedAt: string;
  kinds?: ModelKind[];
  hyperparameters?: Hyperparameters;
  fractions?: { validation: number; test: number };
  /** Minimum count for a category to get its own column. */
  minCategoryCount?: number;
}

function scoresOf(model: ScoringModel, x: Matrix): number[] {
  return Array.from({ length: x.rows }, (_, i) => modelScore(model, row(x, i)));
}

function scoreScale(model: ScoringModel): ModelMetadata["score_scale"] {
  if (model.task === "regression") return "value";
  return model.components.length === 1 && model.components[0]?.ensemble.link === "logistic"
    ? "log-odds"
    : "probability";
}

function baseValue(model: ScoringModel, nFeatures: number): number {
  return modelShap(model, new Float32Array(nFeatures).fill(NaN), nFeatures).base;
}

function positives(labels: number[], idx: number[]): number {
  return idx.reduce((s, i) => s + (labels[i] as number), 0);
}

export interface FraudTrainingResult {
  models: TrainedModel[];
  schema: FeatureSchema;
  split: Split;
}

/** Trains rf, et, gbdt and voting, each uncalibrated and Platt-calibrated, on labelled raw claims. */
export function trainFraudModels(
  dataset: FraudDataset,
  raws: readonly RawClaim[],
  opts: TrainOptions,
): FraudTrainingResult {
  const randomState = opts.randomState ?? 20261121;
  const hyper = opts.hyperparameters ?? DEFAULT_HYPERPARAMETERS[dataset];
  const labelled = raws
    .map((r) => ({ r, y: fraudLabel(dataset, r) }))
    .filter((v): v is { r: RawClaim; y: 0 | 1 } => v.y !== undefined);
  const labels = labelled.map((v) => v.y as number);
  const split = stratifiedSplit(labels, opts.fractions ?? { validation: 0.2, test: 0.2 }, randomState);
  const schema = fitFeatureSchema(
    dataset,
    split.train.map((i) => (labelled[i] as { r: RawClaim }).r),
    opts.minCategoryCount ?? 5,
  );
  const all = encodeClaims(
    schema,
    labelled.map((v) => v.r),
  );
  const xTrain = selectRows(all, split.train);
  const xVal = selectRows(all, split.validation);
  const xTest = selectRows(all, split.test);
  const yTrain = split.train.map((i) => labels[i] as number);
  const yVal = split.validation.map((i) => labels[i] as number);
  const yTest = split.test.map((i) => labels[i] as number);
  const binned = binMatrix(xTrain, 64);

  const members: Record<Exclude<ModelKind, "voting">, () => TreeEnsemble> = {
    rf: () => trainForest(binned, yTrain, { ...hyper.rf, extra: false, randomState: randomState + 1 }),
    et: () => trainForest(binned, yTrain, { ...hyper.et, extra: true, randomState: randomState + 2 }),
    gbdt: () => trainGbdt(binned, yTrain, { ...hyper.gbdt, loss: "logistic", randomState: randomState + 3 }),
  };
  const cache = new Map<string, TreeEnsemble>();
  const member = (k: Exclude<ModelKind, "voting">) => {
    if (!cache.has(k)) cache.set(k, members[k]());
    return cache.get(k) as TreeEnsemble;
  };
  const kinds = opts.kinds ?? ["rf", "et", "gbdt", "voting"];
  const splitInfo = {
    random_state: randomState,
    train: split.train.length,
    validation: split.validation.length,
    test: split.test.length,
    train_positives: positives(labels, split.train),
    validation_positives: positives(labels, split.validation),
    test_positives: positives(labels, split.test),
    stratified: true,
  };
  const models: TrainedModel[] = [];
  for (const kind of kinds) {
    const components =
      kind === "voting"
        ? (["rf", "et", "gbdt"] as const).map((k) => ({ name: k, ensemble: member(k) }))
        : [{ name: kind, ensemble: member(kind) }];
    const uncalibrated: ScoringModel = { task: "classification", components };
    const calibration = fitPlatt(scoresOf(uncalibrated, xVal), yVal);
    for (const calibrated of [false, true]) {
      const model: ScoringModel = calibrated ? { ...uncalibrated, calibration } : uncalibrated;
      const pVal = scoresOf(model, xVal).map((s) => scoreToOutput(model, s));
      const threshold = bestF1Threshold(yVal, pVal);
      const pTest = scoresOf(model, xTest).map((s) => scoreToOutput(model, s));
      const name = `${dataset}-${kind}${calibrated ? "-calibrated" : ""}`;
      const metadata: ModelMetadata = {
        name,
        version: opts.version,
        trained_at: opts.trainedAt,
        dataset,
        task: "classification",
        kind,
        calibrated,
        score_scale: scoreScale(model),
        base_value: baseValue(model, schema.columns.length),
        schema,
        threshold,
        threshold_rule: THRESHOLD_RULE,
        ...(calibrated
          ? {
              calibration: `Platt scaling fitted on the validation split: p = sigmoid(${calibration.a.toFixed(6)} * score + ${calibration.b.toFixed(6)})`,
            }
          : {}),
        metrics: {
          test: classificationReport(yTest, pTest, threshold),
          validation: classificationReport(yVal, pVal, threshold),
        },
        split: splitInfo,
        size: {
          trees: components.reduce((s, c) => s + c.ensemble.trees.length, 0),
          nodes: components.reduce((s, c) => s + nodeCount(c.ensemble), 0),
        },
        hyperparameters: kind === "voting" ? hyper : hyper[kind],
      };
      models.push({
        model,
        metadata,
        onnx: exportOnnx(model, schema.columns.length, metadata as unknown as Record<string, unknown>),
      });
    }
  }
  return { models, schema, split };
}

/** Reserve regressor: the claim's total cost from incident and policy facts (no claim-amount inputs). */
export function trainReserveModel(
  raws: readonly RawClaim[],
  opts: TrainOptions & { gbdt?: Omit<GbdtOptions, "randomState" | "loss"> },
): TrainedModel & { testRows: RawClaim[] } {
  const randomState = opts.randomState ?? 20261121;
  const hyper = opts.gbdt ?? RESERVE_HYPERPARAMETERS;
  const usable = raws.filter((r) => readNumber(r, "total_claim_amount") !== undefined);
  const target = usable.map((r) => readNumber(r, "total_claim_amount") as number);
  const split = randomSplit(usable.length, opts.fractions ?? { validation: 0.2, test: 0.2 }, randomState);
  const schema = fitFeatureSchema(
    "insurance_reserve",
    split.train.map((i) => usable[i] as RawClaim),
    opts.minCategoryCount ?? 5,
  );
  const all = encodeClaims(schema, usable);
  const pick = (idx: number[]) => idx.map((i) => target[i] as number);
  const ensemble = trainGbdt(selectRows(all, split.train), pick(split.train), {
    ...hyper,
    loss: "squared",
    randomState: randomState + 4,
  });
  const model: ScoringModel = { task: "regression", components: [{ name: "reserve", ensemble }] };
  const report = (idx: number[]): RegressionReport => {
    const x = selectRows(all, idx);
    const pred = Array.from({ length: x.rows }, (_, i) => predict(model, row(x, i)));
    return { mae: meanAbsoluteError(pick(idx), pred), r2: rSquared(pick(idx), pred), rows: idx.length };
  };
  const metadata: ModelMetadata = {
    name: "insurance_claims-reserve",
    version: opts.version,
    trained_at: opts.trainedAt,
    dataset: "insurance_reserve",
    task: "regression",
    kind: "reserve",
    calibrated: false,
    score_scale: "value",
    base_value: baseValue(model, schema.columns.length),
    schema,
    metrics: { test: report(split.test), validation: report(split.validation) },
    split: {
      random_state: randomState,
      train: split.train.length,
      validation: split.validation.length,
      test: split.test.length,
      stratified: false,
    },
    size: { trees: ensemble.trees.length, nodes: nodeCount(ensemble) },
    hyperparameters: hyper,
  };
  return {
    model,
    metadata,
    onnx: exportOnnx(model, schema.columns.length, metadata as unknown as Record<string, unknown>),
    testRows: split.test.map((i) => usable[i] as RawClaim),
  };
}

export interface CrossValidation {
  folds: number;
  rows: number;
  /** Per model kind: mean and standard deviation of the fold ROC-AUCs (uncalibrated; Platt is monotone). */
  roc_auc: Record<ModelKind, { mean: number; sd: number; folds: number[] }>;
}

/**
 * k-fold cross-validated ROC-AUC on the train+validation rows of the same split
 * (the test rows stay unseen): a steadier estimate than one small test split.
 */
export function crossValidateFraud(
  dataset: FraudDataset,
  raws: readonly RawClaim[],
  opts: { randomState?: number; folds?: number; hyperparameters?: Hyperparameters; minCategoryCount?: number } = {},
): CrossValidation {
  const randomState = opts.randomState ?? 20261121;
  const k = opts.folds ?? 4;
  const hyper = opts.hyperparameters ?? DEFAULT_HYPERPARAMETERS[dataset];
  const labelled = raws.filter((r) => fraudLabel(dataset, r) !== undefined);
  const labels = labelled.map((r) => fraudLabel(dataset, r) as number);
  const split = stratifiedSplit(labels, { validation: 0.2, test: 0.2 }, randomState);
  const dev = new Rng(randomState + 7).shuffle([...split.train, ...split.validation]);
  const kinds: ModelKind[] = ["rf", "et", "gbdt", "voting"];
  const aucs: Record<ModelKind, number[]> = { rf: [], et: [], gbdt: [], voting: [] };
  for (let f = 0; f < k; f++) {
    const fit = dev.filter((_, i) => i % k !== f);
    const held = dev.filter((_, i) => i % k === f);
    const schema = fitFeatureSchema(
      dataset,
      fit.map((i) => labelled[i] as RawClaim),
      opts.minCategoryCount ?? 5,
    );
    const all = encodeClaims(schema, labelled);
    const binned = binMatrix(selectRows(all, fit), 64);
    const y = fit.map((i) => labels[i] as number);
    const members = {
      rf: trainForest(binned, y, { ...hyper.rf, extra: false, randomState: randomState + 1 }),
      et: trainForest(binned, y, { ...hyper.et, extra: true, randomState: randomState + 2 }),
      gbdt: trainGbdt(binned, y, { ...hyper.gbdt, loss: "logistic", randomState: randomState + 3 }),
    };
    const xHeld = selectRows(all, held);
    const yHeld = held.map((i) => labels[i] as number);
    for (const kind of kinds) {
      const components =
        kind === "voting"
          ? (["rf", "et", "gbdt"] as const).map((n) => ({ name: n, ensemble: members[n] }))
          : [{ name: kind, ensemble: members[kind] }];
      aucs[kind].push(rocAuc(yHeld, scoresOf({ task: "classification", components }, xHeld)));
    }
  }
  const summary = (a: number[]) => {
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    return { mean, sd: Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, a.length - 1)), folds: a };
  };
  return {
    folds: k,
    rows: dev.length,
    roc_auc: { rf: summary(aucs.rf), et: summary(aucs.et), gbdt: summary(aucs.gbdt), voting: summary(aucs.voting) },
  };
}
