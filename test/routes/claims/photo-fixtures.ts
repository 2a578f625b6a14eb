import { env } from "cloudflare:workers";
import damageModel from "../../../models/damage/damage-classifier.onnx";
import { DAMAGE_MODEL_KEY } from "../../../src/image/damage-model";
import { toBase64 } from "../../photo/bytes";
import { encodeJpeg, gaussianBlur, makeScene, mapColours } from "../../photo/scene";

export const installDamageModel = () => env.MODELS.put(DAMAGE_MODEL_KEY, damageModel);

/** A sharp, well-exposed 1280×960 photo (a textured scene) and degraded copies of it. */
export async function photos(seed = 7) {
  const scene = makeScene(1280, 960, seed);
  return {
    sharp: await encodeJpeg(scene, 90),
    blurred: await encodeJpeg(gaussianBlur(scene, 6), 90),
    dark: await encodeJpeg(
      mapColours(scene, (v) => v * 0.08),
      90,
    ),
  };
}

export { toBase64 };
