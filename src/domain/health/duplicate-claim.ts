import type { Reason } from "./adjudicate";

interface DuplicateKeyLine {
  procedureCode: string;
  serviceDate: string;
  amountCents: number;
}

/**
 * What makes two health claims likely duplicates: same member and provider, and the same procedure,
 * service date and amount on every line (a claim of several lines: the same set of lines). As one
 * value (JSON, so no id can run into the next), it is unique among the claims not rejected: the
 * database refuses a second payable copy inside the same batch that deducts the benefit.
 */
export function duplicateKey(memberId: string, providerId: string, lines: readonly DuplicateKeyLine[]): string {
  const services = lines.map((line) => [line.procedureCode, line.serviceDate, line.amountCents] as const);
  if (services.length === 1) return JSON.stringify([memberId, providerId, ...services[0]!]);
  return JSON.stringify([memberId, providerId, services.map((s) => JSON.stringify(s)).sort()]);
}

export const duplicateClaim = (originalClaimId: string): Reason => ({
  code: "DUPLICATE_CLAIM",
  message: `Likely duplicate of claim ${originalClaimId} (same member, provider, procedure, service date and amount)`,
});
