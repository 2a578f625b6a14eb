import { z } from "@hono/zod-openapi";
import { CHANNELS, CLAIM_STATUSES, type ClaimLine, type claims, type predictions } from "../db/schema";
import { storedReviewList } from "../domain/documents/fraud-input";
import { moneyJson } from "../domain/money";

const reasonSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    item_sequence: z
      .number()
      .int()
      .optional()
      .openapi({ description: "The line it is about, on claims with several lines" }),
  })
  .openapi("AdjudicationReason");

const healthClaimLineSchema = z
  .object({
    sequence: z.number().int(),
    procedure_code: z.string(),
    diagnosis_codes: z.array(z.string()),
    service_date: z.string(),
    claim_amount: z.number(),
    approved_amount: z.number(),
    status: z.enum(CLAIM_STATUSES),
    fraud_flag: z.boolean(),
    reason_codes: z.array(z.string()),
    reasons: z.array(reasonSchema),
  })
  .openapi("HealthClaimLine");

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
    lines: z.array(healthClaimLineSchema).optional().openapi({
      description:
        "Each line as adjudicated, for a claim submitted with lines (HL7 FHIR); procedure_code and service_date are then the first line's, the amounts the totals",
    }),
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
    needs_review: z.array(z.string()).openapi({
      description:
        "Fields read with too little confidence (or not found): an adjuster checks them; the models did not use them",
    }),
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

export type HealthClaimRow = Pick<
  ClaimRow,
  | "id"
  | "channel"
  | "memberId"
  | "providerId"
  | "diagnosisCode"
  | "procedureCode"
  | "serviceDate"
  | "claimAmountCents"
  | "approvedAmountCents"
  | "status"
  | "fraudFlag"
  | "fraudReason"
  | "reasons"
  | "notes"
  | "createdAt"
  | "updatedAt"
  | "processedAt"
> & { lines?: ClaimLine[] | null };

const toHealthClaimLineView = (line: ClaimLine) => ({
  sequence: line.sequence,
  procedure_code: line.procedure_code,
  diagnosis_codes: line.diagnosis_codes,
  service_date: line.service_date,
  claim_amount: moneyJson(line.claim_amount_cents),
  approved_amount: moneyJson(line.approved_amount_cents),
  status: line.status,
  fraud_flag: line.fraud_flag,
  reason_codes: line.reasons.map((reason) => reason.code),
  reasons: line.reasons,
});

/** A health claim as the health-claims engine answered it, plus machine-readable reasons for every rejection or reduction. */
export function toHealthClaimView(row: HealthClaimRow): HealthClaimView {
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
    ...(row.lines ? { lines: [...row.lines].sort((a, b) => a.sequence - b.sequence).map(toHealthClaimLineView) } : {}),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    processed_at: row.processedAt,
  };
}

