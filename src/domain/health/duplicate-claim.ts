import type { HealthClaimInput, Reason } from "./adjudicate";

/**
 * What makes two health claims likely duplicates: same member, provider, procedure, service date and
 * amount. As one value (a JSON array, so no id can run into the next), it is unique among the claims
 * not rejected: the database refuses a second payable copy inside the same batch that deducts the benefit.
 */
export const duplicateKey = (claim: HealthClaimInput & { serviceDate: string }): string =>
  JSON.stringify([claim.memberId, claim.providerId, claim.procedureCode, claim.serviceDate, claim.amountCents]);

export const duplicateClaim = (originalClaimId: string): Reason => ({
  code: "DUPLICATE_CLAIM",
  message: `Likely duplicate of claim ${originalClaimId} (same member, provider, procedure, service date and amount)`,
});
