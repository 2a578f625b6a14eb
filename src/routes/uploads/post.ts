import { z } from "@hono/zod-openapi";
import { findCustomer } from "../../customers/customer-records";
import { ApiError } from "../../errors/api-error";
import { runBatch } from "../../events/batch";
import { issueUploadUrl } from "../../uploads/upload-grants";
import type { Api } from "../api";
import { jsonBody, jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { uploadUrlSchema } from "./schema";

const uploadUrlRequest = z
  .object({ purpose: z.enum(["DRIVERS_LICENSE", "CAR"]).openapi({ example: "DRIVERS_LICENSE" }) })
  .strict()
  .openapi("UploadUrlRequest");

export const postUploadUrlRoute = protectedRoute({
  method: "post",
  path: "/uploads",
  tags: ["first notice of loss"],
  summary: "A new signed upload URL for the licence or the car image",
  description:
    "For a corrected document or when the URLs of Customer.Accepted have expired. The URL is valid for 15 " +
    "minutes and once; the latest upload of a type is the one that counts, earlier ones stay in the history.",
  roles: ["customer"],
  request: { body: jsonBody(uploadUrlRequest) },
  responses: { 201: jsonResponse(uploadUrlSchema, "The upload URL") },
  errors: { 409: "The customer's signup has not been accepted (or was erased)" },
});

export const registerPostUploadUrl = (app: Api) =>
  app.openapi(postUploadUrlRoute, async (c) => {
    const { purpose } = c.req.valid("json");
    const db = c.get("db");
    const customer = await findCustomer(db, c.get("user").customerId ?? "");
    if (customer?.status !== "ACCEPTED") {
      throw new ApiError("CONFLICT", "Documents can be uploaded once the signup is accepted", {
        details: { status: customer?.status ?? null },
      });
    }
    const upload = await issueUploadUrl(db, c.env.JWT_SECRET, {
      customerId: customer.id,
      purpose,
      origin: new URL(c.req.url).origin,
      now: new Date(),
    });
    await runBatch(db, [upload.statement]);
    return c.json({ purpose, method: "PUT" as const, upload_url: upload.url, expires_at: upload.expiresAt }, 201);
  });
