import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { auditInsert } from "../../audit";
import { authenticate, requireRole } from "../../auth/middleware";
import { claims, predictions } from "../../db/schema";
import type { HonoEnv } from "../../env";
import { ApiError } from "../../errors/api-error";
import { authErrors, bearerSecurity, errorResponse } from "../shared/responses";

export const deleteClaimRoute = createRoute({
  method: "delete",
  path: "/claims/{id}",
  tags: ["claims"],
  summary: "Delete a claim, its prediction and its stored document (admin; the audit trail stays)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { params: z.object({ id: z.string().min(1).max(128) }) },
  responses: {
    204: { description: "Deleted" },
    ...authErrors,
    404: errorResponse("No such claim"),
  },
});

export const registerDeleteClaim = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(deleteClaimRoute, async (c) => {
    const { id } = c.req.valid("param");
    const db = c.get("db");
    const claim = await db.query.claims.findFirst({ where: eq(claims.id, id) });
    if (!claim) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
    await db.batch([
      db.delete(predictions).where(eq(predictions.claimId, id)),
      db.delete(claims).where(eq(claims.id, id)),
      auditInsert(db, { entityType: "claim", entityId: id, action: "claim.deleted", actor: c.get("user"), before: claim, requestId: c.get("requestId") }),
    ]);
    if (claim.documentKey) await c.env.DOCUMENTS.delete(claim.documentKey);
    return c.body(null, 204);
  });
