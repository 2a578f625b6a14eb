// The domain events of the first-notice-of-loss journey: each detail-type with the service that
// emits it and the zod schema of its detail. The same schemas validate every event written to the
// log and generate the AsyncAPI catalog.
import { z } from "zod";
import { CLAIM_REJECTION_REASONS } from "../fnol/claim-checks";
import { LICENCE_FIELD_KEYS } from "../licence/fields";

const customerId = z.string().min(1).describe("The customer the event is about");
const claimId = z.string().min(1).describe("The first-notice-of-loss claim");
const recordId = z.string().min(1).describe("The uploaded document (image) the event is about");
const documentType = z.enum(["DRIVERS_LICENSE", "CAR"]).describe("Which document was processed");

const prediction = z
  .object({
    Name: z.string().describe("The predicted class"),
    Confidence: z.number().min(0).max(100).describe("Percent, 0–100"),
  })
  .strict();

export const licenceFieldsSchema = z
  .object(
    Object.fromEntries(LICENCE_FIELD_KEYS.map((key) => [key, z.string()])) as Record<
      (typeof LICENCE_FIELD_KEYS)[number],
      z.ZodString
    >,
  )
  .strict()
  .describe("Fields read from the licence: upper case, dates MM/DD/YYYY, empty when absent");

export const carAnalysisSchema = z
  .object({
    damage: prediction.describe("damage or no_damage, from the damage classifier"),
    color: prediction.describe("One of the colour classifier's classes"),
    type: z.enum(["signup", "claims"]).describe("A signup car photo or a claim's damage photo"),
  })
  .strict();

const detailSchemas = {
  "Customer.Submitted": z
    .object({ customerId, policyId: z.string().min(1).describe("The policy issued, pending acceptance") })
    .strict(),
  "Customer.Accepted": z
    .object({
      customerId,
      policyId: z.string().min(1),
      driversLicenseImageUrl: z.string().min(1).describe("Signed, single-use PUT URL for the driver's licence image"),
      carImageUrl: z.string().min(1).describe("Signed, single-use PUT URL for the car image"),
      uploadUrlsExpireAt: z.string().describe("When both URLs expire; POST /uploads issues new ones"),
    })
    .strict(),
  "Customer.Rejected": z.object({ customerId, reason: z.string().min(1) }).strict(),
  "Document.Processed": z
    .discriminatedUnion("documentType", [
      z
        .object({
          customerId,
          recordId,
          documentType: z.literal("DRIVERS_LICENSE"),
          analyzedFieldAndValues: licenceFieldsSchema,
        })
        .strict(),
      z
        .object({
          customerId,
          recordId,
          documentType: z.literal("CAR"),
          claimId: claimId.optional().describe("Set for a claim's damage photo"),
          analyzedFieldAndValues: carAnalysisSchema,
        })
        .strict(),
    ])
    .describe("What was read from an uploaded licence or car image"),
  "Document.Rejected": z.union([
    z
      .object({
        customerId,
        recordId,
        claimId,
        documentType: z.literal("CAR"),
        code: z.enum([
          "QUALITY_TOO_LOW",
          "INVALID_IMAGE",
          "INVALID_IMAGE_FORMAT",
          "PAYLOAD_TOO_LARGE",
          "VALIDATION_ERROR",
        ]),
        message: z.string().min(1),
        guidance: z.array(z.string()).describe("What to change when retaking the photo"),
        attemptsLeft: z.number().int().min(0),
        uploadCarDamageUrl: z
          .string()
          .nullable()
          .describe("Signed, single-use PUT URL for another damage photo; null when no attempts are left"),
      })
      .strict()
      .describe("A claim's damage photo could not be assessed (too poor, unreadable); the customer may retake it"),
    z
      .object({
        customerId,
        recordId,
        documentType,
        code: z.literal("UNREADABLE_DOCUMENT"),
        message: z.string().min(1),
        guidance: z.array(z.string()).describe("What to change before uploading it again (POST /uploads)"),
      })
      .strict()
      .describe("A licence or car image uploaded at signup could not be read; the customer uploads it again"),
  ]),
  "Fraud.Detected": z
    .object({
      customerId,
      recordId,
      documentType,
      claimId: claimId.optional(),
      fraudType: z.enum(["DOCUMENT", "SIGNUP.CAR", "CLAIMS"]),
      fraudReason: z.string().min(1),
      fraudReasons: z.array(z.string()).min(1).describe("Every reason found; fraudReason is the first"),
    })
    .strict(),
  "Fraud.Not.Detected": z.object({ customerId, recordId, documentType, claimId: claimId.optional() }).strict(),
  "Claim.Requested": z.object({ customerId, claimId }).strict(),
  "Claim.Accepted": z
    .object({
      customerId,
      claimId,
      uploadCarDamageUrl: z.string().min(1).describe("Signed, single-use PUT URL for the damage photo"),
      message: z.string(),
    })
    .strict(),
  "Claim.Rejected": z
    .object({
      customerId,
      claimId: claimId.optional(),
      message: z.string(),
      reason: z.enum(CLAIM_REJECTION_REASONS).optional().describe("Machine-readable cause of the rejection or closure"),
    })
    .strict(),
  "Settlement.Finalized": z
    .object({
      settlementId: z.string(),
      claimId,
      customerId,
      version: z.number().int().min(1),
      total_loss: z.boolean(),
      repair_estimate: z.number(),
      actual_cash_value: z.number(),
      deductible: z.number(),
      payout: z.number(),
      out_of_pocket: z.number(),
      currency: z.literal("USD"),
      rental_days: z.number().int(),
      review_recommended: z.boolean(),
      overridden: z.boolean(),
      settlementMessage: z.string(),
    })
    .strict(),
  "Vendor.Finalized": z
    .object({
      customerId,
      claimId,
      finalized: z.boolean(),
      vendor: z.string().nullable(),
      vendorId: z.string().nullable(),
      daily_rate: z.number().nullable(),
      days: z.number().int(),
      total_cost: z.number().nullable(),
      currency: z.literal("USD"),
      reason: z.string().nullable(),
      vendorMessage: z.string(),
    })
    .strict(),
} as const;

