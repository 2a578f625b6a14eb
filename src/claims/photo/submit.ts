import type { CurrentUser } from "../../auth/current-user";
import { decidePhotoClaim, interpretDamageProbabilities, type PhotoClaimStatus } from "../../domain/photo/decision";
import { PhotoError } from "../../domain/photo/errors";
import { MAX_IMAGE_BYTES } from "../../domain/photo/limits";
import { hammingDistance, isNearDuplicate } from "../../domain/photo/phash";
import { photoClaimCoordinator } from "../../durable/claim-coordinator";
import type { Env } from "../../env";
import { ApiError } from "../../errors/api-error";
import {
  DAMAGE_MODEL_VERSION,
  predictDamage,
  prepareDamageModel,
  takeDamageModelLoadTimings,
} from "../../image/damage-model";
import { type AcceptedPhoto, preparePhoto } from "../../image/pipeline";
import { photoObjectKey, storePhotoObject } from "./photo-object";
import {
  nearDuplicatePhotos,
  type PhotoSubmission,
  photoClaimExists,
  recordFirstPhotoSubmission,
  type SubmissionOutcome,
} from "./store";

/** A damage photo as the client sent it: base64 text or raw bytes, for one of its claims. */
export interface PhotoUpload {
  claimId: string;
  customerId: string;
  image: string | Uint8Array;
}

