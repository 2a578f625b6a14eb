import { and, eq } from "drizzle-orm";
import type { CurrentUser } from "../../auth/current-user";
import type { Database } from "../../db/client";
import { claims, fhirClaims } from "../../db/schema";
import type { FhirClaim } from "../../domain/fhir/claim-resource";
import type { RecordedFhirClaim } from "../../domain/fhir/claim-response";
import { withVisibility } from "../scope";

/** The statement that keeps the submitted resource beside its claim, for the claim's own batch. */
export const insertFhirClaim = (
  db: D1Database,
  claimId: string,
  resource: FhirClaim,
  currency: string | null,
  now: string,
) =>
  db
    .prepare("INSERT INTO fhir_claims (claim_id, resource, currency, created_at) VALUES (?1, ?2, ?3, ?4)")
    .bind(claimId, JSON.stringify(resource), currency, now);

export interface StoredFhirClaim {
  resource: FhirClaim;
  currency: string | null;
  claim: RecordedFhirClaim;
}

/** A claim submitted as a FHIR Claim, if the caller may see it (anything else reads as not found). */
export async function findFhirClaim(db: Database, user: CurrentUser, id: string): Promise<StoredFhirClaim | null> {
  const [row] = await db
    .select({ claim: claims, fhir: fhirClaims })
    .from(claims)
    .innerJoin(fhirClaims, eq(fhirClaims.claimId, claims.id))
    .where(withVisibility(user, and(eq(claims.id, id), eq(claims.channel, "health"))))
    .limit(1);
  if (!row) return null;
  const { claim, fhir } = row;
  return {
    resource: fhir.resource as FhirClaim,
    currency: fhir.currency,
    claim: {
      id: claim.id,
      memberId: claim.memberId ?? "",
      providerId: claim.providerId ?? "",
      status: claim.status,
      approvedAmountCents: claim.approvedAmountCents ?? 0,
      reasons: claim.reasons,
      lines: claim.lines ?? [],
      processedAt: claim.processedAt ?? claim.updatedAt,
    },
  };
}
