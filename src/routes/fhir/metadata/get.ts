import { capabilityStatement } from "../../../domain/fhir/capability-statement";
import type { Api } from "../../api";
import { publicRoute } from "../../shared/protected-route";
import { FHIR_PATH_PREFIX, fhirResponse } from "../errors";
import { capabilityStatementResource, fhirJson, withOperationOutcomes } from "../schemas";

// Released with the code, not per request: the statement changes only when the code does.
const STATEMENT_DATE = "2026-11-28";

export const getFhirMetadataRoute = withOperationOutcomes(
  publicRoute({
    method: "get",
    path: "/fhir/metadata",
    tags: ["HL7 FHIR"],
    summary: "The CapabilityStatement of the FHIR endpoint (no authentication, as FHIR clients expect)",
    responses: { 200: fhirJson(capabilityStatementResource, "What the endpoint supports") },
  }),
);

export const registerGetFhirMetadata = (app: Api) =>
  app.openapi(getFhirMetadataRoute, (c) => {
    const baseUrl = `${new URL(c.req.url).origin}${FHIR_PATH_PREFIX}`;
    return fhirResponse(
      c,
      capabilityStatement({ baseUrl, version: c.env.APP_VERSION, date: STATEMENT_DATE }),
      200,
    ) as never;
  });
