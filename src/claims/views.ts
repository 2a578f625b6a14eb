import { z } from "@hono/zod-openapi";
import { CHANNELS, CLAIM_STATUSES, type claims, type predictions } from "../db/schema";
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

export const documentClaimSchema = z
  .object({
    claim_id: z.string(),
    channel: z.enum(CHANNELS),
    status: z.enum(CLAIM_STATUSES),
    user_id: z.string().nullable(),
    pdf_filename: z.string().nullable(),
    policy_number: z.string().nullable(),
    extracted_data: z.record(z.string(), z.unknown()).nullable(),
    fraud_score: z.number().nullable(),
    is_fraudulent: z.boolean().nullable(),
    fraud_threshold: z.number().nullable(),
    fraud_explanation: z.array(z.unknown()).nullable(),
    reserve_estimate: z.number().nullable(),
    model_version: z.string().nullable(),
    failure_reason: z.string().nullable(),
    fraud_confirmed: z.boolean().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    processed_at: z.string().nullable(),
  })
  .openapi("DocumentClaim");

export type HealthClaimView = z.infer<typeof healthClaimSchema>;
type ClaimRow = typeof claims.$inferSelect;
type PredictionRow = typeof predictions.$inferSelect;

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

/** Seed 000's claim shape: what was read from the PDF, the fraud score and the reserve. */
export function toDocumentClaimView(row: ClaimRow, prediction: PredictionRow | null): z.infer<typeof documentClaimSchema> {
  return {
    claim_id: row.id,
    channel: row.channel,
    status: row.status,
    user_id: row.ownerUserId,
    pdf_filename: row.documentFilename,
    policy_number: row.policyNumber,
    extracted_data: row.extractedData ?? null,
    fraud_score: prediction?.fraudScore ?? null,
    is_fraudulent: prediction?.isFraudulent ?? null,
    fraud_threshold: prediction?.fraudThreshold ?? null,
    fraud_explanation: prediction?.explanation ?? null,
    reserve_estimate: prediction?.reserveEstimateCents == null ? null : moneyJson(prediction.reserveEstimateCents),
    model_version: prediction?.modelVersion ?? null,
    failure_reason: row.failureReason,
    fraud_confirmed: row.fraudConfirmed,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    processed_at: row.processedAt,
  };
}

/** Any channel's claim: each channel's own shape. */
export const claimSchema = z.union([healthClaimSchema, documentClaimSchema]).openapi("Claim");
export type ClaimView = z.infer<typeof claimSchema>;

export function toClaimView(row: ClaimRow, prediction: PredictionRow | null = null): ClaimView {
  return row.channel === "document" ? toDocumentClaimView(row, prediction) : toHealthClaimView(row);
}
