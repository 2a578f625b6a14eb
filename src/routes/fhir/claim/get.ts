import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { authenticate, requireRole } from "../../../auth/middleware";
import { findFhirClaim } from "../../../claims/fhir/store";
import type { HonoEnv } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { fhirResponse } from "../errors";
import { claimResource, fhirAuthErrors, fhirIdParam, outcome } from "../schemas";

export const getFhirClaimRoute = createRoute({
  method: "get",
  path: "/Claim/{id}",
  tags: ["HL7 FHIR"],
  summary: "Read a Claim submitted as HL7 FHIR",
  security: [{ bearerAuth: [] }],
  middleware: [authenticate, requireRole("provider", "admin")] as const,
  request: { params: fhirIdParam },
  responses: {
    200: {
      description: "The Claim as submitted, with the server's id",
      content: { "application/fhir+json": { schema: claimResource } },
    },
    ...fhirAuthErrors,
    404: outcome("No such FHIR claim, or not one the caller may see"),
  },
});

export const registerGetFhirClaim = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(getFhirClaimRoute, async (c) => {
    const { id } = c.req.valid("param");
    const found = await findFhirClaim(c.get("db"), c.get("user"), id);
    if (!found) throw new ApiError("NOT_FOUND", `Claim/${id} not found`);
    return fhirResponse(c, found.resource, 200) as never;
  });
