import { z } from "@hono/zod-openapi";
import { checkSsn } from "../../domain/customers/ssn";
import { checkVin } from "../../domain/customers/vin";
import { US_STATE_CODE_SET } from "../../domain/rental/us-states";
import { emailSchema } from "../auth/schema";

const text = (max: number) => z.string().trim().min(1).max(max);

export const signupRequestSchema = z
  .object({
    email: emailSchema.openapi({ example: "connor.sample@example.com" }),
    password: z.string().min(8, "must be at least 8 characters").max(256),
    first_name: text(100).openapi({ example: "Connor" }),
    last_name: text(100).openapi({ example: "Sample" }),
    ssn: z
      .string()
      .max(20)
      .openapi({ example: "123-45-6789", description: "Stored only as a keyed hash and its last four digits" }),
    address: z
      .object({
        street: text(200).openapi({ example: "124 Main St" }),
        city: text(100).openapi({ example: "Phoenix" }),
        state: z
          .string()
          .trim()
          .toUpperCase()
          .refine((s) => US_STATE_CODE_SET.has(s), "must be a US state code (AZ, CA, …)")
          .openapi({ example: "AZ" }),
        zip: z
          .string()
          .trim()
          .regex(/^\d{5}(-\d{4})?$/, "must be a ZIP code (85007 or 85007-1234)")
          .openapi({ example: "85007" }),
      })
      .strict(),
    vehicle: z
      .object({
        make: text(60).openapi({ example: "Honda" }),
        model: text(60).openapi({ example: "Accord" }),
        color: text(60).openapi({ example: "Green" }),
        type: text(60).openapi({ example: "Sedan" }),
        year: z.coerce
          .number()
          .int()
          .min(1981, "VINs of 17 characters start with model year 1981")
          // Read the clock per request: at module scope a Worker's clock still says 1970.
          .refine((year) => year <= new Date().getUTCFullYear() + 1, "cannot be later than next year's models")
          .openapi({ example: 2001 }),
        mileage: z.coerce.number().int().min(0).max(2_000_000).openapi({ example: 200000 }),
        vin: z.string().max(24).openapi({ example: "1HGCF86461A130849" }),
      })
      .strict(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const ssn = checkSsn(body.ssn);
    if (!ssn.ok) ctx.addIssue({ code: "custom", path: ["ssn"], message: ssn.reason });
    const vin = checkVin(body.vehicle.vin, body.vehicle.year);
    if (!vin.ok) ctx.addIssue({ code: "custom", path: ["vehicle", "vin"], message: vin.reason });
  })
  .openapi("CustomerSignupRequest");

export type SignupRequest = z.infer<typeof signupRequestSchema>;

export const signupResponseSchema = z
  .object({
    customer_id: z.string(),
    policy_id: z.string(),
    status: z.literal("SUBMITTED"),
    message: z.string(),
    events_url: z.string().describe("The customer's event log; the stream is at /api/v1/events/stream"),
  })
  .openapi("CustomerSignupResponse");

export const customerIdParams = z.object({ id: z.string().min(1).max(64) });

const documentSchema = z.object({
  document_id: z.string(),
  document_type: z.enum(["DRIVERS_LICENSE", "CAR", "DAMAGE"]),
  status: z.enum(["UPLOADED", "PROCESSED", "FAILED", "ERASED"]),
  uploaded_at: z.string(),
  processed_at: z.string().nullable(),
  failure_reason: z.string().nullable(),
  fraud_verdict: z.enum(["DETECTED", "NOT_DETECTED"]).nullable(),
  fraud_type: z.string().nullable().optional().describe("Staff only"),
  fraud_reason: z.string().nullable().optional().describe("Staff only"),
  notice: z
    .string()
    .optional()
    .describe("Customer only, when a fraud check held the document back: what to do next (never the check's reasons)"),
  analyzed_field_and_values: z.record(z.string(), z.unknown()).nullable(),
  current: z.boolean().describe("The latest of its type: the one that counts"),
});

export const customerViewSchema = z
  .object({
    customer_id: z.string(),
    status: z.enum(["SUBMITTED", "ACCEPTED", "REJECTED", "ERASED"]),
    rejection_reason: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email: z.string().nullable(),
    email_verified: z.boolean(),
    ssn_last4: z.string().nullable(),
    address: z.object({
      street: z.string().nullable(),
      city: z.string().nullable(),
      state: z.string().nullable(),
      zip: z.string().nullable(),
    }),
    vehicle: z
      .object({
        make: z.string(),
        model: z.string(),
        color: z.string(),
        type: z.string(),
        year: z.number(),
        mileage: z.number(),
        vin: z.string().nullable(),
      })
      .nullable(),
    policy: z
      .object({
        policy_id: z.string(),
        product: z.string(),
        status: z.string(),
        starts_at: z.string(),
        ends_at: z.string(),
        collision_deductible: z.number(),
        rental_daily_cap: z.number(),
        rental_max_days: z.number(),
        color: z.string(),
      })
      .nullable(),
    documents: z.array(documentSchema),
    created_at: z.string(),
  })
  .openapi("Customer");

export type CustomerView = z.infer<typeof customerViewSchema>;
