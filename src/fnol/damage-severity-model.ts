import type { RgbaImage } from "../domain/photo/image";
import type { DamageSeverity } from "../domain/settlement/damage-severity";
import type { Env } from "../env";

/** What the settlement needs from the damage severity classifier. */
export interface DamageSeverityPrediction {
  label: DamageSeverity;
  confidence: number;
  probabilities: Record<DamageSeverity, number>;
  modelVersion: string;
}

export class SeverityModelUnavailableError extends Error {}

/**
 * The damage severity classifier (trained on ../shared/data/damage_severity, loaded from R2 once
 * per isolate). It is being trained on its own branch; until it is merged the settlement step
 * cannot run and fails with this error rather than guess a severity.
 */
export async function classifyDamageSeverity(
  _env: Env,
  _input: Float32Array | RgbaImage,
): Promise<DamageSeverityPrediction> {
  throw new SeverityModelUnavailableError("the damage severity classifier is not installed yet");
}
