import type { Schemas } from "./api/client";

type AnyClaim = Schemas["ClaimSummary"] | Schemas["ClaimDetail"];

/** The id the API answers to for a claim: the server's id (a photo claim's `claim_id` is the client's). */
export const claimKey = (claim: AnyClaim): string =>
  "id" in claim && typeof claim.id === "string" ? claim.id : claim.claim_id;

/** The amount a claim is for, whichever channel's shape it has. */
export function claimAmount(claim: AnyClaim): number | null {
  if ("claim_amount" in claim && typeof claim.claim_amount === "number") return claim.claim_amount;
  if ("extracted_data" in claim && claim.extracted_data) {
    const amount = (claim.extracted_data as Record<string, unknown>).amount_claimed;
    return typeof amount === "number" ? amount : null;
  }
  return null;
}

export const fraudScore = (claim: AnyClaim): number | null =>
  "fraud_score" in claim && typeof claim.fraud_score === "number" ? claim.fraud_score : null;

/** Whether the claim counts as fraudulent: the adjuster's verdict, else the rules or the model. */
export function fraudFlagged(claim: AnyClaim): boolean {
  if ("fraud_confirmed" in claim && claim.fraud_confirmed !== null && claim.fraud_confirmed !== undefined)
    return claim.fraud_confirmed;
  if ("fraud_flag" in claim && claim.fraud_flag) return true;
  return "is_fraudulent" in claim && claim.is_fraudulent === true;
}

export const shownStatus = (claim: AnyClaim): string =>
  "effective_status" in claim && claim.effective_status ? claim.effective_status : claim.status;
