import { findFhirClaim } from "../../../claims/fhir/store";
import { buildClaimResponse } from "../../../domain/fhir/claim-response";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { protectedRoute } from "../../shared/protected-route";
import { fhirResponse, fhirValidationHook } from "../errors";
import { claimResponseResource, fhirIdParam, fhirJson, withOperationOutcomes } from "../schemas";

export const getFhirClaimResponseRoute = withOperationOutcomes(
  protectedRoute({
    method: "get",
    path: "/fhir/ClaimResponse/{id}",
    tags: ["HL7 FHIR"],
    summary: "Read the ClaimResponse of a Claim submitted as HL7 FHIR (same id as the Claim)",
    roles: ["provider", "admin"],
    request: { params: fhirIdParam },
    responses: { 200: fhirJson(claimResponseResource, "The ClaimResponse, built from the claim as recorded") },
    errors: { 404: "No such ClaimResponse, or not one the caller may see" },
  }),
);

export const registerGetFhirClaimResponse = (app: Api) =>
  app.openapi(
    getFhirClaimResponseRoute,
    async (c) => {
      const { id } = c.req.valid("param");
      const found = await findFhirClaim(c.get("db"), c.get("user"), id);
      if (!found) throw new ApiError("NOT_FOUND", `ClaimResponse/${id} not found`);
      return fhirResponse(c, buildClaimResponse(found.resource, found.claim, found.currency), 200) as never;
    },
    fhirValidationHook,
  );
