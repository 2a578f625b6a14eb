import { z } from "@hono/zod-openapi";
import { FNOL_STAGES } from "../../../db/schema";

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso
  .datetime({ offset: true })
  .openapi({ description: "ISO-8601 date and time with a zone", example: "2026-11-27T16:20:00Z" });

/** The source system's claim body (camelCase, as its app sends it). */
export const fnolClaimRequestSchema = z
  .object({
    incident: z
      .object({
        occurrenceDateTime: instant,
        fnolDateTime: instant,
        location: z
          .object({
            country: text(60),
            state: text(60),
            city: text(100),
            zip: text(12),
            road: text(200),
          })
          .strict(),
        description: text(4000),
      })
      .strict(),
    policy: z.object({ id: text(64) }).strict(),
    personalInformation: z
      .object({
        customerId: text(64),
        driversLicenseNumber: text(32),
        isInsurerDriver: z.boolean(),
        licensePlateNumber: text(16),
        numberOfPassengers: z.number().int().min(0).max(100),
      })
      .strict(),
    policeReport: z.object({ isFiled: z.boolean(), reportOrReceiptAvailable: z.boolean() }).strict(),
    otherParty: z
      .object({
        insuranceId: z.string().trim().max(64),
        insuranceCompany: z.string().trim().max(200),
        firstName: z.string().trim().max(100),
        lastName: z.string().trim().max(100),
      })
      .strict(),
  })
  .strict()
  .refine((b) => Date.parse(b.incident.occurrenceDateTime) <= Date.parse(b.incident.fnolDateTime), {
    message: "the incident must have occurred before the claim's notice",
    path: ["incident", "occurrenceDateTime"],
  })
  .openapi("FnolClaimRequest");

export const fnolClaimAcceptedSchema = z
  .object({
    claim_id: z.string(),
    status: z.literal("REQUESTED"),
    message: z.string(),
  })
  .openapi("FnolClaimReceipt");

const money = z.number().openapi({ description: "Dollars, two decimals" });

export const settlementViewSchema = z
  .object({
    settlement_id: z.string(),
    version: z.number().int(),
    total_loss: z.boolean(),
    repair_estimate: money,
    actual_cash_value: money,
    deductible: money,
    payout: money,
    out_of_pocket: money,
    rental_days: z.number().int(),
    review_recommended: z.boolean(),
    decided_by: z.string().openapi({
      description: "`assessment`, or the adjuster's user id (staff); a customer reads `adjuster`",
    }),
    decision: z
      .object({
        by: z.enum(["assessment", "adjuster"]),
        adjuster: z
          .object({ id: z.string(), email: z.string().nullable(), name: z.string().nullable() })
          .nullable()
          .openapi({ description: "Who overrode it (staff only; null for customers)" }),
        reason: z.string().nullable().openapi({ description: "The adjuster's reason (staff only)" }),
        decided_at: z.string(),
      })
      .openapi("FnolSettlementDecision"),
    message: z.string(),
    created_at: z.string(),
  })
  .openapi("FnolSettlement");

export const fnolClaimViewSchema = z
  .object({
    claim_id: z.string(),
    channel: z.literal("fnol"),
    customer_id: z.string(),
    policy_id: z.string(),
    status: z.string().openapi({ description: "The claims table's status (PENDING, PROCESSING, APPROVED, REJECTED)" }),
    version: z.number().int().openapi({ description: "The claim's version, also its ETag: send it as If-Match" }),
    stage: z.enum([...FNOL_STAGES, "UNDER_REVIEW"]).openapi({
      description: "Where the claim is; a customer reads UNDER_REVIEW where staff read FRAUD_DETECTED",
    }),
    stage_reason: z.string().nullable(),
    occurrence_at: z.string(),
    photo_attempts: z.number().int(),
    damage_document_id: z.string().nullable(),
    damage_assessment: z
      .object({
        damage: z.object({ Name: z.string(), Confidence: z.number() }),
        color: z.string(),
        color_confidence: z.number(),
        severity: z.string(),
        severity_probabilities: z
          .record(z.string(), z.number())
          .optional()
          .openapi({ description: "The severity model's probabilities (staff only)" }),
      })
      .nullable(),
    fraud_flag: z.boolean().optional().openapi({ description: "Staff only" }),
    fraud_reason: z.string().nullable().optional().openapi({ description: "Staff only" }),
    settlement: settlementViewSchema.nullable(),
    settlement_versions: z
      .array(settlementViewSchema)
      .openapi({ description: "Every version of the settlement, oldest first; the last is `settlement`" }),
    rental: z
      .object({
        booked: z.boolean(),
        vendor_id: z.string().nullable(),
        vendor: z.string().nullable(),
        daily_rate: money.nullable(),
        days: z.number().int(),
        total_cost: money.nullable(),
        reason: z.string().nullable(),
      })
      .nullable(),
    submission: z.record(z.string(), z.unknown()),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi("FnolClaim");

export const claimIdParams = z.object({ id: z.string().min(1).max(64) });
