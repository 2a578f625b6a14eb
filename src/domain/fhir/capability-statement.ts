import { MAX_CLAIM_ITEMS } from "./claim-mapping";

/** What the FHIR endpoint supports, as an R4 CapabilityStatement (GET /fhir/metadata). */
export function capabilityStatement(options: { baseUrl: string; version: string; date: string }) {
  return {
    resourceType: "CapabilityStatement" as const,
    status: "active" as const,
    date: options.date,
    publisher: "ClaimsEdge",
    kind: "instance" as const,
    software: { name: "ClaimsEdge", version: options.version },
    implementation: {
      description: "ClaimsEdge health-claim adjudication: a Claim in, a ClaimResponse out",
      url: options.baseUrl,
    },
    fhirVersion: "4.0.1" as const,
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server" as const,
        documentation:
          "Every interaction but this one needs 'Authorization: Bearer <token>' from POST /api/v1/auth/login, as a provider " +
          "(its own organisation's claims) or an admin. Errors are OperationOutcome resources. POST Claim accepts an Idempotency-Key header.",
        security: {
          cors: true,
          description:
            "Bearer JWT from POST /api/v1/auth/login; provider users see only their own organisation's claims",
        },
        resource: [
          {
            type: "Claim",
            documentation:
              `use 'claim', status 'active'; patient = the member (Patient/<member id>, an identifier, a contained Patient or Coverage), ` +
              `provider = the hospital (Organization/<provider id>, an identifier or a contained Organization), ICD-10 diagnoses, ` +
              `1-${MAX_CLAIM_ITEMS} items each with a productOrService code and net (or unitPrice × quantity × factor). ` +
              "Create adjudicates at once and answers with the ClaimResponse.",
            interaction: [{ code: "create" as const }, { code: "read" as const }],
            versioning: "no-version" as const,
            readHistory: false,
            updateCreate: false,
          },
          {
            type: "ClaimResponse",
            documentation: "The adjudication of a Claim submitted here; same id as the Claim.",
            interaction: [{ code: "read" as const }],
            versioning: "no-version" as const,
            readHistory: false,
          },
        ],
      },
    ],
  };
}
