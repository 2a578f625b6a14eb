import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { authenticate, requireRole } from "../../../auth/middleware";
import { withVisibility } from "../../../claims/scope";
import { claims } from "../../../db/schema";
import type { HonoEnv } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { patchAudited, setTo } from "../../../db/audited-patch";
import { authErrors, bearerSecurity, errorResponse, validationErrors } from "../../shared/responses";

/** What an adjuster may decide on a read document claim. */
export const ADJUSTER_STATUSES = ["APPROVED", "REJECTED", "PROCESSED"] as const;
const DECIDABLE = "channel = 'document' AND status IN ('PROCESSED', 'APPROVED', 'REJECTED', 'FAILED')";
const AUDIT_COLUMNS = ["status", "fraud_confirmed", "notes", "updated_at"];

const updateRequest = z
  .object({
    status: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(z.enum(ADJUSTER_STATUSES, { message: `Invalid status: expected one of ${ADJUSTER_STATUSES.join(", ").toLowerCase()}` }))
      .openapi({ example: "approved" }),
    is_fraudulent: z.boolean().optional().openapi({ description: "The adjuster's verdict on fraud; retraining learns from it" }),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .openapi("ClaimStatusUpdate");

export const updateClaimRoute = createRoute({
  method: "put",
  path: "/claims/{id}/update",
  tags: ["document claims"],
  summary: "An adjuster's decision on a document claim (audited)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("insurer", "admin")] as const,
  request: {
    params: z.object({ id: z.string().min(1).max(128) }),
    body: { required: true, content: { "application/json": { schema: updateRequest } } },
  },
  responses: {
    200: {
      description: "The claim's new status",
      content: { "application/json": { schema: z.object({ id: z.string(), claim_id: z.string(), status: z.string(), updated_at: z.string() }) } },
    },
    ...validationErrors,
    ...authErrors,
    404: errorResponse("No such claim, or not one the caller may see"),
    409: errorResponse("The claim is not a read document claim (still processing, or decided by adjudication)"),
  },
});

export const registerUpdateClaim = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(updateClaimRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const db = c.get("db");
    const visible = await db.query.claims.findFirst({ where: withVisibility(c.get("user"), eq(claims.id, id)), columns: { id: true } });
    if (!visible) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
    const now = new Date().toISOString();
    const changes = [
      setTo("status", body.status),
      ...(body.is_fraudulent === undefined ? [] : [setTo("fraud_confirmed", body.is_fraudulent ? 1 : 0)]),
      ...(body.note === undefined ? [] : [setTo("notes", body.note)]),
    ];
    const changed = await patchAudited(
      c.env.DB,
      { table: "claims", keyColumn: "id", key: id, entityType: "claim", columns: AUDIT_COLUMNS, guard: DECIDABLE, action: "claim.status_updated" },
      changes,
      c.get("user"),
      c.get("requestId"),
      now,
    );
    if (!changed) {
      const row = await db.query.claims.findFirst({ where: eq(claims.id, id), columns: { channel: true, status: true } });
      throw new ApiError("CONFLICT", `Claim ${id} (${row?.channel}, ${row?.status}) cannot be decided here`, { details: { channel: row?.channel, status: row?.status } });
    }
    return c.json({ id, claim_id: id, status: body.status, updated_at: now }, 200);
  });
