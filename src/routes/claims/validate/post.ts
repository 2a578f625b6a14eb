import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { type PhotoUpload, submitPhotoClaim } from "../../../claims/photo/submit";
import { MAX_BASE64_CHARS } from "../../../domain/photo/base64";
import type { HonoEnv } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { prepareDamageModel } from "../../../image/damage-model";
import { recordPhase } from "../../../middleware/server-timing";
import type { Api } from "../../api";
import { binaryFile, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { photoValidationSchema } from "../schema";

/** Bodies above this are refused before reading: the largest photo as base64 in JSON, plus room. */
export const MAX_VALIDATE_BODY = Math.ceil(MAX_BASE64_CHARS) + 64 * 1024;

const claimIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/, "letters, digits, '.', '_', ':' or '-'");

const validateJson = z
  .object({
    claim_id: claimIdSchema.openapi({ example: "CLM-2025-001234" }),
    customer_id: claimIdSchema.openapi({ example: "CUST-456789" }),
    image: z.string().min(1).openapi({ description: "Base64 JPEG or PNG (a data: URL prefix is accepted)" }),
  })
  .strict()
  .openapi("PhotoValidationRequest");

export const postPhotoValidationRoute = protectedRoute({
  method: "post",
  path: "/claims/validate",
  tags: ["photo claims"],
  summary: "Validate a damage photo and decide the claim",
  description:
    "JSON with a base64 `image`, or — for large photos — multipart/form-data with `claim_id`, `customer_id` and an " +
    "`image` file, or the raw `image/jpeg` / `image/png` body with `claim_id` and `customer_id` as query parameters. " +
    "Resubmitting a claim id replaces its result. A photo of quality below 0.4 is refused with QUALITY_TOO_LOW and " +
    "guidance, and nothing is stored.",
  roles: ["customer", "admin"],
  rateLimit: { family: "photo-validation", tier: "expensive" },
  bodyLimit: MAX_VALIDATE_BODY,
  request: {
    query: z.object({ claim_id: claimIdSchema.optional(), customer_id: claimIdSchema.optional() }),
    body: {
      content: {
        "application/json": { schema: validateJson },
        "multipart/form-data": {
          schema: z.object({ claim_id: z.string(), customer_id: z.string(), image: z.any().openapi(binaryFile) }),
        },
        "image/jpeg": { schema: z.any().openapi(binaryFile) },
        "image/png": { schema: z.any().openapi(binaryFile) },
      },
    },
  },
  responses: { 200: jsonResponse(photoValidationSchema, "The decision (APPROVED, or REJECTED with a reason)") },
  errors: {
    400: "VALIDATION_ERROR, INVALID_IMAGE, INVALID_IMAGE_FORMAT or QUALITY_TOO_LOW (with breakdown, issues and feedback)",
    403: "Only for customer, admin; a customer submits for its own customer id only",
    413: "Photo larger than 10 MB or than the pixel limit",
    415: "Unsupported body type",
    500: "INFERENCE_ERROR or STORAGE_ERROR: nothing was kept",
  },
});

const uploadIds = (claimId: unknown, customerId: unknown) => {
  const parsed = z
    .object({ claim_id: claimIdSchema, customer_id: claimIdSchema })
    .safeParse({ claim_id: claimId, customer_id: customerId });
  if (!parsed.success) {
    throw new ApiError("VALIDATION_ERROR", "claim_id and customer_id are required", {
      details: { issues: parsed.error.issues },
    });
  }
  return { claimId: parsed.data.claim_id, customerId: parsed.data.customer_id };
};

/** The three accepted body forms, reduced to one shape. */
async function readUpload(c: Context<HonoEnv>, json: z.infer<typeof validateJson> | undefined): Promise<PhotoUpload> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/json")) {
    if (!json) throw new ApiError("VALIDATION_ERROR", "Missing body");
    return { ...uploadIds(json.claim_id, json.customer_id), image: json.image };
  }
  if (type.startsWith("multipart/form-data")) {
    const form = await c.req.parseBody().catch(() => {
      throw new ApiError("VALIDATION_ERROR", "Malformed multipart body");
    });
    const image = form.image;
    if (!(image instanceof File))
      throw new ApiError("VALIDATION_ERROR", "An image file is required in the 'image' field");
    return { ...uploadIds(form.claim_id, form.customer_id), image: new Uint8Array(await image.arrayBuffer()) };
  }
  if (type.startsWith("image/jpeg") || type.startsWith("image/png")) {
    const query = c.req.query();
    return { ...uploadIds(query.claim_id, query.customer_id), image: new Uint8Array(await c.req.arrayBuffer()) };
  }
  throw new ApiError(
    "UNSUPPORTED_MEDIA_TYPE",
    "Send JSON with a base64 image, multipart/form-data, or an image/jpeg or image/png body",
  );
}

export const registerPostPhotoValidation = (app: Api) =>
  app.openapi(postPhotoValidationRoute, async (c) => {
    // A fresh isolate's model fetch and runtime start overlap the upload and the decode.
    const bodyStart = performance.now();
    prepareDamageModel(c.env);
    const upload = await readUpload(c, c.req.valid("json") as z.infer<typeof validateJson> | undefined);
    recordPhase(c, "body", performance.now() - bodyStart);
    const user = c.get("user");
    if (user.role === "customer" && upload.customerId !== user.customerId) {
      throw new ApiError("FORBIDDEN", "Customers may only submit photos for their own customer id");
    }
    const { decision, phases } = await submitPhotoClaim(c.env, upload, user, c.get("requestId"));
    for (const [name, ms] of phases) recordPhase(c, name, ms);
    recordPhase(c, "handler", performance.now() - bodyStart);
    return c.json(decision, 200);
  });
