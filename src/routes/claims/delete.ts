import { eq } from "drizzle-orm";
import { deleteClaimObjects, deleteClaimRecords } from "../../claims/delete-claim";
import { claims } from "../../db/schema";
import { photoClaimCoordinator } from "../../durable/claim-coordinator";
import { ApiError } from "../../errors/api-error";
import type { Api } from "../api";
import { protectedRoute } from "../shared/protected-route";
import { claimIdParams } from "./schema";

export const deleteClaimRoute = protectedRoute({
  method: "delete",
  path: "/claims/{id}",
  tags: ["claims"],
  summary: "Delete a claim and everything that belongs to it (the audit trail stays)",
  description:
    "Removes the claim, its prediction, its photo fingerprints, the idempotency records of its creation, every " +
    "stored file (the PDF, each photo it was ever submitted with) and its coordinator's state. A photo claim is " +
    "deleted through its Durable Object, serialised with resubmissions.",
  roles: ["admin"],
  request: { params: claimIdParams },
  responses: { 204: { description: "Deleted" } },
  errors: { 404: "No such claim (CLAIM_NOT_FOUND)" },
});

export const registerDeleteClaim = (app: Api) =>
  app.openapi(deleteClaimRoute, async (c) => {
    const { id } = c.req.valid("param");
    const user = c.get("user");
    const actor = { id: user.id, role: user.role };
    const claim = await c.get("db").query.claims.findFirst({
      where: eq(claims.id, id),
      columns: { id: true, channel: true, customerId: true, clientClaimId: true },
    });
    if (!claim) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
    if (claim.channel === "photo" && claim.customerId && claim.clientClaimId) {
      const coordinator = photoClaimCoordinator(c.env, claim.customerId, claim.clientClaimId);
      if (!(await coordinator.deletePhotoClaim(id, actor, c.get("requestId"))))
        throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
      return c.body(null, 204);
    }
    const deleted = await deleteClaimRecords(c.env.DB, id, actor, c.get("requestId"));
    if (!deleted) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
    await deleteClaimObjects(c.env.DOCUMENTS, deleted);
    return c.body(null, 204);
  });
