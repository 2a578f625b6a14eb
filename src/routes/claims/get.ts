import { and, asc, desc, eq, or } from "drizzle-orm";
import { isStaff } from "../../auth/current-user";
import { withVisibility } from "../../claims/scope";
import { toClaimView } from "../../claims/views";
import { auditEvents, claims, predictions, ROLES } from "../../db/schema";
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
  roles: ROLES,
  request: { params: claimIdParams },
  responses: { 200: jsonResponse(claimDetailSchema, "The claim") },
  errors: { 404: "No such claim, or not one the caller may see (CLAIM_NOT_FOUND)" },
});

export const registerGetClaim = (app: Api) =>
  app.openapi(getClaimRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const [row] = await db
      .select({ claim: claims, prediction: predictions })
      .from(claims)
      .leftJoin(predictions, eq(predictions.claimId, claims.id))
      // A photo claim is also found by the client's claim id (unique per customer).
      .where(
        withVisibility(
          c.get("user"),
          or(eq(claims.id, id), and(eq(claims.channel, "photo"), eq(claims.clientClaimId, id))),
        ),
      )
      .orderBy(desc(claims.updatedAt))
      .limit(1);
    if (!row) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
    const claimId = row.claim.id;
    const trail = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "claim"), eq(auditEvents.entityId, claimId)))
      .orderBy(asc(auditEvents.id));
    return c.json(
      {
        ...toClaimView(row.claim, row.prediction, { staff: isStaff(c.get("user")) }),
        audit_trail: trail.map((event) => ({
          action: event.action,
          actor_id: event.actorId,
          actor_role: event.actorRole,
          before: event.before,
          after: event.after,
          at: event.createdAt,
        })),
      },
      200,
    );
  });
