// The code systems and identifier systems the FHIR mapping reads and writes.

/** ClaimsEdge's own: the health-claim reason codes (MEMBER_NOT_FOUND, COST_ANOMALY, …) and API error codes. */
export const REASON_CODE_SYSTEM = "https://claimsedge.dev/fhir/CodeSystem/health-claim-reason";
export const API_ERROR_SYSTEM = "https://claimsedge.dev/fhir/CodeSystem/api-error";
/** The extension carrying a response's request id (the X-Request-Id header), as the API's error bodies do. */
export const REQUEST_ID_EXTENSION = "https://claimsedge.dev/fhir/StructureDefinition/request-id";

export const ADJUDICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/adjudication";
export const PAYMENT_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/ex-paymenttype";
export const IDENTIFIER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203";

/** Diagnosis codings the mapping accepts as ICD-10 (any national edition), besides codings with no system. */
export function isIcd10System(system: string): boolean {
  return (
    system.startsWith("http://hl7.org/fhir/sid/icd-10") ||
    system === "urn:oid:2.16.840.1.113883.6.90" || // ICD-10-CM
    system === "urn:oid:2.16.840.1.113883.6.3" // ICD-10
  );
}

/** Procedure codings preferred when an item names several: CPT and HCPCS, the code sets the price lists use. */
export function isProcedureCodeSystem(system: string): boolean {
  return (
    system === "http://www.ama-assn.org/go/cpt" ||
    system === "urn:oid:2.16.840.1.113883.6.12" ||
    system === "urn:oid:2.16.840.1.113883.6.285" ||
    system.startsWith("https://www.cms.gov/Medicare/Coding/HCPCS") ||
    system.startsWith("http://www.cms.gov/Medicare/Coding/HCPCS")
  );
}
