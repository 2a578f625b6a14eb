import { eq } from "drizzle-orm";
import { auditInsert } from "../../audit";
import { claims, predictions } from "../../db/schema";
import { ApiError } from "../../errors/api-error";
import type { Api } from "../api";
import { protectedRoute } from "../shared/protected-route";
import { claimIdParams } from "./schema";

export const deleteClaimRoute = protectedRoute({
  method: "delete",
  path: "/claims/{id}",
  tags: ["claims"],
  summary: "Delete a claim, its prediction and its stored document (the audit trail stays)",
  roles: ["admin"],
  request: { params: claimIdParams },
  responses: { 204: { description: "Deleted" } },
  errors: { 404: "No such claim (CLAIM_NOT_FOUND)" },
});

export const registerDeleteClaim = (app: Api) =>
  app.openapi(deleteClaimRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const claim = await db.query.claims.findFirst({ where: eq(claims.id, id) });
    if (!claim) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
    await db.batch([
      db.delete(predictions).where(eq(predictions.claimId, id)),
      db.delete(claims).where(eq(claims.id, id)),
      auditInsert(db, {
        entityType: "claim",
        entityId: id,
        action: "claim.deleted",
        actor: c.get("user"),
        before: claim,
        requestId: c.get("requestId"),
      }),
    ]);
    if (claim.documentKey) await c.env.DOCUMENTS.delete(claim.documentKey);
    return c.body(null, 204);
  });
