import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { authenticate, requireRole } from "../../../auth/middleware";
import { findFhirClaim } from "../../../claims/fhir/store";
import { buildClaimResponse } from "../../../domain/fhir/claim-response";
import type { HonoEnv } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { fhirResponse } from "../errors";
import { claimResponseResource, fhirAuthErrors, fhirIdParam, outcome } from "../schemas";

export const getFhirClaimResponseRoute = createRoute({
  method: "get",
  path: "/ClaimResponse/{id}",
  tags: ["HL7 FHIR"],
  summary: "Read the ClaimResponse of a Claim submitted as HL7 FHIR (same id as the Claim)",
  security: [{ bearerAuth: [] }],
  middleware: [authenticate, requireRole("provider", "admin")] as const,
  request: { params: fhirIdParam },
  responses: {
    200: {
      description: "The ClaimResponse, built from the claim as recorded",
      content: { "application/fhir+json": { schema: claimResponseResource } },
    },
    ...fhirAuthErrors,
    404: outcome("No such ClaimResponse, or not one the caller may see"),
  },
});

export const registerGetFhirClaimResponse = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(getFhirClaimResponseRoute, async (c) => {
    const { id } = c.req.valid("param");
    const found = await findFhirClaim(c.get("db"), c.get("user"), id);
    if (!found) throw new ApiError("NOT_FOUND", `ClaimResponse/${id} not found`);
    return fhirResponse(c, buildClaimResponse(found.resource, found.claim, found.currency), 200) as never;
  });
