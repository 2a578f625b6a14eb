import { z } from "@hono/zod-openapi";
import { MAX_IMAGE_BYTES } from "../../domain/photo/limits";
import { receiveUpload } from "../../uploads/receive-upload";
import type { Api } from "../api";
import { binaryFile, jsonResponse } from "../shared/content";
import { publicRoute } from "../shared/protected-route";
import { uploadReceiptSchema } from "./schema";

export const putUploadRoute = publicRoute({
  method: "put",
  path: "/uploads/{token}",
  tags: ["first notice of loss"],
  summary: "Upload an image to a signed URL",
  description:
    "The URL itself is the credential (signed, expiring, single-use, bound to a customer and a document type). " +
    "The body is the JPEG or PNG with its Content-Length; magic bytes, size (≤ 10 MB) and dimensions (≥ 320×320, " +
    "≤ 12.6 MP) are checked from its first bytes before anything is stored, then it is streamed into storage and " +
    "processed: Document.Processed and a fraud verdict follow as events.",
  bodyLimit: MAX_IMAGE_BYTES,
  rateLimit: { family: "upload", tier: "public" },
  request: {
    params: z.object({ token: z.string().min(1).max(200) }),
    body: {
      required: true,
      content: {
        "image/jpeg": { schema: z.any().openapi(binaryFile) },
        "image/png": { schema: z.any().openapi(binaryFile) },
      },
    },
  },
  responses: { 202: jsonResponse(uploadReceiptSchema, "Stored; processing follows as events") },
  errors: {
    400: "VALIDATION_ERROR (no Content-Length, body shorter or longer), INVALID_IMAGE, INVALID_IMAGE_FORMAT",
    403: "The URL is invalid or has expired",
    409: "The URL has already been used",
    413: "Image larger than 10 MB or than the pixel limit",
    415: "The body is not image/jpeg or image/png",
  },
});

export const registerPutUpload = (app: Api) =>
  app.openapi(putUploadRoute, async (c) => {
    const length = c.req.header("content-length");
    const receipt = await receiveUpload(c.env, c.get("db"), c.req.valid("param").token, {
      body: c.req.raw.body,
      contentLength: length && /^\d{1,9}$/.test(length) ? Number(length) : undefined,
      contentType: c.req.header("content-type"),
      requestId: c.get("requestId"),
    });
    return c.json(
      {
        document_id: receipt.documentId,
        document_type: receipt.documentType,
        claim_id: receipt.claimId,
        status: "UPLOADED" as const,
        bytes: receipt.bytes,
        content_type: receipt.contentType,
        message: "Stored; the document is being read and checked.",
      },
      202,
    );
  });
