import { z } from "@hono/zod-openapi";
import { CHANNELS, CLAIM_STATUSES, type claims } from "../db/schema";
import { moneyJson } from "../domain/money";

const reasonSchema = z.object({ code: z.string(), message: z.string() }).openapi("AdjudicationReason");

export const healthClaimSchema = z
  .object({
    claim_id: z.string(),
    channel: z.enum(CHANNELS),
    member_id: z.string(),
    provider_id: z.string(),
    diagnosis_code: z.string(),
    procedure_code: z.string(),
    service_date: z.string(),
    claim_amount: z.number().openapi({ example: 15000.0 }),
    approved_amount: z.number().openapi({ example: 15000.0 }),
    status: z.enum(CLAIM_STATUSES),
    fraud_flag: z.boolean(),
    fraud_reason: z.string().nullable(),
    reason_codes: z.array(z.string()),
    reasons: z.array(reasonSchema),
    notes: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    processed_at: z.string().nullable(),
  })
  .openapi("HealthClaim");

export type HealthClaimView = z.infer<typeof healthClaimSchema>;
type ClaimRow = typeof claims.$inferSelect;

/** Seed 001's claim shape, plus machine-readable reasons for every rejection or reduction. */
export function toHealthClaimView(row: ClaimRow): HealthClaimView {
  return {
    claim_id: row.id,
    channel: row.channel,
    member_id: row.memberId ?? "",
    provider_id: row.providerId ?? "",
    diagnosis_code: row.diagnosisCode ?? "",
    procedure_code: row.procedureCode ?? "",
    service_date: row.serviceDate ?? "",
    claim_amount: moneyJson(row.claimAmountCents ?? 0),
    approved_amount: moneyJson(row.approvedAmountCents ?? 0),
    status: row.status,
    fraud_flag: row.fraudFlag,
    fraud_reason: row.fraudReason,
    reason_codes: row.reasons.map((reason) => reason.code),
    reasons: row.reasons,
    notes: row.notes,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    processed_at: row.processedAt,
  };
}

/** The view for any channel; channels other than health add their own fields as they arrive. */
export const claimSchema = healthClaimSchema.partial().required({ claim_id: true, channel: true, status: true, created_at: true, updated_at: true }).openapi("Claim");
export type ClaimView = z.infer<typeof claimSchema>;

export function toClaimView(row: ClaimRow): ClaimView {
  return toHealthClaimView(row);
}
