import { readClaimDetail } from "../../claims/claim-detail";
import { ROLES } from "../../db/schema";
import { claimEtag } from "../../domain/claims/claim-version";
import { ApiError } from "../../errors/api-error";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { claimDetailSchema, claimIdParams } from "./schema";

export const getClaimRoute = protectedRoute({
  method: "get",
  path: "/claims/{id}",
  tags: ["claims"],
  summary: "One claim with its audit trail",
  description:
    "The ETag header names the claim's version: send it back as If-Match on an action to detect concurrent edits.",
  roles: ROLES,
  request: { params: claimIdParams },
  responses: { 200: jsonResponse(claimDetailSchema, "The claim") },
  errors: { 404: "No such claim, or not one the caller may see (CLAIM_NOT_FOUND)" },
});

export const registerGetClaim = (app: Api) =>
  app.openapi(getClaimRoute, async (c) => {
    const { id } = c.req.valid("param");
    const detail = await readClaimDetail(c.get("db"), c.get("user"), id);
    if (!detail) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
    c.header("etag", claimEtag(detail.version));
    return c.json(detail.view, 200);
  });
