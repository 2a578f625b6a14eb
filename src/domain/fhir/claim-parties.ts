import type { FhirClaim } from "./claim-resource";
import { IDENTIFIER_TYPE_SYSTEM } from "./code-systems";
import { type Identifier, identifier as identifierSchema, type Reference } from "./datatypes";

/** The logical id of a literal reference to `type`: "Patient/M123", "https://h.example/fhir/Patient/M123/_history/2". */
export function referencedId(reference: string, type: string): string | null {
  const match = reference.match(
    new RegExp(`(?:^|/)${type}/([A-Za-z0-9\\-.]{1,64})(?:/_history/[A-Za-z0-9\\-.]{1,64})?$`),
  );
  return match?.[1] ?? null;
}

const identifierTypes = (id: Identifier) =>
  (id.type?.coding ?? []).filter((c) => !c.system || c.system === IDENTIFIER_TYPE_SYSTEM).map((c) => c.code);

/**
 * The identifier that carries an insurer's member number: one typed MB (member number) or SN
 * (subscriber number) first, then any but a medical record number (MR), then any.
 */
function memberNumber(identifiers: Identifier[]): string | null {
  const withValue = identifiers.filter((id) => id.value);
  const typed = withValue.find((id) => identifierTypes(id).some((code) => code === "MB" || code === "SN"));
  const notRecordNumber = withValue.find((id) => !identifierTypes(id).includes("MR"));
  return (typed ?? notRecordNumber ?? withValue[0])?.value ?? null;
}

/** The identifiers of a contained resource of `type` named by a "#id" reference, if they are well formed. */
function containedIdentifiers(claim: FhirClaim, reference: string | undefined, type: string): Identifier[] | null {
  if (!reference?.startsWith("#")) return null;
  const resource = claim.contained?.find((r) => r.resourceType === type && r.id === reference.slice(1)) as
    | Record<string, unknown>
    | undefined;
  if (!resource) return null;
  const identifiers = Array.isArray(resource.identifier) ? resource.identifier : [];
  const subscriber =
    type === "Coverage" && typeof resource.subscriberId === "string"
      ? [{ value: resource.subscriberId, type: { coding: [{ code: "SN" }] } }]
      : [];
  return [...identifiers, ...subscriber].flatMap((id) => {
    const parsed = identifierSchema.safeParse(id);
    return parsed.success ? [parsed.data] : [];
  });
}

export type PartyResolution = { ok: true; id: string } | { ok: false; diagnostics: string; expression: string };

/**
 * The member the claim is for: `patient` as a reference "Patient/<member id>", or an identifier
 * carrying the member id, or a contained Patient with such an identifier; failing those, the
 * member number on the focal insurance's Coverage (contained, or given by identifier).
 */
export function resolveMember(claim: FhirClaim): PartyResolution {
  const patient = claim.patient;
  const literal =
    patient.reference && !patient.reference.startsWith("#") ? referencedId(patient.reference, "Patient") : null;
  if (literal) return { ok: true, id: literal };
  if (patient.identifier?.value) return { ok: true, id: patient.identifier.value };
  const fromPatient = memberNumber(containedIdentifiers(claim, patient.reference, "Patient") ?? []);
  if (fromPatient) return { ok: true, id: fromPatient };

  const insurance = claim.insurance?.find((i) => i.focal) ?? claim.insurance?.[0];
  const coverage = insurance?.coverage;
  const fromCoverage =
    memberNumber(containedIdentifiers(claim, coverage?.reference, "Coverage") ?? []) ??
    coverage?.identifier?.value ??
    null;
  if (fromCoverage) return { ok: true, id: fromCoverage };

  return {
    ok: false,
    expression: "Claim.patient",
    diagnostics:
      "Cannot tell the member: give Claim.patient as a reference 'Patient/<member id>' or an identifier holding the member id, " +
      "or contain the Patient (or the focal Coverage) with an identifier holding it",
  };
}

/**
 * The provider (hospital) that claims: `provider` as a reference "Organization/<provider id>", an
 * identifier holding the provider id, or a contained Organization with one.
 */
export function resolveProvider(claim: FhirClaim): PartyResolution {
  const provider: Reference = claim.provider;
  const literal =
    provider.reference && !provider.reference.startsWith("#") ? referencedId(provider.reference, "Organization") : null;
  if (literal) return { ok: true, id: literal };
  const pointsElsewhere = provider.reference && !provider.reference.startsWith("#");
  if (!pointsElsewhere && provider.identifier?.value && (!provider.type || provider.type === "Organization")) {
    return { ok: true, id: provider.identifier.value };
  }
  const contained = containedIdentifiers(claim, provider.reference, "Organization")?.find((id) => id.value)?.value;
  if (contained) return { ok: true, id: contained };
  return {
    ok: false,
    expression: "Claim.provider",
    diagnostics:
      "Cannot tell the provider: Claim.provider must name the provider organisation, as a reference 'Organization/<provider id>', " +
      "an identifier holding the provider id, or a contained Organization with one (a Practitioner is not a provider here)",
  };
}

/** How the ClaimResponse names a party: the claim's own literal reference to `type`, else its id as an identifier. */
function partyReference(given: Reference, type: string, id: string): Reference {
  if (given.reference && !given.reference.startsWith("#") && referencedId(given.reference, type))
    return { reference: given.reference };
  if (given.identifier?.value === id) return { identifier: given.identifier };
  return { identifier: { value: id } };
}

export const patientReference = (claim: FhirClaim, memberId: string) =>
  partyReference(claim.patient, "Patient", memberId);
export const providerReference = (claim: FhirClaim, providerId: string) =>
  partyReference(claim.provider, "Organization", providerId);
