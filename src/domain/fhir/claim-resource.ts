import { z } from "zod";
import {
  codeableConcept,
  extension,
  fhirArray,
  fhirDate,
  fhirDateTime,
  fhirDecimal,
  fhirId,
  fhirPositiveInt,
  identifier,
  money,
  period,
  quantity,
  reference,
} from "./datatypes";

/** A resource carried inside the Claim (`contained`), found by a "#id" reference. */
const containedResource = z.looseObject({
  resourceType: z.string().regex(/^[A-Z][A-Za-z]{1,63}$/, "must be a resource type"),
  id: fhirId.optional(),
});

const claimDiagnosis = z
  .looseObject({
    sequence: fhirPositiveInt,
    diagnosisCodeableConcept: codeableConcept.optional(),
    diagnosisReference: reference.optional(),
  })
  .refine((d) => (d.diagnosisCodeableConcept === undefined) !== (d.diagnosisReference === undefined), {
    message: "must have exactly one of diagnosisCodeableConcept or diagnosisReference",
  });

const claimItem = z.looseObject({
  sequence: fhirPositiveInt,
  modifierExtension: fhirArray(extension).optional(),
  diagnosisSequence: fhirArray(fhirPositiveInt).optional(),
  productOrService: codeableConcept,
  servicedDate: fhirDate.optional(),
  servicedPeriod: period.optional(),
  quantity: quantity.optional(),
  unitPrice: money.optional(),
  factor: fhirDecimal.optional(),
  net: money.optional(),
});

const claimInsurance = z.looseObject({
  sequence: fhirPositiveInt.optional(),
  focal: z.boolean().optional(),
  identifier: identifier.optional(),
  coverage: reference.optional(),
});

/**
 * The HL7 FHIR R4 Claim (https://hl7.org/fhir/R4/claim.html), the elements the health-claim
 * mapping reads, with R4's types and cardinalities; every other element passes through unread.
 */
export const fhirClaimSchema = z.looseObject({
  resourceType: z.literal("Claim", { error: "must be 'Claim'" }),
  id: fhirId.optional(),
  contained: fhirArray(containedResource).optional(),
  modifierExtension: fhirArray(extension).optional(),
  identifier: fhirArray(identifier).optional(),
  status: z.enum(["active", "cancelled", "draft", "entered-in-error"]),
  type: codeableConcept,
  use: z.enum(["claim", "preauthorization", "predetermination"]),
  patient: reference,
  billablePeriod: period.optional(),
  created: fhirDateTime,
  insurer: reference.optional(),
  provider: reference,
  insurance: fhirArray(claimInsurance).optional(),
  diagnosis: fhirArray(claimDiagnosis).optional(),
  item: fhirArray(claimItem).optional(),
  total: money.optional(),
});

export type FhirClaim = z.infer<typeof fhirClaimSchema>;
export type FhirClaimItem = z.infer<typeof claimItem>;
export type FhirClaimDiagnosis = z.infer<typeof claimDiagnosis>;
