import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { requireCaseload } from "../../../claims/claim-actions";
import { claimIfMatch, matchesIfMatch, preconditionFailed, versionGuard } from "../../../claims/claim-concurrency";
import { withVisibility } from "../../../claims/scope";
import { patchAudited, setTo } from "../../../db/audited-patch";
import { claims } from "../../../db/schema";
import { claimEtag } from "../../../domain/claims/claim-version";
import { printableText } from "../../../domain/input-rules";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { claimIdParams, ifMatchHeaders } from "../schema";

/** What an adjuster may decide on a read document claim. */
export const ADJUSTER_STATUSES = ["APPROVED", "REJECTED", "PROCESSED"] as const;
const DECIDABLE = "channel = 'document' AND status IN ('PROCESSED', 'APPROVED', 'REJECTED', 'FAILED')";
const AUDIT_COLUMNS = ["status", "fraud_confirmed", "notes", "updated_at"];

const updateRequest = z
  .object({
    status: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(
        z.enum(ADJUSTER_STATUSES, {
          message: `Invalid status: expected one of ${ADJUSTER_STATUSES.join(", ").toLowerCase()}`,
        }),
      )
      .openapi({ example: "approved" }),
    is_fraudulent: z
      .boolean()
      .optional()
      .openapi({ description: "The adjuster's verdict on fraud; retraining learns from it" }),
    note: printableText(2000).optional(),
  })
  .strict()
  .openapi("ClaimStatusUpdate");

export const claimStatusSchema = z
  .object({
    id: z.string(),
    claim_id: z.string(),
    status: z.string(),
    updated_at: z.string(),
    version: z.number().int().optional().openapi({ description: "The claim's new version (its new ETag)" }),
  })
  .openapi("ClaimStatus");

export const putClaimUpdateRoute = protectedRoute({
  method: "put",
  path: "/claims/{id}/update",
  tags: ["document claims"],
  summary: "An adjuster's decision on a document claim (audited)",
  roles: ["insurer", "admin"],
  request: { params: claimIdParams, headers: ifMatchHeaders, body: jsonBody(updateRequest) },
  responses: { 200: jsonResponse(claimStatusSchema, "The claim's new status") },
  errors: {
    404: "No such claim, or not one the caller may see (CLAIM_NOT_FOUND)",
    409: "The claim is not a read document claim (still processing, or decided by adjudication), or it is in the unassigned queue",
    412: "If-Match names a version the claim has moved past (PRECONDITION_FAILED, with the current claim)",
  },
});

export const registerPutClaimUpdate = (app: Api) =>
  app.openapi(putClaimUpdateRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const db = c.get("db");
    const ifMatch = claimIfMatch(c);
    const visible = await db.query.claims.findFirst({
      where: withVisibility(c.get("user"), eq(claims.id, id)),
      columns: { id: true, ownerUserId: true, assignedInsurerId: true, version: true },
    });
    if (!visible) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
    requireCaseload(c.get("user"), visible);
    if (!matchesIfMatch(ifMatch, visible.version)) await preconditionFailed(db, c, id);
    const versions = versionGuard(ifMatch);
    const now = new Date().toISOString();
    const changes = [
      setTo("status", body.status),
      ...(body.is_fraudulent === undefined ? [] : [setTo("fraud_confirmed", body.is_fraudulent ? 1 : 0)]),
      ...(body.note === undefined ? [] : [setTo("notes", body.note)]),
    ];
    const changed = await patchAudited(
      c.env.DB,
      {
        table: "claims",
        keyColumn: "id",
        key: id,
        entityType: "claim",
        columns: AUDIT_COLUMNS,
        guard: versions.guard ? `${DECIDABLE} AND ${versions.guard}` : DECIDABLE,
        guardBindings: versions.bindings,
        action: "claim.status_updated",
      },
      changes,
      c.get("user"),
      c.get("requestId"),
      now,
    );
    if (!changed) {
      const row = await db.query.claims.findFirst({
        where: eq(claims.id, id),
        columns: { channel: true, status: true, version: true },
      });
      if (row && !matchesIfMatch(ifMatch, row.version)) await preconditionFailed(db, c, id);
      const stuck = row?.status === "PENDING" || row?.status === "PROCESSING";
      const hint = stuck
        ? `; an admin may re-run it (POST /claims/${id}/rerun) or fail it (POST /claims/${id}/fail)`
        : "";
      throw new ApiError("CONFLICT", `Claim ${id} (${row?.channel}, ${row?.status}) cannot be decided here${hint}`, {
        details: { channel: row?.channel, status: row?.status },
      });
    }
    const after = await db.query.claims.findFirst({ where: eq(claims.id, id), columns: { version: true } });
    if (after) c.header("etag", claimEtag(after.version));
    return c.json({ id, claim_id: id, status: body.status, updated_at: now, version: after?.version }, 200);
  });
