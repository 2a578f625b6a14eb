import { z } from "zod";
import { documentClaimSchema, healthClaimSchema, photoClaimSchema } from "../../../src/claims/views";
import { auditEntrySchema } from "../../../src/routes/claims/schema";

// GET /claims/{id} answers one of the channel shapes it declares; a test that knows the channel reads that one.
const withAuditTrail = { audit_trail: z.array(auditEntrySchema) };
export const healthClaimDetail = healthClaimSchema.extend(withAuditTrail);
export const documentClaimDetail = documentClaimSchema.extend(withAuditTrail);
export const photoClaimDetail = photoClaimSchema.extend(withAuditTrail);

/** The confidences extraction gives each field, as stored beside the fields. */
export const fieldConfidences = (extracted: Record<string, unknown> | null) =>
  z.record(z.string(), z.number()).parse(extracted?.confidence);
