// Which fields an adjuster must check: the core facts of the claim that are missing, or read
// with a confidence below the threshold. Such fields are shown, but not given to the fraud and
// reserve models as facts.
import type { ClaimExtraction, ExtractedField } from "./result";

/**
 * Below this a field is not trusted. Chosen on the development split of the generated
 * document families (bench/document-families.ts): it flags most wrong readings and few right ones.
 */
export const REVIEW_THRESHOLD = 0.6;

const CORE_FIELDS: Record<ClaimExtraction["document_type"], string[]> = {
  claim: ["claimant_name", "policy_number", "incident_date", "amount_claimed"],
  ub04: ["claimant_name", "policy_number", "incident_date", "amount_claimed"],
  cms1500: ["patient_name", "insured_id", "total_charge"],
};

export function needsReview(
  documentType: ClaimExtraction["document_type"],
  fields: Record<string, ExtractedField>,
): string[] {
  const core = CORE_FIELDS[documentType];
  const low = Object.entries(fields)
    .filter(([name, f]) => core.includes(name) && f.confidence < REVIEW_THRESHOLD)
    .map(([name]) => name);
  const missing = core.filter((name) => fields[name] === undefined);
  return [...core.filter((name) => low.includes(name) || missing.includes(name))];
}
