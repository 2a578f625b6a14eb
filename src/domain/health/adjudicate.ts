import { benefitExhausted, memberInactive } from "./benefit-reasons";
import { isProcedureAllowed, type ProcedureRule } from "./codes";
import { type CostAnomalyRule, detectCostAnomaly, type ProcedurePrice } from "./cost-anomaly";

/** Machine-readable reasons for a rejection or a reduction (cf. openIMIS / FHIR adjudication). */
export const REASON_CODES = [
  "MEMBER_NOT_FOUND",
  "MEMBER_INACTIVE",
  "BENEFIT_EXHAUSTED",
  "PROVIDER_NOT_FOUND",
  "PROVIDER_INACTIVE",
  "DIAGNOSIS_UNKNOWN",
  "DIAGNOSIS_NOT_BILLABLE",
  "PROCEDURE_UNKNOWN",
  "PROCEDURE_NOT_ALLOWED",
  "COST_ANOMALY",
  "DUPLICATE_CLAIM",
  "BENEFIT_CAP_APPLIED",
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  code: ReasonCode;
  message: string;
}

export interface HealthClaimInput {
  memberId: string;
  providerId: string;
  diagnosisCode: string;
  procedureCode: string;
  amountCents: number;
}

/** What the database knows about the claim's parties and codes, loaded before adjudication. */
export interface HealthClaimFacts {
  member: { status: string; remainingBenefitCents: number } | null;
  provider: { status: string } | null;
  diagnosis: { billable: boolean } | null;
  procedure: ProcedurePrice | null;
  rules: ProcedureRule[];
  duplicateOfClaimId: string | null;
}

export type Adjudication =
  | { payable: true }
  | { payable: false; reasons: Reason[]; fraudFlag: boolean; fraudReason: string | null };

/**
 * The health-claim adjudication gateway: eligibility → provider → codes → cost anomaly → duplicates. Every failed
 * check is reported, not just the first. A payable claim goes on to the benefit cap, which is
 * applied atomically in the database (see claims/health/benefit-ledger.ts).
 */
export function adjudicateHealthClaim(
  claim: HealthClaimInput,
  facts: HealthClaimFacts,
  costRule: CostAnomalyRule,
): Adjudication {
  const reasons: Reason[] = [];
  const fraud: string[] = [];

  const { member, provider, diagnosis, procedure } = facts;
  if (!member) reasons.push({ code: "MEMBER_NOT_FOUND", message: `Member ${claim.memberId} not found` });
  else if (member.status !== "ACTIVE") reasons.push(memberInactive(claim.memberId, member.status));
  else if (member.remainingBenefitCents <= 0) reasons.push(benefitExhausted(claim.memberId));

  if (!provider) reasons.push({ code: "PROVIDER_NOT_FOUND", message: `Provider ${claim.providerId} not found` });
  else if (provider.status !== "ACTIVE")
    reasons.push({ code: "PROVIDER_INACTIVE", message: `Provider ${claim.providerId} is ${provider.status}` });

  if (!diagnosis) reasons.push({ code: "DIAGNOSIS_UNKNOWN", message: `Unknown diagnosis code ${claim.diagnosisCode}` });
  else if (!diagnosis.billable)
    reasons.push({
      code: "DIAGNOSIS_NOT_BILLABLE",
      message: `Diagnosis code ${claim.diagnosisCode} is a category, not a billable code`,
    });

  if (!procedure) reasons.push({ code: "PROCEDURE_UNKNOWN", message: `Unknown procedure code ${claim.procedureCode}` });

  if (diagnosis && procedure && !isProcedureAllowed(claim.diagnosisCode, claim.procedureCode, facts.rules)) {
    reasons.push({
      code: "PROCEDURE_NOT_ALLOWED",
      message: `Procedure ${claim.procedureCode} is not allowed for diagnosis ${claim.diagnosisCode}`,
    });
  }

  const anomaly = procedure ? detectCostAnomaly(claim.amountCents, procedure, costRule) : null;
  if (anomaly) {
    reasons.push({ code: "COST_ANOMALY", message: anomaly.message });
    fraud.push(anomaly.message);
  }

  if (facts.duplicateOfClaimId) {
    const message = `Likely duplicate of claim ${facts.duplicateOfClaimId} (same member, provider, procedure, service date and amount)`;
    reasons.push({ code: "DUPLICATE_CLAIM", message });
    fraud.push(message);
  }

  if (reasons.length === 0) return { payable: true };
  return {
    payable: false,
    reasons,
    fraudFlag: fraud.length > 0,
    fraudReason: fraud.length > 0 ? fraud.join("; ") : null,
  };
}
