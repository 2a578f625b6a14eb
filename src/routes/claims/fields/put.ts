import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { requireCaseload } from "../../../claims/claim-actions";
import { claimIfMatch, matchesIfMatch, preconditionFailed } from "../../../claims/claim-concurrency";
import { withVisibility } from "../../../claims/scope";
import { claims } from "../../../db/schema";
import { claimEtag } from "../../../domain/claims/claim-version";
import {
  applyFieldCorrection,
  CORRECTABLE_FIELD_NAMES,
  checkFieldValue,
} from "../../../domain/documents/field-correction";
import { toCents } from "../../../domain/money";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { ifMatchHeaders } from "../schema";

const correctionRequest = z
  .object({
    value: z
      .union([z.string().max(2000), z.number()])
      .nullable()
      .openapi({
        description: "The field's right value; null when the document does not state it",
        example: "Major Damage",
      }),
    note: z.string().trim().max(2000).optional().openapi({ description: "Why, for the audit trail" }),
  })
  .strict()
  .openapi("FieldCorrection");

export const fieldCorrectionSchema = z
  .object({
    claim_id: z.string(),
    field: z.enum(CORRECTABLE_FIELD_NAMES),
    value: z.union([z.string(), z.number()]).nullable(),
    previous_value: z.unknown(),
    previous_confidence: z.number().nullable(),
    version: z.number().int(),
    corrected_at: z.string(),
  })
  .openapi("FieldCorrectionResult");

export const putFieldCorrectionRoute = protectedRoute({
  method: "put",
  path: "/claims/{id}/fields/{field}",
  tags: ["document claims"],
  summary: "Correct one field read from a claim document (audited; retraining learns from it)",
  description:
    "Sets one extracted field of a read document claim to the value an adjuster checked against the PDF: the value " +
    "is normalised to the field's vocabulary (incident severity, collision type, …), its confidence becomes 1, and " +
    "what the reader first found stays in `extracted_data.corrections`. The fraud model's input and retraining read " +
    "the corrected value. The policy number and amount also update the claim's own columns.",
  roles: ["insurer", "admin"],
  request: {
    params: z.object({ id: z.string().min(1).max(128), field: z.enum(CORRECTABLE_FIELD_NAMES) }),
    headers: ifMatchHeaders,
    body: jsonBody(correctionRequest),
  },
  responses: { 200: jsonResponse(fieldCorrectionSchema, "The field as corrected") },
  errors: {
    404: "No such claim, or not one the caller may see (CLAIM_NOT_FOUND)",
    409: "Not a document claim, still being read, or in the unassigned queue",
    412: "If-Match names a version the claim has moved past (PRECONDITION_FAILED, with the current claim)",
  },
});

export const registerPutFieldCorrection = (app: Api) =>
  app.openapi(putFieldCorrectionRoute, async (c) => {
    const { id, field } = c.req.valid("param");
    const { value, note } = c.req.valid("json");
    const user = c.get("user");
    const db = c.get("db");
    const ifMatch = claimIfMatch(c);
    const claim = await db.query.claims.findFirst({ where: withVisibility(user, eq(claims.id, id)) });
    if (!claim) throw new ApiError("CLAIM_NOT_FOUND", `Claim ${id} not found`);
    requireCaseload(user, claim);
    if (!matchesIfMatch(ifMatch, claim.version)) await preconditionFailed(db, c, id);
    if (claim.channel !== "document" || claim.status === "PENDING" || claim.status === "PROCESSING") {
      throw new ApiError(
        "CONFLICT",
        `Claim ${id} (${claim.channel}, ${claim.status}) has no read document to correct`,
        {
          details: { channel: claim.channel, status: claim.status },
        },
      );
    }
    const now = new Date().toISOString();
    const checked =
      value === null ? { ok: true as const, value: null } : checkFieldValue(field, value, now.slice(0, 10));
    if (!checked.ok) {
      throw new ApiError("VALIDATION_ERROR", `Invalid ${field}: ${checked.problem}`, {
        details: { issues: [{ path: "body.value", message: checked.problem, code: "custom" }] },
      });
    }
    const correction = applyFieldCorrection(claim.extractedData ?? null, field, checked.value, user.id, now);
    const columns: Record<string, unknown> = {};
    if (field === "policy_number") columns.policy_number = checked.value;
    if (field === "amount_claimed")
      columns.claim_amount_cents = checked.value === null ? null : toCents(Number(checked.value));
    const assignments = ["extracted_data = ?", "updated_at = ?", ...Object.keys(columns).map((name) => `${name} = ?`)];
    // The read-modify-write of the JSON holds only if the claim is still at the version read.
    const [written] = await c.env.DB.batch([
      c.env.DB.prepare(`UPDATE claims SET ${assignments.join(", ")} WHERE id = ? AND version = ?`).bind(
        JSON.stringify(correction.extracted),
        now,
        ...Object.values(columns),
        id,
        claim.version,
      ),
      c.env.DB.prepare(
        `INSERT INTO audit_events (entity_type, entity_id, action, actor_id, actor_role, before, after, request_id, created_at)
         SELECT 'claim', ?, 'claim.field_corrected', ?, ?, ?, ?, ?, ? WHERE changes() = 1`,
      ).bind(
        id,
        user.id,
        user.role,
        JSON.stringify({ field, value: correction.before.value, confidence: correction.before.confidence }),
        JSON.stringify({ field, value: checked.value, ...(note ? { note } : {}) }),
        c.get("requestId"),
        now,
      ),
    ]);
    if ((written?.meta.changes ?? 0) === 0) {
      // Changed meanwhile: with If-Match that is the caller's conflict; without, the caller should read and retry.
      if (ifMatch.kind === "versions") await preconditionFailed(db, c, id);
      throw new ApiError("CONFLICT", `Claim ${id} changed while the correction was applied; read it and try again`);
    }
    const after = await db.query.claims.findFirst({ where: eq(claims.id, id), columns: { version: true } });
    const version = after?.version ?? claim.version + 1;
    c.header("etag", claimEtag(version));
    return c.json(
      {
        claim_id: id,
        field,
        value: checked.value,
        previous_value: correction.before.value,
        previous_confidence: correction.before.confidence,
        version,
        corrected_at: now,
      },
      200,
    );
  });
