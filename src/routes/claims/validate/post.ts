import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { authenticate, requireRole } from "../../../auth/middleware";
import { nearDuplicatePhotos } from "../../../claims/photo/store";
import { photoResultSchema } from "../../../claims/views";
import { photoClaimCoordinator } from "../../../durable/claim-coordinator";
import { decidePhotoClaim, interpretDamageProbabilities } from "../../../domain/photo/decision";
import { hammingDistance, isNearDuplicate } from "../../../domain/photo/phash";
import { MAX_BASE64_CHARS } from "../../../domain/photo/base64";
import { MAX_IMAGE_BYTES } from "../../../domain/photo/limits";
import { PhotoError } from "../../../domain/photo/errors";
import type { HonoEnv } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { DAMAGE_MODEL_VERSION, predictDamage } from "../../../image/damage-model";
import { preparePhoto } from "../../../image/pipeline";
import { authErrors, bearerSecurity, errorResponse } from "../../shared/responses";

/** Bodies above this are refused before reading: the largest photo as base64 in JSON, plus room. */
export const MAX_VALIDATE_BODY = Math.ceil(MAX_BASE64_CHARS) + 64 * 1024;

const claimIdSchema = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9._:-]+$/, "letters, digits, '.', '_', ':' or '-'");

const validateJson = z
  .object({
    claim_id: claimIdSchema.openapi({ example: "CLM-2025-001234" }),
    customer_id: claimIdSchema.openapi({ example: "CUST-456789" }),
    image: z.string().min(1).openapi({ description: "Base64 JPEG or PNG (a data: URL prefix is accepted)" }),
  })
  .strict()
  .openapi("PhotoValidationRequest");

const validateResponse = z
  .object({
    claim_id: z.string(),
    effective_status: z.enum(["APPROVED", "REJECTED"]),
    result: photoResultSchema,
    message: z.string(),
    reason: z.enum(["no_damage", "low_confidence"]).optional(),
    user_override_allowed: z.boolean(),
    next_steps: z.string(),
    processing_time_ms: z.number(),
    timestamp: z.string(),
    model_version: z.string(),
  })
  .openapi("PhotoValidationResponse");

export const validateRoute = createRoute({
  method: "post",
  path: "/claims/validate",
  tags: ["photo claims"],
  summary: "Validate a damage photo and decide the claim (seed 002)",
  description:
    "JSON with a base64 `image` (seed 002), or — for large photos — multipart/form-data with `claim_id`, `customer_id` and an `image` file, " +
    "or the raw `image/jpeg` / `image/png` body with `claim_id` and `customer_id` as query parameters. Resubmitting a claim id replaces its result. " +
    "A photo of quality below 0.4 is refused with QUALITY_TOO_LOW and guidance, and nothing is stored.",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("customer", "admin")] as const,
  request: {
    query: z.object({ claim_id: claimIdSchema.optional(), customer_id: claimIdSchema.optional() }),
    body: {
      content: {
        "application/json": { schema: validateJson },
        "multipart/form-data": {
          schema: z.object({ claim_id: z.string(), customer_id: z.string(), image: z.any().openapi({ type: "string", format: "binary" }) }),
        },
        "image/jpeg": { schema: z.any().openapi({ type: "string", format: "binary" }) },
        "image/png": { schema: z.any().openapi({ type: "string", format: "binary" }) },
      },
    },
  },
  responses: {
    200: { description: "The decision (APPROVED, or REJECTED with a reason)", content: { "application/json": { schema: validateResponse } } },
    400: errorResponse("VALIDATION_ERROR, INVALID_IMAGE, INVALID_IMAGE_FORMAT or QUALITY_TOO_LOW (with breakdown, issues and feedback)"),
    ...authErrors,
    413: errorResponse("Photo larger than 10 MB or than the pixel limit"),
    415: errorResponse("Unsupported body type"),
    500: errorResponse("INFERENCE_ERROR or STORAGE_ERROR"),
  },
});

interface PhotoUpload {
  claimId: string;
  customerId: string;
  image: string | Uint8Array;
}

/** The three accepted body forms, reduced to one shape. */
async function readUpload(c: Context<HonoEnv>, json: z.infer<typeof validateJson> | undefined): Promise<PhotoUpload> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  const ids = (claimId: unknown, customerId: unknown) => {
    const parsed = z.object({ claim_id: claimIdSchema, customer_id: claimIdSchema }).safeParse({ claim_id: claimId, customer_id: customerId });
    if (!parsed.success) throw new ApiError("VALIDATION_ERROR", "claim_id and customer_id are required", { details: { issues: parsed.error.issues } });
    return { claimId: parsed.data.claim_id, customerId: parsed.data.customer_id };
  };
  if (type.startsWith("application/json")) {
    if (!json) throw new ApiError("VALIDATION_ERROR", "Missing body");
    return { ...ids(json.claim_id, json.customer_id), image: json.image };
  }
  if (type.startsWith("multipart/form-data")) {
    const form = await c.req.parseBody().catch(() => {
      throw new ApiError("VALIDATION_ERROR", "Malformed multipart body");
    });
    const image = form.image;
    if (!(image instanceof File)) throw new ApiError("VALIDATION_ERROR", "An image file is required in the 'image' field");
    return { ...ids(form.claim_id, form.customer_id), image: new Uint8Array(await image.arrayBuffer()) };
  }
  if (type.startsWith("image/jpeg") || type.startsWith("image/png")) {
    const query = c.req.query();
    return { ...ids(query.claim_id, query.customer_id), image: new Uint8Array(await c.req.arrayBuffer()) };
  }
  throw new ApiError("UNSUPPORTED_MEDIA_TYPE", "Send JSON with a base64 image, multipart/form-data, or an image/jpeg or image/png body");
}

