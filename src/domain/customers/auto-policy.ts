// The motor policy a signup issues: one default product, its dates and its id.

export interface AutoProduct {
  code: string;
  termMonths: number;
  collisionDeductibleCents: number;
  rentalDailyCapCents: number;
  rentalMaxDays: number;
}

/**
 * The product every app signup gets: a year of cover, a $500 collision deductible (the commonest
 * choice in the US) and rental reimbursement of $40 a day for up to 30 days (a common "30/900" tier).
 */
export const DEFAULT_AUTO_PRODUCT: AutoProduct = {
  code: "AUTO-STANDARD",
  termMonths: 12,
  collisionDeductibleCents: 50_000,
  rentalDailyCapCents: 4_000,
  rentalMaxDays: 30,
};

/** Cover starts at signup and ends the same instant `termMonths` later (29 February rolls to 1 March). */
export function policyPeriod(signupAt: Date, product: AutoProduct = DEFAULT_AUTO_PRODUCT) {
  const end = new Date(signupAt.getTime());
  end.setUTCMonth(end.getUTCMonth() + product.termMonths);
  return { startsAt: signupAt.toISOString(), endsAt: end.toISOString() };
}

/** Whether the policy covers an instant: strictly after the start and before the end. */
export const isCovered = (period: { startsAt: string; endsAt: string }, at: string): boolean =>
  Date.parse(period.startsAt) < Date.parse(at) && Date.parse(at) < Date.parse(period.endsAt);

// Crockford's base 32: no I, L, O or U, so an id read over the phone is not misheard.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "AUT-2026-7K4M-9Q2X": product prefix, year of issue, 40 random bits in two readable groups. */
export function autoPolicyId(issuedAt: Date, random: Uint8Array): string {
  if (random.length < 5) throw new RangeError("autoPolicyId needs 5 random bytes");
  let bits = 0n;
  for (const byte of random.slice(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let code = "";
  for (let i = 0; i < 8; i++) {
    code = ALPHABET[Number(bits & 31n)]! + code;
    bits >>= 5n;
  }
  return `AUT-${issuedAt.getUTCFullYear()}-${code.slice(0, 4)}-${code.slice(4)}`;
}

export const AUTO_POLICY_ID = /^AUT-\d{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
