import { z } from "@hono/zod-openapi";
import { findVisibleClaim } from "../../../claims/claim-detail";
import { ROLES } from "../../../db/schema";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { binaryFile } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { claimIdParams } from "../schema";

const PHOTO_TYPES = new Set(["image/jpeg", "image/png"]);

export const getClaimPhotoRoute = protectedRoute({
  method: "get",
  path: "/claims/{id}/photo",
  tags: ["photo claims"],
  summary: "The photo a photo claim was decided on (the latest submission)",
  roles: ROLES,
  request: { params: claimIdParams },
  responses: {
    200: {
      description: "The photo as submitted",
      content: {
        "image/jpeg": { schema: z.any().openapi(binaryFile) },
        "image/png": { schema: z.any().openapi(binaryFile) },
      },
    },
  },
  errors: { 404: "No such photo claim, or not one the caller may see (CLAIM_NOT_FOUND)" },
});

export const registerGetClaimPhoto = (app: Api) =>
  app.openapi(getClaimPhotoRoute, async (c) => {
    const { id } = c.req.valid("param");
    const row = await findVisibleClaim(c.get("db"), c.get("user"), id);
    const key = row?.claim.channel === "photo" ? row.claim.photoKey : null;
    const object = key ? await c.env.DOCUMENTS.get(key) : null;
    if (!object) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found or has no photo`);
    const type = object.httpMetadata?.contentType ?? "";
    return c.body(object.body, 200, {
      "content-type": PHOTO_TYPES.has(type) ? type : "application/octet-stream",
      "content-length": String(object.size),
    });
  });
