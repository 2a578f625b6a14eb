import { z } from "@hono/zod-openapi";
import { findCustomer } from "../../customers/customer-records";
import { ApiError } from "../../errors/api-error";
import { runBatch } from "../../events/batch";
import { findFnolClaim } from "../../fnol/claim-records";
import { issueUploadUrl } from "../../uploads/upload-grants";
import type { Api } from "../api";
import { jsonBody, jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { uploadUrlSchema } from "./schema";

const uploadUrlRequest = z
  .object({
    purpose: z.enum(["DRIVERS_LICENSE", "CAR", "DAMAGE"]).openapi({ example: "DRIVERS_LICENSE" }),
    claim_id: z.string().min(1).max(64).optional().openapi({ description: "DAMAGE only: the claim the photo is for" }),
  })
  .strict()
  .refine((r) => (r.purpose === "DAMAGE") === (r.claim_id !== undefined), {
    message: "claim_id is required for DAMAGE and only for DAMAGE",
    path: ["claim_id"],
  })
  .openapi("UploadUrlRequest");

export const postUploadUrlRoute = protectedRoute({
  method: "post",
  path: "/uploads",
  tags: ["first notice of loss"],
  summary: "A new signed upload URL for the licence, the car image or a claim's damage photo",
  description:
    "For a corrected document or when the URLs of Customer.Accepted have expired. The URL is valid for 15 " +
    "minutes and once; the latest upload of a type is the one that counts, earlier ones stay in the history.",
  roles: ["customer"],
  request: { body: jsonBody(uploadUrlRequest) },
  responses: { 201: jsonResponse(uploadUrlSchema, "The upload URL") },
  errors: {
    404: "DAMAGE: no such claim of the customer's",
    409: "The customer's signup has not been accepted (or was erased), or the claim is not waiting for a photo",
  },
});

export const registerPostUploadUrl = (app: Api) =>
  app.openapi(postUploadUrlRoute, async (c) => {
    const { purpose, claim_id: claimId } = c.req.valid("json");
    const db = c.get("db");
    const customer = await findCustomer(db, c.get("user").customerId ?? "");
    if (customer?.status !== "ACCEPTED") {
      throw new ApiError("CONFLICT", "Documents can be uploaded once the signup is accepted", {
        details: { status: customer?.status ?? null },
      });
    }
    if (claimId !== undefined) {
      const claim = await findFnolClaim(db, claimId);
      if (!claim || claim.fnol.customerId !== customer.id) throw new ApiError("CLAIM_NOT_FOUND", "No such claim");
      if (claim.fnol.stage !== "AWAITING_PHOTO") {
        throw new ApiError("CONFLICT", "This claim is not waiting for a damage photo", {
          details: { stage: claim.fnol.stage },
        });
      }
    }
    const upload = await issueUploadUrl(db, c.env.JWT_SECRET, {
      customerId: customer.id,
      purpose,
      claimId,
      origin: new URL(c.req.url).origin,
      now: new Date(),
    });
    await runBatch(db, [upload.statement]);
    return c.json({ purpose, method: "PUT" as const, upload_url: upload.url, expires_at: upload.expiresAt }, 201);
  });
