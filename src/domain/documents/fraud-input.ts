import type { RawClaim } from "../fraud";

/** Facts a claim document gives under the insurance_claims data set's own column names. */
const INCIDENT_FACTS = [
  "incident_date",
  "incident_type",
  "collision_type",
  "incident_severity",
  "authorities_contacted",
  "police_report_available",
  "number_of_vehicles_involved",
  "bodily_injuries",
  "witnesses",
  "incident_state",
  "incident_city",
  "incident_hour_of_the_day",
  "property_damage",
] as const;

/**
 * The fraud and reserve models' input for a document claim: the policy's and insured's
 * attributes from the policy record, and the incident facts read from the document (which
 * win where both speak). Facts an adjuster must still check (`uncertain`) are left out, as
 * is anything neither source gives: the models treat them as missing.
 */
export function fraudInputFromDocument(
  extracted: Record<string, unknown>,
  policyAttributes: Record<string, string> | null,
  uncertain: readonly string[] = [],
): RawClaim {
  const facts: RawClaim = { ...(policyAttributes ?? {}) };
  const skip = new Set(uncertain);
  for (const name of INCIDENT_FACTS) {
    const value = extracted[name];
    if (skip.has(name)) continue;
    if (typeof value === "string" || typeof value === "number") facts[name] = value;
  }
  if (typeof extracted.amount_claimed === "number" && !skip.has("amount_claimed"))
    facts.total_claim_amount = extracted.amount_claimed;
  return facts;
}

/** The fields a stored document claim still lists for an adjuster's review. */
export function storedReviewList(extracted: Record<string, unknown> | null | undefined): string[] {
  const list = extracted?.needs_review;
  return Array.isArray(list) ? list.filter((f): f is string => typeof f === "string") : [];
}
