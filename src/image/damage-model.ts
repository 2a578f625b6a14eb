import spec from "../../models/damage/damage-classifier.json";
import type { Env } from "../env";
import { loadSession, ort } from "../platform/onnx";

/** Where the damage classifier lives in the MODELS bucket (put there by the local setup). */
export const DAMAGE_MODEL_KEY = "damage/damage-classifier.onnx";
export const DAMAGE_MODEL_VERSION = spec.model_version;

let session: Promise<ort.InferenceSession> | undefined;

/**
 * The damage classifier (~7 MB, too big to bundle beside the ONNX runtime), fetched from R2
 * and compiled once per isolate.
 */
function damageSession(env: Env): Promise<ort.InferenceSession> {
  session ??= env.MODELS.get(DAMAGE_MODEL_KEY)
    .then(async (object) => {
      if (!object) throw new Error(`damage model ${DAMAGE_MODEL_KEY} is missing from R2`);
      return loadSession(await object.arrayBuffer());
    })
    .catch((err: unknown) => {
      session = undefined;
      throw err;
    });
  return session;
}

/** [p_no_damage, p_damage] for one NCHW float32 [1, 3, 224, 224] input. */
export async function predictDamage(env: Env, modelInput: Float32Array): Promise<number[]> {
  const output = await (await damageSession(env)).run({
    [spec.input.name]: new ort.Tensor("float32", modelInput, [1, 3, 224, 224]),
  });
  return Array.from(output[spec.output.name]!.data as Float32Array);
}
