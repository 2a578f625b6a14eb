import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { capabilityStatement } from "../../../domain/fhir/capability-statement";
import type { HonoEnv } from "../../../env";
import { FHIR_PATH_PREFIX, fhirResponse } from "../errors";
import { capabilityStatementResource } from "../schemas";

// Released with the code, not per request: the statement changes only when the code does.
const STATEMENT_DATE = "2026-11-28";

export const getFhirMetadataRoute = createRoute({
  method: "get",
  path: "/metadata",
  tags: ["HL7 FHIR"],
  summary: "The CapabilityStatement of the FHIR endpoint (no authentication, as FHIR clients expect)",
  responses: {
    200: {
      description: "What the endpoint supports",
      content: { "application/fhir+json": { schema: capabilityStatementResource } },
    },
  },
});

export const registerGetFhirMetadata = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(getFhirMetadataRoute, (c) => {
    const baseUrl = `${new URL(c.req.url).origin}${FHIR_PATH_PREFIX}`;
    return fhirResponse(
      c,
      capabilityStatement({ baseUrl, version: c.env.APP_VERSION, date: STATEMENT_DATE }),
      200,
    ) as never;
  });