export type DetailType = keyof typeof detailSchemas;
export const DETAIL_TYPES = Object.keys(detailSchemas) as [DetailType, ...DetailType[]];
export type EventDetail<T extends DetailType> = z.infer<(typeof detailSchemas)[T]>;

/** The service that emits each detail-type (the envelope's `source`). */
export const EVENT_SOURCES: Record<DetailType, string> = {
  "Customer.Submitted": "signup.service",
  "Customer.Accepted": "customer.service",
  "Customer.Rejected": "customer.service",
  "Document.Processed": "document.service",
  "Document.Rejected": "document.service",
  "Fraud.Detected": "fraud.service",
  "Fraud.Not.Detected": "fraud.service",
  "Claim.Requested": "fnol.service",
  "Claim.Accepted": "claims.service",
  "Claim.Rejected": "claims.service",
  "Settlement.Finalized": "settlement.service",
  "Vendor.Finalized": "vendor.service",
};

/** One line per detail-type for the catalog. */
export const EVENT_SUMMARIES: Record<DetailType, string> = {
  "Customer.Submitted": "A customer signed up; the policy is issued pending screening.",
  "Customer.Accepted": "Screening passed: the policy is active and the licence and car images can be uploaded.",
  "Customer.Rejected": "Screening refused the signup (e.g. the car is already insured).",
  "Document.Processed": "An uploaded licence or car image was read (OCR and barcode, or the colour and damage models).",
  "Document.Rejected":
    "A claim's damage photo could not be assessed (a new upload URL comes with the guidance), or a signup document could not be read.",
  "Fraud.Detected": "A document does not match the signup or the policy (names, expiry, colour).",
  "Fraud.Not.Detected": "A document passed every check.",
  "Claim.Requested": "A customer filed a first notice of loss.",
  "Claim.Accepted": "The claim passed its checks; the damage photo can be uploaded.",
  "Claim.Rejected":
    "The claim failed a check (policy not active, licence mismatch, …) or was closed (abandoned, no usable photo, processing failed).",
  "Settlement.Finalized": "A settlement was computed (or revised by an adjuster).",
  "Vendor.Finalized": "A rental car was booked, or the reason none could be.",
};

export const ENVELOPE_VERSION = "0";

export const envelopeSchema = z
  .object({
    version: z.literal(ENVELOPE_VERSION),
    id: z.uuid().describe("Unique; deterministic for events emitted by replayable steps"),
    "detail-type": z.enum(DETAIL_TYPES),
    source: z.string(),
    time: z.string().describe("ISO-8601 UTC"),
    detail: z.record(z.string(), z.unknown()),
  })
  .strict();

/** An event as clients receive it (the source system's envelope). */
export interface DomainEvent<T extends DetailType = DetailType> {
  version: typeof ENVELOPE_VERSION;
  id: string;
  "detail-type": T;
  source: string;
  time: string;
  detail: EventDetail<T>;
}

export const detailSchemaOf = <T extends DetailType>(type: T): (typeof detailSchemas)[T] => detailSchemas[type];

export const isDetailType = (value: string): value is DetailType => Object.hasOwn(detailSchemas, value);

/** Builds an event, validating its detail: a producer cannot write an event the catalog does not describe. */
export function domainEvent<T extends DetailType>(
  type: T,
  id: string,
  detail: EventDetail<T>,
  time: string,
): DomainEvent<T> {
  const parsed = detailSchemas[type].safeParse(detail);
  if (!parsed.success) throw new TypeError(`invalid ${type} detail: ${parsed.error.message}`);
  return { version: ENVELOPE_VERSION, id, "detail-type": type, source: EVENT_SOURCES[type], time, detail };
}
