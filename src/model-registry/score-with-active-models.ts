import { type FraudScore, fraudModelName, type RawClaim, type ScoreOptions, scoreFraudBatch } from "../domain/fraud";
import { ModelUnavailableError } from "../domain/fraud/model-set";
import type { Env } from "../env";
import { ApiError } from "../errors/api-error";
import { activeModelSet } from "./loader";

/** Scores claims with the active version of the chosen fraud model, timing load and scoring for Server-Timing. */
export async function scoreWithActiveModel(
  env: Env,
  claims: RawClaim[],
  options: ScoreOptions,
): Promise<{ scores: FraudScore[]; serverTiming: string }> {
  const started = performance.now();
  const name = fraudModelName(options.dataset ?? "insurance_claims", options.model ?? "rf", options.calibrated ?? true);
  try {
    const models = await activeModelSet(env, [name]);
    const loadedAt = performance.now();
    const scores = await scoreFraudBatch(models, claims, options);
    const serverTiming = `load;dur=${(loadedAt - started).toFixed(2)}, score;dur=${(performance.now() - loadedAt).toFixed(2)}`;
    return { scores, serverTiming };
  } catch (err) {
    if (err instanceof ModelUnavailableError) {
      throw new ApiError("INFERENCE_ERROR", `Model ${name} is not available`, { details: { model: name } });
    }
    throw err;
  }
}
