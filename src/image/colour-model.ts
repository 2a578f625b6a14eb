import spec from "../../models/colour/colour-classifier.json";
import { CAR_COLOURS, type CarColour } from "../domain/photo/car-colour";
import { type ClassPrediction, readClassProbabilities } from "../domain/photo/class-probabilities";
import type { Env } from "../env";
import { type PhotoModelInput, runPhotoClassifier } from "./photo-classifier";

/** Where the car colour classifier lives in the MODELS bucket (seeded by the local setup). */
export const COLOUR_MODEL_KEY = "colour/colour-classifier.onnx";
export const COLOUR_MODEL_VERSION = spec.model_version;

export interface CarColourPrediction extends ClassPrediction<CarColour> {
  modelVersion: string;
}

/**
 * The body colour of the car in a photo (at signup, to compare with the policy; on a claim's damage
 * photo): the 9 colours' probabilities, silver standing for grey too.
 */
export async function classifyCarColour(env: Env, input: PhotoModelInput): Promise<CarColourPrediction> {
  const output = await runPhotoClassifier(env, COLOUR_MODEL_KEY, spec, input);
  return { ...readClassProbabilities(CAR_COLOURS, output), modelVersion: COLOUR_MODEL_VERSION };
}
