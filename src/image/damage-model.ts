import spec from "../../models/damage/damage-classifier.json";
import type { Env } from "../env";
import { type PhotoModelInput, runPhotoClassifier } from "./photo-classifier";
import { type ModelLoadTimings, r2ModelSession, takeModelLoadTimings } from "./r2-model-session";

/** Where the damage classifier lives in the MODELS bucket (put there by the local setup). */
export const DAMAGE_MODEL_KEY = "damage/damage-classifier.onnx";
export const DAMAGE_MODEL_VERSION = spec.model_version;

/** [p_no_damage, p_damage] for one photo (its shared model input, or the decoded image). */
export async function predictDamage(env: Env, input: PhotoModelInput): Promise<number[]> {
  return Array.from(await runPhotoClassifier(env, DAMAGE_MODEL_KEY, spec, input));
}

/**
 * Starts fetching and compiling the damage model (once per isolate) while the photo is read and
 * decoded; a failure is forgotten here and reported by predictDamage, which loads it again.
 * Resolves (never rejects) once the model is ready or has failed.
 */
export function prepareDamageModel(env: Env): Promise<void> {
  return r2ModelSession(env.MODELS, DAMAGE_MODEL_KEY).then(
    () => undefined,
    () => undefined,
  );
}

/** How long this isolate took to fetch and start the damage model, reported once (by the request that loaded it). */
export const takeDamageModelLoadTimings = (): ModelLoadTimings | undefined => takeModelLoadTimings(DAMAGE_MODEL_KEY);
