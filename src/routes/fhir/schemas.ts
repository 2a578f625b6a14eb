import { z } from "@hono/zod-openapi";

// The FHIR resources these routes answer with, for the OpenAPI document (the full definitions are HL7's).

const resource = (resourceType: string, description: string) =>
  z.looseObject({ resourceType: z.literal(resourceType) }).openapi(`Fhir${resourceType}`, {
    description: `${description} (https://hl7.org/fhir/R4/${resourceType.toLowerCase()}.html)`,
  });

export const claimResponseResource = resource(
  "ClaimResponse",
  "HL7 FHIR R4 ClaimResponse: the adjudication of a Claim",
);
export const claimResource = resource("Claim", "HL7 FHIR R4 Claim, as submitted, with the server's id");
export const operationOutcomeResource = resource(
  "OperationOutcome",
  "HL7 FHIR R4 OperationOutcome: why a request was refused",
);
export const capabilityStatementResource = resource(
  "CapabilityStatement",
  "HL7 FHIR R4 CapabilityStatement of this endpoint",
);

/** A response that is an OperationOutcome. */
export const outcome = (description: string) => ({
  description,
  content: { "application/fhir+json": { schema: operationOutcomeResource } },
});

export const fhirAuthErrors = {
  401: outcome("Missing, malformed, expired or invalid token"),
  403: outcome("The caller's role may not use this route"),
} as const;

export const fhirIdParam = z.object({ id: z.string().min(1).max(128) });
