import type { Api } from "../api";
import { registerGetFhirClaim } from "./claim/get";
import { registerPostFhirClaim } from "./claim/post";
import { registerGetFhirClaimResponse } from "./claim-response/get";
import { fhirMediaType } from "./errors";
import { registerGetFhirMetadata } from "./metadata/get";

/**
 * HL7 FHIR R4 under /fhir. Every answer there is FHIR JSON; the app's error handlers render
 * errors on these paths as OperationOutcome (src/routes/fhir/errors.ts), the rest of the API
 * keeps its error body.
 */
export function registerFhirRoutes(api: Api): void {
  api.use("/fhir/*", fhirMediaType);
  registerGetFhirMetadata(api);
  registerPostFhirClaim(api);
  registerGetFhirClaim(api);
  registerGetFhirClaimResponse(api);
}
