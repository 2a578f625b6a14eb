import { z } from "@hono/zod-openapi";
import { insertFhirClaim } from "../../../claims/fhir/store";
import { submitHealthClaim } from "../../../claims/health/submit";
import { mapFhirClaim } from "../../../domain/fhir/claim-mapping";
import { type FhirClaim, fhirClaimSchema } from "../../../domain/fhir/claim-resource";
import { buildClaimResponse } from "../../../domain/fhir/claim-response";
import { appConfig } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { idempotent } from "../../../middleware/idempotency";
import type { Api } from "../../api";
import { protectedRoute } from "../../shared/protected-route";
import { FhirError, fhirResponse, fhirValidationHook } from "../errors";
import { claimResponseResource, fhirJson, withOperationOutcomes } from "../schemas";

const today = () => new Date().toISOString().slice(0, 10);

export const postFhirClaimRoute = withOperationOutcomes(
  protectedRoute({
    method: "post",
    path: "/fhir/Claim",
    tags: ["HL7 FHIR"],
    summary: "Submit an HL7 FHIR R4 Claim; the answer is its ClaimResponse",
    description:
      "The same adjudication as POST /claims (eligibility, provider, codes, cost anomaly, duplicates, the benefit cap shared by " +
      "the items in one atomic step), read from a FHIR Claim and answered as a FHIR ClaimResponse. `application/json` is " +
      "accepted too. Send an `Idempotency-Key` header to make retries safe.",
    roles: ["provider", "admin"],
    request: {
      headers: z.object({ "idempotency-key": z.string().optional() }),
      body: { required: true, content: { "application/fhir+json": { schema: fhirClaimSchema } } },
    },
    responses: { 201: fhirJson(claimResponseResource, "The ClaimResponse of the adjudicated claim") },
    errors: {
      400: "Not a valid FHIR R4 Claim (VALIDATION_ERROR; each issue names its element)",
      403: "Only for provider, admin; a provider claims for its own organisation only",
      409: "The Idempotency-Key was used with another body, or is in flight",
      415: "Not JSON: send application/fhir+json (or application/json)",
      422: "A valid Claim this service cannot adjudicate (UNPROCESSABLE_CLAIM: e.g. a preauthorization, a diagnosis coded only in SNOMED CT)",
    },
    middleware: [idempotent],
  }),
);

/** The claim as kept: the server's id and version stamp in place of the sender's. */
const storedResource = (resource: FhirClaim, id: string, now: string): FhirClaim => {
  const meta = typeof resource.meta === "object" && resource.meta !== null ? resource.meta : {};
  return { ...resource, id, meta: { ...meta, versionId: "1", lastUpdated: now } };
};

/** What an adjuster reads in the claim's notes: where it came from and the hospital's own claim number. */
const notesFor = (resource: FhirClaim) => {
  const kind = resource.type.coding?.find((c) => c.code)?.code;
  const ids = (resource.identifier ?? []).flatMap((i) =>
    i.value ? [i.system ? `${i.system}|${i.value}` : i.value] : [],
  );
  return `HL7 FHIR ${kind ? `${kind} ` : ""}claim${ids.length > 0 ? `, identifier ${ids.join(", ")}` : ""}`.slice(
    0,
    2000,
  );
};

export const registerPostFhirClaim = (app: Api) =>
  app.openapi(
    postFhirClaimRoute,
    async (c) => {
      const resource = c.req.valid("json");
      const mapping = mapFhirClaim(resource, today());
      if (!mapping.ok) throw new FhirError("UNPROCESSABLE_CLAIM", mapping.issues);
      const mapped = mapping.claim;
      const user = c.get("user");
      if (user.role === "provider" && mapped.providerId !== user.providerId) {
        throw new ApiError(
          "FORBIDDEN",
          `Providers may only submit claims for their own organisation (${user.providerId}); this claim names ${mapped.providerId}`,
        );
      }
      const config = appConfig(c.env);
      const id = crypto.randomUUID();
      const now = new Date().toISOString();
      const stored = storedResource(resource, id, now);
      const { claim, timings } = await submitHealthClaim(
        c.env.DB,
        {
          id,
          memberId: mapped.memberId,
          providerId: mapped.providerId,
          diagnosisCode: mapped.diagnosisCodes[0]!,
          lines: mapped.lines,
          notes: notesFor(resource),
          now,
          actor: user,
          requestId: c.get("requestId"),
          storeLines: true,
        },
        mapped.diagnosisCodes,
        { averageMultiple: config.COST_ANOMALY_AVERAGE_MULTIPLE, stdDevs: config.COST_ANOMALY_STD_DEVS },
        [insertFhirClaim(c.env.DB, id, stored, mapped.currency, now)],
      );
      const response = buildClaimResponse(
        stored,
        {
          id,
          memberId: mapped.memberId,
          providerId: mapped.providerId,
          status: claim.status,
          approvedAmountCents: claim.approvedAmountCents ?? 0,
          reasons: claim.reasons,
          lines: claim.lines ?? [],
          processedAt: now,
        },
        mapped.currency,
      );
      c.header("Server-Timing", `facts;dur=${timings.facts.toFixed(1)}, record;dur=${timings.record.toFixed(1)}`);
      c.header("Location", `/api/v1/fhir/Claim/${id}`);
      c.header("Content-Location", `/api/v1/fhir/ClaimResponse/${id}`);
      return fhirResponse(c, response, 201) as never;
    },
    fhirValidationHook,
  );
