import type { ModelKind, ScoringModel } from "../../ml/model";
import { parseOnnx } from "../../ml/onnx-model";
import type { FraudDataset, ModelMetadata } from "./train";

/** Runs the ONNX graph on `rows` rows of float32 features; returns its outputs by name. */
export type ModelRunner = (features: Float32Array, rows: number) => Promise<Record<string, Float32Array>>;

/** A model ready to score: its ONNX runner, and the same trees read back from the file for TreeSHAP. */
export interface LoadedModel {
  metadata: ModelMetadata;
  model: ScoringModel;
  nFeatures: number;
  run: ModelRunner;
}

/** Reads an exported model's trees and metadata; `runner` is made from the same bytes by the platform. */
export function loadModel(bytes: Uint8Array | ArrayBuffer, runner: ModelRunner): LoadedModel {
  const parsed = parseOnnx<ModelMetadata>(bytes);
  return { metadata: parsed.metadata, model: parsed.model, nFeatures: parsed.nFeatures, run: runner };
}

/** A model asked for is not there: not loaded, no active version, or its artifact missing. */
export class ModelUnavailableError extends Error {
  constructor(
    readonly modelName: string,
    message = `model ${modelName} is not loaded`,
  ) {
    super(message);
    this.name = "ModelUnavailableError";
  }
}

export function fraudModelName(dataset: FraudDataset, kind: ModelKind, calibrated: boolean): string {
  return `${dataset}-${kind}${calibrated ? "-calibrated" : ""}`;
}

export const RESERVE_MODEL_NAME = "insurance_claims-reserve";

/** The models a scorer can use, by name (`<dataset>-<kind>[-calibrated]`, `insurance_claims-reserve`). */
export class ModelSet {
  private readonly byName = new Map<string, LoadedModel>();
  constructor(models: Iterable<LoadedModel> = []) {
    for (const m of models) this.add(m);
  }
  add(model: LoadedModel): void {
    this.byName.set(model.metadata.name, model);
  }
  get(name: string): LoadedModel {
    const m = this.byName.get(name);
    if (!m) throw new ModelUnavailableError(name);
    return m;
  }
  has(name: string): boolean {
    return this.byName.has(name);
  }
  list(): ModelMetadata[] {
    return [...this.byName.values()].map((m) => m.metadata);
  }
}
