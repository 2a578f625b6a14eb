import { z } from "@hono/zod-openapi";

export const uploadUrlSchema = z
  .object({
    purpose: z.enum(["DRIVERS_LICENSE", "CAR", "DAMAGE"]),
    method: z.literal("PUT"),
    upload_url: z.string().describe("Signed, single-use: PUT the JPEG or PNG as the body, with its Content-Type"),
    expires_at: z.string(),
  })
  .openapi("UploadUrl");

export const uploadReceiptSchema = z
  .object({
    document_id: z.string(),
    document_type: z.enum(["DRIVERS_LICENSE", "CAR", "DAMAGE"]),
    claim_id: z.string().nullable(),
    status: z.literal("UPLOADED"),
    bytes: z.number().int(),
    content_type: z.string(),
    message: z.string(),
  })
  .openapi("UploadReceipt");
