import spec from "../../models/severity/severity-classifier.json";
import { type ClassPrediction, readClassProbabilities } from "../domain/photo/class-probabilities";
import { DAMAGE_SEVERITIES, type DamageSeverity } from "../domain/settlement/damage-severity";
import type { Env } from "../env";
import { type PhotoModelInput, runPhotoClassifier } from "./photo-classifier";

/** Where the damage severity classifier lives in the MODELS bucket (seeded by the local setup). */
export const SEVERITY_MODEL_KEY = "severity/severity-classifier.onnx";
export const SEVERITY_MODEL_VERSION = spec.model_version;

export interface DamageSeverityPrediction extends ClassPrediction<DamageSeverity> {
  modelVersion: string;
}

/** How severe the damage in a claim's damage photo looks (minor, moderate, severe), for the repair estimate. */
export async function classifyDamageSeverity(env: Env, input: PhotoModelInput): Promise<DamageSeverityPrediction> {
  const output = await runPhotoClassifier(env, SEVERITY_MODEL_KEY, spec, input);
  return { ...readClassProbabilities(DAMAGE_SEVERITIES, output), modelVersion: SEVERITY_MODEL_VERSION };
}
