import { z } from "@hono/zod-openapi";
import { and, desc, eq, or } from "drizzle-orm";
import { requireCaseload } from "../../../claims/claim-actions";
import { claimIfMatch, matchesIfMatch, preconditionFailed } from "../../../claims/claim-concurrency";
import { withVisibility } from "../../../claims/scope";
import { OVERRIDE_MESSAGE } from "../../../claims/views";
import { claims } from "../../../db/schema";
import { printableText } from "../../../domain/input-rules";
import { photoClaimCoordinator } from "../../../durable/claim-coordinator";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { ifMatchHeaders, overrideResponseSchema } from "../schema";

const overrideRequest = z
  .object({
    reason: printableText(1000).min(3).openapi({ example: "User confirmed damage is visible on closer inspection" }),
  })
  .strict()
  .openapi("OverrideRequest");

export const putOverrideRoute = protectedRoute({
  method: "put",
  path: "/claims/{id}/override",
  tags: ["photo claims"],
  summary: "Contest a rejected photo claim",
  description:
    "Allowed for REJECTED claims (low confidence or no damage alike); an APPROVED claim has nothing to override (409). " +
    "The effective status becomes APPROVED and the claim is flagged for manual review; the system status (the model's " +
    "decision) never changes. Serialised with resubmissions through the claim's Durable Object. With If-Match (the " +
    "ETag of GET /claims/{id}) the override applies only to the version the caller read.",
  roles: ["customer", "insurer", "admin"],
  request: {
    params: z.object({
      id: z.string().min(1).max(128).openapi({ description: "The client's claim id or the server id" }),
    }),
    headers: ifMatchHeaders,
    body: jsonBody(overrideRequest),
  },
  responses: { 200: jsonResponse(overrideResponseSchema, "Overridden") },
  errors: {
    404: "No such photo claim, or not one the caller may see (CLAIM_NOT_FOUND)",
    409: "Nothing to override: the claim is already APPROVED; or an adjuster has not taken it from the queue",
    412: "If-Match names a version the claim has moved past (PRECONDITION_FAILED, with the current claim)",
  },
});

export const registerPutOverride = (app: Api) =>
  app.openapi(putOverrideRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    const user = c.get("user");
    const db = c.get("db");
    const ifMatch = claimIfMatch(c);
    const [claim] = await db
      .select({
        id: claims.id,
        customerId: claims.customerId,
        clientClaimId: claims.clientClaimId,
        ownerUserId: claims.ownerUserId,
        assignedInsurerId: claims.assignedInsurerId,
        version: claims.version,
      })
      .from(claims)
      .where(
        withVisibility(user, and(eq(claims.channel, "photo"), or(eq(claims.id, id), eq(claims.clientClaimId, id)))),
      )
      .orderBy(desc(claims.updatedAt))
      .limit(1);
    if (!claim?.customerId || !claim.clientClaimId) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
    requireCaseload(user, claim);
    if (!matchesIfMatch(ifMatch, claim.version)) await preconditionFailed(db, c, claim.id);

    const outcome = await photoClaimCoordinator(c.env, claim.customerId, claim.clientClaimId).overridePhoto(
      claim.id,
      reason,
      { id: user.id, role: user.role },
      c.get("requestId"),
      ifMatch.kind === "versions" ? ifMatch.versions : undefined,
    );
    if (!outcome.ok) {
      if (outcome.reason === "not_found") throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
      if (outcome.reason === "stale") return preconditionFailed(db, c, claim.id);
      throw new ApiError("CONFLICT", "Nothing to override: the claim is already approved", {
        details: { reason: outcome.reason },
      });
    }
    return c.json(
      {
        claim_id: claim.clientClaimId,
        effective_status: "APPROVED" as const,
        system_status: outcome.state.systemStatus,
        user_override: true as const,
        override_timestamp: outcome.state.overrideAt!,
        override_reason: outcome.state.overrideReason!,
        message: OVERRIDE_MESSAGE,
      },
      200,
    );
  });
