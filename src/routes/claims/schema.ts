import { z } from "@hono/zod-openapi";
import { claimSchema, photoResultSchema } from "../../claims/views";

/** `{id}` of /claims/{id}/…: the server's claim id (or, for a photo claim, the client's). */
export const claimIdParams = z.object({ id: z.string().min(1).max(128) });

export const auditEntrySchema = z
  .object({
    action: z.string(),
    actor_id: z.string().nullable(),
    actor_role: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    at: z.string(),
  })
  .openapi("AuditEntry");

export const claimDetailSchema = claimSchema
  .and(z.object({ audit_trail: z.array(auditEntrySchema) }))
  .openapi("ClaimDetail");

export const photoValidationSchema = z
  .object({
    claim_id: z.string(),
    effective_status: z.enum(["APPROVED", "REJECTED"]),
    result: photoResultSchema,
    message: z.string(),
    reason: z.enum(["no_damage", "low_confidence"]).optional(),
    user_override_allowed: z.boolean(),
    next_steps: z.string(),
    processing_time_ms: z.number(),
    timestamp: z.string(),
    model_version: z.string(),
  })
  .openapi("PhotoValidationResponse");

export const overrideResponseSchema = z
  .object({
    claim_id: z.string(),
    effective_status: z.literal("APPROVED"),
    system_status: z.string(),
    user_override: z.literal(true),
    override_timestamp: z.string(),
    override_reason: z.string(),
    message: z.string(),
  })
  .openapi("OverrideResponse");
