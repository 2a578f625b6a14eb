import { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../../env";
import { registerGetFhirClaim } from "./claim/get";
import { registerPostFhirClaim } from "./claim/post";
import { registerGetFhirClaimResponse } from "./claim-response/get";
import { fhirMediaType, fhirValidationHook, renderFhirError } from "./errors";
import { registerGetFhirMetadata } from "./metadata/get";

/** HL7 FHIR R4 under /fhir: its own validation hook and error renderer, so every error is an OperationOutcome. */
export function registerFhirRoutes(api: OpenAPIHono<HonoEnv>): void {
  const fhir = new OpenAPIHono<HonoEnv>({ defaultHook: fhirValidationHook });
  fhir.onError(renderFhirError);
  fhir.use("*", fhirMediaType);
  registerGetFhirMetadata(fhir);
  registerPostFhirClaim(fhir);
  registerGetFhirClaim(fhir);
  registerGetFhirClaimResponse(fhir);
  api.route("/fhir", fhir);
}
