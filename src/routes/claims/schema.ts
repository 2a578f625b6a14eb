import { z } from "@hono/zod-openapi";
import { auditEntrySchema, memberBenefitSchema } from "../../claims/claim-detail";
import { claimWorkflowSchema } from "../../claims/claim-workflow";
import { claimSchema, photoResultSchema } from "../../claims/views";

export { auditEntrySchema };

/** `{id}` of /claims/{id}/…: the server's claim id (or, for a photo claim, the client's). */
export const claimIdParams = z.object({ id: z.string().min(1).max(128) });

/** A claim in a list: its channel's view, who works it and its version. */
export const claimSummarySchema = claimSchema.and(claimWorkflowSchema).openapi("ClaimSummary");

export const claimDetailSchema = claimSchema
  .and(claimWorkflowSchema)
  .and(
    z.object({
      audit_trail: z.array(auditEntrySchema),
      member_benefit: memberBenefitSchema
        .optional()
        .openapi({ description: "Staff only, health claims: the member's benefit as it stands now" }),
    }),
  )
  .openapi("ClaimDetail");

/** If-Match on a claim action: the ETag from GET /claims/{id}; without it the action is unconditional. */
export const ifMatchHeaders = z.object({
  "if-match": z.string().optional().openapi({
    description:
      "The claim's ETag from GET /claims/{id}: the action applies only if the claim is still at that version (412 otherwise)",
    example: '"3"',
  }),
});

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
    override_cleared: z.boolean().openapi({
      description:
        "True when this photo replaced one whose rejection the customer had overridden: the override no longer applies",
    }),
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
