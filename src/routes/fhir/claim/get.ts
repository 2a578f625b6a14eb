import { findFhirClaim } from "../../../claims/fhir/store";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { protectedRoute } from "../../shared/protected-route";
import { fhirResponse, fhirValidationHook } from "../errors";
import { claimResource, fhirIdParam, fhirJson, withOperationOutcomes } from "../schemas";

export const getFhirClaimRoute = withOperationOutcomes(
  protectedRoute({
    method: "get",
    path: "/fhir/Claim/{id}",
    tags: ["HL7 FHIR"],
    summary: "Read a Claim submitted as HL7 FHIR",
    roles: ["provider", "admin"],
    request: { params: fhirIdParam },
    responses: { 200: fhirJson(claimResource, "The Claim as submitted, with the server's id") },
    errors: { 404: "No such FHIR claim, or not one the caller may see" },
  }),
);

export const registerGetFhirClaim = (app: Api) =>
  app.openapi(
    getFhirClaimRoute,
    async (c) => {
      const { id } = c.req.valid("param");
      const found = await findFhirClaim(c.get("db"), c.get("user"), id);
      if (!found) throw new ApiError("NOT_FOUND", `Claim/${id} not found`);
      return fhirResponse(c, found.resource, 200) as never;
    },
    fhirValidationHook,
  );
