import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";

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
export const capabilityStatementResource = resource(
  "CapabilityStatement",
  "HL7 FHIR R4 CapabilityStatement of this endpoint",
);

/** The OperationOutcome every error on /fhir is: the issues, each with the API's error code, and the request id. */
export const operationOutcomeSchema = z
  .object({
    resourceType: z.literal("OperationOutcome"),
    extension: z
      .array(z.object({ url: z.string(), valueString: z.string() }))
      .optional()
      .openapi({ description: "The request id (X-Request-Id), as the request-id extension" }),
    issue: z
      .array(
        z.object({
          severity: z.enum(["fatal", "error", "warning", "information"]),
          code: z.string().openapi({ description: "FHIR IssueType" }),
          details: z
            .object({ coding: z.array(z.object({ system: z.string(), code: z.string() })), text: z.string() })
            .optional()
            .openapi({ description: "The API's error code (VALIDATION_ERROR, FORBIDDEN, …)" }),
          diagnostics: z.string(),
          expression: z.array(z.string()).optional().openapi({ description: "FHIRPath of the element at fault" }),
        }),
      )
      .min(1),
  })
  .openapi("FhirOperationOutcome", {
    description:
      "HL7 FHIR R4 OperationOutcome: why a request was refused (https://hl7.org/fhir/R4/operationoutcome.html)",
  });

export type OperationOutcomeBody = z.infer<typeof operationOutcomeSchema>;

/** A response body that is a FHIR resource. */
export const fhirJson = <Schema extends z.ZodType>(schema: Schema, description: string) => ({
  description,
  content: { "application/fhir+json": { schema } },
});

/**
 * A route declared with protectedRoute/publicRoute whose errors are OperationOutcome resources:
 * the OpenAPI document says so for every error status the helper and the route declared.
 */
export function withOperationOutcomes<Route extends RouteConfig>(route: Route): Route {
  const responses: RouteConfig["responses"] = {};
  for (const [status, response] of Object.entries(route.responses)) {
    const isError = Number(status) >= 400 && "description" in response;
    responses[status] = isError ? fhirJson(operationOutcomeSchema, response.description ?? "") : response;
  }
  return createRoute({ ...route, responses }) as unknown as Route;
}

export const fhirIdParam = z.object({ id: z.string().min(1).max(128) });