/** A document claim: what was read from the PDF, the fraud score and the reserve. */
export function toDocumentClaimView(
  row: ClaimRow,
  prediction: PredictionRow | null,
): z.infer<typeof documentClaimSchema> {
  return {
    claim_id: row.id,
    channel: row.channel,
    status: row.status,
    user_id: row.ownerUserId,
    pdf_filename: row.documentFilename,
    policy_number: row.policyNumber,
    extracted_data: row.extractedData ?? null,
    needs_review: storedReviewList(row.extractedData),
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

const qualityBreakdownSchema = z
  .object({ sharpness: z.number(), brightness: z.number(), contrast: z.number() })
  .openapi("QualityBreakdown");

export const photoResultSchema = z
  .object({
    damage_detected: z.boolean(),
    confidence: z.number(),
    quality_score: z.number(),
    quality_breakdown: qualityBreakdownSchema,
  })
  .openapi("PhotoResult");

export const photoClaimSchema = z
  .object({
    claim_id: z.string().openapi({ description: "The client's claim id", example: "CLM-2025-001234" }),
    id: z.string().openapi({ description: "The server's id for the claim" }),
    channel: z.enum(CHANNELS),
    customer_id: z.string().nullable(),
    status: z.enum(CLAIM_STATUSES),
    effective_status: z.enum(CLAIM_STATUSES),
    system_status: z.enum(CLAIM_STATUSES).nullable(),
    result: photoResultSchema,
    reason: z.enum(["no_damage", "low_confidence"]).optional(),
    message: z.string(),
    next_steps: z.string(),
    user_override_allowed: z.boolean(),
    user_override: z.boolean(),
    override_timestamp: z.string().optional(),
    override_reason: z.string().optional(),
    submitted_at: z.string().nullable(),
    processing_time_ms: z.number(),
    fraud_flag: z
      .boolean()
      .optional()
      .openapi({ description: "Staff only: the photo is a near-duplicate of another customer's" }),
    fraud_reason: z.string().nullable().optional(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("PhotoClaim");

/** What a photo claim's decision stored (claims/photo/submit.ts writes it). */
type StoredPhotoResult = z.infer<typeof photoResultSchema> & {
  reason?: "no_damage" | "low_confidence";
  message: string;
  next_steps: string;
  processing_time_ms: number;
};

/** A photo claim in full (GET): effective and system status, the model's result, the override. */
export function toPhotoClaimView(row: ClaimRow, staff: boolean): z.infer<typeof photoClaimSchema> {
  // Every photo claim row is written with its result (claims/photo/store.ts).
  const r = (row.photoResult ?? {}) as StoredPhotoResult;
  const effective = row.status;
  return {
    claim_id: row.clientClaimId ?? row.id,
    id: row.id,
    channel: row.channel,
    customer_id: row.customerId,
    status: effective,
    effective_status: effective,
    system_status: row.systemStatus,
    result: {
      damage_detected: r.damage_detected,
      confidence: r.confidence,
      quality_score: r.quality_score,
      quality_breakdown: r.quality_breakdown,
    },
    ...(r.reason ? { reason: r.reason } : {}),
    message: row.userOverride ? OVERRIDE_MESSAGE : r.message,
    next_steps: r.next_steps,
    user_override_allowed: effective === "REJECTED",
    user_override: row.userOverride,
    ...(row.userOverride
      ? { override_timestamp: row.overrideAt ?? undefined, override_reason: row.overrideReason ?? undefined }
      : {}),
    submitted_at: row.processedAt,
    processing_time_ms: r.processing_time_ms,
    ...(staff ? { fraud_flag: row.fraudFlag, fraud_reason: row.fraudReason } : {}),
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

export const OVERRIDE_MESSAGE = "Claim status updated. Flagged for manual review during processing.";

export const fnolClaimSummarySchema = z
  .object({
    claim_id: z.string(),
    channel: z.enum(CHANNELS),
    customer_id: z.string().nullable(),
    policy_number: z.string().nullable(),
    status: z.enum(CLAIM_STATUSES),
    approved_amount: z.number().nullable().openapi({ description: "The latest settlement's payout" }),
    fraud_flag: z.boolean(),
    fraud_reason: z.string().nullable(),
    details: z.string().openapi({ description: "Where the claim in full is: GET /fnol/claims/{id}" }),
    created_at: z.string(),
    updated_at: z.string(),
    processed_at: z.string().nullable(),
  })
  .openapi("FnolClaimSummary");

/** A first notice of loss in a list; its stage, settlement and rental car are at GET /fnol/claims/{id}. */
export const toFnolClaimSummary = (row: ClaimRow): z.infer<typeof fnolClaimSummarySchema> => ({
  claim_id: row.id,
  channel: row.channel,
  customer_id: row.customerId,
  policy_number: row.policyNumber,
  status: row.status,
  approved_amount: row.approvedAmountCents == null ? null : moneyJson(row.approvedAmountCents),
  fraud_flag: row.fraudFlag,
  fraud_reason: row.fraudReason,
  details: `/api/v1/fnol/claims/${row.id}`,
  created_at: row.createdAt,
  updated_at: row.updatedAt,
  processed_at: row.processedAt,
});

/** Any channel's claim: each channel's own shape (what each role sees of it: views-by-role.ts). */
export const claimSchema = z
  .union([healthClaimSchema, documentClaimSchema, photoClaimSchema, fnolClaimSummarySchema])
  .openapi("Claim");
export type ClaimView = z.infer<typeof claimSchema>;