/** Content-addressed within the claim, so resubmitting the same photo stores nothing new. */
const photoKey = async (upload: PhotoUpload, bytes: Uint8Array, format: string) => {
  const digest = [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `photos/${upload.customerId}/${upload.claimId}/${digest}.${format === "png" ? "png" : "jpg"}`;
};

export const registerValidate = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(validateRoute, async (c) => {
    const started = Date.now();
    const upload = await readUpload(c, c.req.valid("json") as z.infer<typeof validateJson> | undefined);
    const user = c.get("user");
    if (user.role === "customer" && upload.customerId !== user.customerId) {
      throw new ApiError("FORBIDDEN", "Customers may only submit photos for their own customer id");
    }
    if (upload.image instanceof Uint8Array && upload.image.byteLength > MAX_IMAGE_BYTES) {
      throw new ApiError("PAYLOAD_TOO_LARGE", `Photo exceeds ${MAX_IMAGE_BYTES} bytes`);
    }

    let photo;
    try {
      photo = await preparePhoto(upload.image);
    } catch (err) {
      if (!(err instanceof PhotoError)) throw err;
      throw new ApiError(err.code, err.message, { details: err.details, extra: err.feedback ? { feedback: err.feedback } : undefined });
    }
    const inferenceStart = performance.now();
    let probabilities: number[];
    try {
      probabilities = await predictDamage(c.env, photo.modelInput);
    } catch (err) {
      console.error(JSON.stringify({ level: "error", request_id: c.get("requestId"), message: "damage inference failed", error: String(err) }));
      throw new ApiError("INFERENCE_ERROR", "Damage model failed to process the photo");
    }
    const inferenceMs = performance.now() - inferenceStart;
    const prediction = interpretDamageProbabilities(probabilities);
    const decision = decidePhotoClaim(prediction);

    const storageStart = performance.now();
    const key = await photoKey(upload, photo.bytes, photo.header.format);
    // The photo goes to R2 while D1 looks for other customers' near-identical photos.
    const [candidates, existedBefore] = await Promise.all([
      nearDuplicatePhotos(c.env.DB, upload.customerId, photo.perceptualHash),
      storePhoto(c.env.DOCUMENTS, key, photo.bytes, photo.header.mimeType),
    ]);
    const duplicate = candidates
      .filter((other) => isNearDuplicate(other.perceptualHash, photo.perceptualHash))
      .map((other) => ({ claimId: other.claimId, distance: hammingDistance(other.perceptualHash, photo.perceptualHash) }))
      .sort((a, b) => a.distance - b.distance)[0];
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
    const processingTimeMs = Date.now() - started;
    try {
      await photoClaimCoordinator(c.env, upload.customerId, upload.claimId).submitPhoto({
        customerId: upload.customerId,
        clientClaimId: upload.claimId,
        photoKey: key,
        decision: decision.status,
        result: {
          ...result,
          ...(decision.reason ? { reason: decision.reason } : {}),
          message: decision.message,
          next_steps: decision.nextSteps,
          processing_time_ms: processingTimeMs,
          perceptual_hash: photo.perceptualHash,
          model_version: DAMAGE_MODEL_VERSION,
          probabilities,
        },
        perceptualHash: photo.perceptualHash,
        duplicateOf: duplicate ?? null,
        actor: { id: user.id, role: user.role },
        requestId: c.get("requestId"),
        now: new Date().toISOString(),
      });
    } catch (err) {
      if (!existedBefore) await c.env.DOCUMENTS.delete(key);
      console.error(JSON.stringify({ level: "error", request_id: c.get("requestId"), message: "photo claim write failed", error: String(err) }));
      throw new ApiError("STORAGE_ERROR", "Could not record the claim");
    }
    const storageMs = performance.now() - storageStart;

    c.header(
      "Server-Timing",
      `decode;dur=${(photo.timings.checksMs + photo.timings.decodeMs).toFixed(1)}, quality;dur=${(photo.timings.qualityMs + photo.timings.preprocessMs).toFixed(1)}, inference;dur=${inferenceMs.toFixed(1)}, storage;dur=${storageMs.toFixed(1)}`,
    );
    return c.json(
      {
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
      },
      200,
    );
  });

const round = (value: number) => Math.round(value * 1000) / 1000;

/** Stores the photo; says whether the same bytes were already there (then a failed claim write keeps them). */
async function storePhoto(bucket: R2Bucket, key: string, bytes: Uint8Array, contentType: string): Promise<boolean> {
  try {
    if (await bucket.head(key)) return true;
    await bucket.put(key, bytes, { httpMetadata: { contentType } });
    return false;
  } catch (err) {
    throw new ApiError("STORAGE_ERROR", "Could not store the photo", { details: { reason: String(err) } });
  }
}
