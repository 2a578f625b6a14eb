import type { capabilityStatement } from "../../src/domain/fhir/capability-statement";
import type { FhirClaim } from "../../src/domain/fhir/claim-resource";
import type { ClaimResponse } from "../../src/domain/fhir/claim-response";
import type { OperationOutcomeBody } from "../../src/routes/fhir/schemas";

/** The resources the FHIR routes answer with, typed as the code builds them (tests check them against HL7's schema). */
export interface FhirResources {
  ClaimResponse: ClaimResponse;
  Claim: FhirClaim;
  CapabilityStatement: ReturnType<typeof capabilityStatement>;
  OperationOutcome: OperationOutcomeBody;
}