export interface PhotoClaimDecision {
  claim_id: string;
  effective_status: PhotoClaimStatus;
  result: {
    damage_detected: boolean;
    confidence: number;
    quality_score: number;
    quality_breakdown: { sharpness: number; brightness: number; contrast: number };
  };
  message: string;
  reason?: "no_damage" | "low_confidence";
  user_override_allowed: boolean;
  next_steps: string;
  processing_time_ms: number;
  timestamp: string;
  model_version: string;
  /** This photo replaced an earlier one whose decision the customer had overridden: the override no longer applies. */
  override_cleared: boolean;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Checks, decodes and gates the photo; every refusal is a 4xx ApiError and nothing is stored. */
async function acceptPhoto(image: string | Uint8Array): Promise<AcceptedPhoto> {
  if (image instanceof Uint8Array && image.byteLength > MAX_IMAGE_BYTES) {
    throw new ApiError("PAYLOAD_TOO_LARGE", `Photo exceeds ${MAX_IMAGE_BYTES} bytes`);
  }
  try {
    return await preparePhoto(image);
  } catch (err) {
    if (!(err instanceof PhotoError)) throw err;
    throw new ApiError(err.code, err.message, { details: err.details, feedback: err.feedback });
  }
}

async function inferDamage(env: Env, photo: AcceptedPhoto, requestId: string): Promise<number[]> {
  try {
    return await predictDamage(env, photo.modelInput);
  } catch (err) {
    console.error(
      JSON.stringify({ level: "error", request_id: requestId, message: "damage inference failed", error: String(err) }),
    );
    throw new ApiError("INFERENCE_ERROR", "Damage model failed to process the photo");
  }
}

/** The closest other customer's photo within the near-duplicate distance, if any. */
async function closestDuplicate(env: Env, upload: PhotoUpload, perceptualHash: string) {
  const candidates = await nearDuplicatePhotos(env.DB, upload.customerId, perceptualHash);
  return candidates
    .filter((other) => isNearDuplicate(other.perceptualHash, perceptualHash))
    .map((other) => ({ claimId: other.claimId, distance: hammingDistance(other.perceptualHash, perceptualHash) }))
    .sort((a, b) => a.distance - b.distance)[0];
}

/**
 * The photo in R2 and the closest other customer's photo, side by side. A claim id seen for the
 * first time gets its new claim id here, and its photo that claim's sub-folder (photoObjectKey).
 */
async function storePhoto(env: Env, upload: PhotoUpload, photo: AcceptedPhoto, claimExists: Promise<boolean>) {
  const store = async () => {
    const newClaimId = (await claimExists) ? null : crypto.randomUUID();
    const key = photoObjectKey(upload.customerId, upload.claimId, photo.header.format, newClaimId);
    await storePhotoObject(env.DOCUMENTS, key, photo.bytes, photo.header.mimeType);
    return { key, newClaimId };
  };
  const [duplicate, stored] = await Promise.all([closestDuplicate(env, upload, photo.perceptualHash), store()]);
  return { ...stored, duplicate };
}

/**
 * A photo claim decided in the call: quality gate, damage model, decision; the photo goes to R2
 * while the model runs, a first submission straight to D1 and a resubmission through the
 * claim's Durable Object. A failed claim write removes a photo this call stored, so nothing is
 * half-written.
 */
export async function submitPhotoClaim(
  env: Env,
  upload: PhotoUpload,
  actor: CurrentUser,
  requestId: string,
): Promise<{ decision: PhotoClaimDecision; phases: [name: string, ms: number][] }> {
  const started = Date.now();
  // Asked before the decode, so that the photo's key is known and its upload starts before the model runs.
  const claimExists = photoClaimExists(env.DB, upload.customerId, upload.claimId);
  claimExists.catch(() => undefined); // awaited by storePhoto; a refused photo leaves it unread
  const photo = await acceptPhoto(upload.image);
  // Storing the photo and looking for near-duplicates need nothing the model decides: they run
  // while it infers. A failed inference removes a photo this call stored.
  const stored = storePhoto(env, upload, photo, claimExists);
  stored.catch(() => undefined); // awaited below; an inference failure must not leave it unhandled
  // The model runs synchronously: one turn of the event loop first sends the queries and the upload.
  const turnStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 0));
  // A fresh isolate may still be fetching the model: that wait is timed apart from inference.
  const modelWaitStart = performance.now();
  await prepareDamageModel(env);
  const inferenceStart = performance.now();
  let probabilities: number[];
  try {
    probabilities = await inferDamage(env, photo, requestId);
  } catch (err) {
    await stored.then(({ key }) => env.DOCUMENTS.delete(key)).catch(() => undefined);
    throw err;
  }
  const inferenceMs = performance.now() - inferenceStart;
  const prediction = interpretDamageProbabilities(probabilities);
  const decision = decidePhotoClaim(prediction);

  const storageStart = performance.now();
  const { key, newClaimId, duplicate } = await stored;
  const storedAt = performance.now();
  const result = {
    damage_detected: prediction.damageDetected,
    confidence: round(prediction.confidence),
    quality_score: round(photo.quality.qualityScore),
    quality_breakdown: {
      sharpness: round(photo.quality.breakdown.sharpness),
      brightness: round(photo.quality.breakdown.brightness),
      contrast: round(photo.quality.breakdown.contrast),
    },
  };
  let outcome: SubmissionOutcome;
  try {
    const submission: PhotoSubmission = {
      customerId: upload.customerId,
      clientClaimId: upload.claimId,
      photoKey: key,
      decision: decision.status,
      result: {
        ...result,
        ...(decision.reason ? { reason: decision.reason } : {}),
        message: decision.message,
        next_steps: decision.nextSteps,
        processing_time_ms: Date.now() - started,
        perceptual_hash: photo.perceptualHash,
        model_version: DAMAGE_MODEL_VERSION,
        probabilities,
      },
      perceptualHash: photo.perceptualHash,
      duplicateOf: duplicate ?? null,
      actor: { id: actor.id, role: actor.role },
      requestId,
      now: new Date().toISOString(),
    };
    // A claim id's first photo needs no Durable Object; an existing claim's goes through it.
    outcome =
      (newClaimId ? await recordFirstPhotoSubmission(env.DB, submission, newClaimId) : null) ??
      (await photoClaimCoordinator(env, upload.customerId, upload.claimId).submitPhoto(submission));
  } catch (err) {
    await env.DOCUMENTS.delete(key);
    console.error(
      JSON.stringify({
        level: "error",
        request_id: requestId,
        message: "photo claim write failed",
        error: String(err),
      }),
    );
    throw new ApiError("STORAGE_ERROR", "Could not record the claim");
  }
  if (!outcome.recorded) {
    throw new ApiError("CONFLICT", "The claim was deleted while this photo was being stored; submit it again");
  }
  const writtenAt = performance.now();
  const { timings } = photo;
  // Only the request of a fresh isolate that loaded the model: where its cold start went.
  const modelLoad = takeDamageModelLoadTimings();
  return {
    decision: {
      claim_id: upload.claimId,
      effective_status: decision.status,
      result,
      message: decision.message,
      ...(decision.reason ? { reason: decision.reason } : {}),
      user_override_allowed: decision.userOverrideAllowed,
      next_steps: decision.nextSteps,
      processing_time_ms: Date.now() - started,
      timestamp: new Date().toISOString(),
      model_version: DAMAGE_MODEL_VERSION,
      override_cleared: outcome.overrideCleared,
    },
    // storage = the wait for R2 and the duplicate query after inference + the claim's D1 write.
    phases: [
      ["decode", timings.checksMs + timings.decodeMs],
      ["quality", timings.qualityMs + timings.preprocessMs],
      ["turn", modelWaitStart - turnStart],
      ["model_wait", inferenceStart - modelWaitStart],
      ["inference", inferenceMs],
      ["storage", writtenAt - storageStart],
      ["storage_wait", storedAt - storageStart],
      ["claim_write", writtenAt - storedAt],
      ...(modelLoad
        ? ([
            ["model_fetch", modelLoad.fetchMs],
            ["model_init", modelLoad.initMs],
          ] as [string, number][])
        : []),
    ],
  };
}
