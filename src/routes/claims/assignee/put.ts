import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { claimIfMatch, matchesIfMatch, preconditionFailed, versionGuard } from "../../../claims/claim-concurrency";
import { claimNamed } from "../../../claims/claim-detail";
import { claimWorkflowSchema, toClaimWorkflow } from "../../../claims/claim-workflow";
import { withVisibility } from "../../../claims/scope";
import { patchAudited, setTo } from "../../../db/audited-patch";
import { claims, users } from "../../../db/schema";
import { decideAssignment } from "../../../domain/claims/assignment";
import { claimEtag } from "../../../domain/claims/claim-version";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { claimIdParams, ifMatchHeaders } from "../schema";

const assignRequest = z
  .object({
    assignee_id: z.string().min(1).max(64).nullable().openapi({
      description: "The adjuster (an insurer user) to assign; null puts the claim back in the unassigned queue",
    }),
  })
  .strict()
  .openapi("ClaimAssignment");

export const assignmentSchema = z
  .object({ claim_id: z.string() })
  .and(claimWorkflowSchema.required({ assignee: true }))
  .openapi("ClaimAssignmentResult");

export const putAssigneeRoute = protectedRoute({
  method: "put",
  path: "/claims/{id}/assignee",
  tags: ["claims"],
  summary: "Assign a claim to an adjuster, take it from the unassigned queue, or release it",
  description:
    "An admin assigns any claim to any adjuster (insurer user) or unassigns it. An adjuster takes an unassigned " +
    "document, photo or first-notice-of-loss claim for itself (assignee_id = its own id) or releases its own " +
    "(null); two adjusters taking the same claim at once: one gets it, the other 409. Audited.",
  roles: ["insurer", "admin"],
  request: { params: claimIdParams, headers: ifMatchHeaders, body: jsonBody(assignRequest) },
  responses: { 200: jsonResponse(assignmentSchema, "Who works the claim now") },
  errors: {
    403: "An adjuster assigning someone else, or releasing a claim that is not its own",
    404: "No such claim, or not one the caller may see (CLAIM_NOT_FOUND)",
    409: "Another adjuster holds the claim",
    412: "If-Match names a version the claim has moved past (PRECONDITION_FAILED, with the current claim)",
  },
});

export const registerPutAssignee = (app: Api) =>
  app.openapi(putAssigneeRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { assignee_id: assigneeId } = c.req.valid("json");
    const user = c.get("user");
    const db = c.get("db");
    const ifMatch = claimIfMatch(c);
    const claim = await db.query.claims.findFirst({
      where: withVisibility(user, claimNamed(id)),
      columns: { id: true, channel: true, assignedInsurerId: true, version: true },
    });
    if (!claim) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
    const claimId = claim.id;
    if (!matchesIfMatch(ifMatch, claim.version)) await preconditionFailed(db, c, claimId);

    const decision = decideAssignment({
      actor: user,
      claim: { channel: claim.channel, assigneeId: claim.assignedInsurerId },
      assigneeId,
    });
    if (!decision.ok)
      throw new ApiError(decision.code, decision.message, { details: { assignee_id: claim.assignedInsurerId } });
    const assignee = assigneeId ? await db.query.users.findFirst({ where: eq(users.id, assigneeId) }) : undefined;
    if (assigneeId && assignee?.role !== "insurer") {
      throw new ApiError("VALIDATION_ERROR", "assignee_id must be the id of an adjuster (an insurer user)", {
        details: { issues: [{ path: "body.assignee_id", message: "not an insurer user", code: "custom" }] },
      });
    }

    if (decision.changed) {
      const versions = versionGuard(ifMatch);
      const changed = await patchAudited(
        c.env.DB,
        {
          table: "claims",
          keyColumn: "id",
          key: claimId,
          entityType: "claim",
          columns: ["assigned_insurer_id", "updated_at"],
          // Only from the assignee this decision was made on: of two adjusters taking one claim, one wins.
          guard: ["assigned_insurer_id IS ?", versions.guard].filter(Boolean).join(" AND "),
          guardBindings: [claim.assignedInsurerId, ...versions.bindings],
          action: assigneeId ? "claim.assigned" : "claim.unassigned",
        },
        [setTo("assigned_insurer_id", assigneeId)],
        user,
        c.get("requestId"),
        new Date().toISOString(),
      );
      if (!changed) {
        const now = await db.query.claims.findFirst({ where: eq(claims.id, claimId), columns: { version: true } });
        if (now && !matchesIfMatch(ifMatch, now.version)) await preconditionFailed(db, c, claimId);
        throw new ApiError("CONFLICT", "The claim was assigned to another adjuster meanwhile", {
          details: { claim_id: claimId },
        });
      }
    }
    const after = await db.query.claims.findFirst({ where: eq(claims.id, claimId), columns: { version: true } });
    const version = after?.version ?? claim.version;
    c.header("etag", claimEtag(version));
    const workflow = toClaimWorkflow(version, assignee ?? null, user);
    return c.json({ claim_id: claimId, version, assignee: workflow.assignee ?? null }, 200);
  });
