import type { RgbaImage } from "../domain/photo/image";
import { DAMAGE_INPUT_SHAPE, damageModelInput } from "../domain/photo/preprocess";
import type { Env } from "../env";
import { ort } from "../platform/onnx";
import { r2ModelSession } from "./r2-model-session";

/** What the Worker needs from a photo classifier's contract (models/<name>/<name>-classifier.json). */
export interface PhotoClassifierSpec {
  model_version: string;
  input: { name: string };
  output: { name: string; labels: string[] };
}

/**
 * The input all three photo classifiers share (damage, car colour, damage severity): a photo is
 * resized once and the same tensor goes to each model; a decoded image is resized here.
 */
export type PhotoModelInput = Float32Array | RgbaImage;

const toTensorData = (input: PhotoModelInput): Float32Array =>
  input instanceof Float32Array ? input : damageModelInput(input);

/** Runs one photo through a classifier stored in R2 under `key`; the raw output in the spec's label order. */
export async function runPhotoClassifier(
  env: Env,
  key: string,
  spec: PhotoClassifierSpec,
  input: PhotoModelInput,
): Promise<Float32Array> {
  const session = await r2ModelSession(env.MODELS, key);
  const output = await session.run({
    [spec.input.name]: new ort.Tensor("float32", toTensorData(input), [...DAMAGE_INPUT_SHAPE]),
  });
  const probabilities = output[spec.output.name];
  if (!probabilities) throw new Error(`model ${key} has no output ${spec.output.name}`);
  return probabilities.data as Float32Array;
}
