import type { ModelColour } from "../../domain/document-fraud/colour-names";
import type { RgbaImage } from "../../domain/photo/image";
import type { Env } from "../../env";

/** What the car document step needs from the colour classifier. */
export interface CarColourPrediction {
  label: ModelColour;
  confidence: number;
  probabilities: Record<ModelColour, number>;
  modelVersion: string;
}

export class ColourModelUnavailableError extends Error {}

/**
 * The car colour classifier (trained on ../shared/data/car_colors, loaded from R2 once per
 * isolate). It is being trained on its own branch; until it is merged the car step cannot run
 * and fails with this error rather than guess a colour.
 */
export async function classifyCarColour(_env: Env, _image: RgbaImage): Promise<CarColourPrediction> {
  throw new ColourModelUnavailableError("the car colour classifier is not installed yet");
}
