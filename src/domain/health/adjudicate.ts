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
  /** The claim line the reason is about, on claims with several lines. */
  item_sequence?: number;
}

/** A claim with one or more lines: who, for which diagnoses; each line one service. */
export interface HealthClaimParties {
  memberId: string;
  providerId: string;
  diagnosisCodes: string[];
}

export interface HealthClaimLineInput {
  sequence: number;
  procedureCode: string;
  /** The claim's diagnoses this line treats (all of them when the line names none). */
  diagnosisCodes: string[];
  amountCents: number;
  serviceDate: string;
}

/** What the database knows before adjudication: the parties, reference data by code, duplicates by line. */
export interface HealthClaimFacts {
  member: { status: string; remainingBenefitCents: number } | null;
  provider: { status: string } | null;
  diagnoses: Record<string, { billable: boolean } | null>;
  procedures: Record<string, ProcedurePrice | null>;
  rulesByDiagnosis: Record<string, ProcedureRule[]>;
  duplicateOfClaimIdByLine: Record<number, string | null>;
}

export interface LineAdjudication {
  sequence: number;
  /** The line passed its own checks and the claim's: it goes on to the benefit cap. */
  payable: boolean;
  reasons: Reason[];
  fraudReasons: string[];
}

export interface HealthClaimAdjudication {
  /** Reasons about the claim as a whole: member, provider, diagnoses. */
  claimReasons: Reason[];
  lines: LineAdjudication[];
  fraudFlag: boolean;
  fraudReason: string | null;
}

function claimReasons(claim: HealthClaimParties, facts: HealthClaimFacts): Reason[] {
  const reasons: Reason[] = [];
  const { member, provider } = facts;
  if (!member) reasons.push({ code: "MEMBER_NOT_FOUND", message: `Member ${claim.memberId} not found` });
  else if (member.status !== "ACTIVE") reasons.push(memberInactive(claim.memberId, member.status));
  else if (member.remainingBenefitCents <= 0) reasons.push(benefitExhausted(claim.memberId));

  if (!provider) reasons.push({ code: "PROVIDER_NOT_FOUND", message: `Provider ${claim.providerId} not found` });
  else if (provider.status !== "ACTIVE")
    reasons.push({ code: "PROVIDER_INACTIVE", message: `Provider ${claim.providerId} is ${provider.status}` });

  for (const code of claim.diagnosisCodes) {
    const diagnosis = facts.diagnoses[code];
    if (!diagnosis) reasons.push({ code: "DIAGNOSIS_UNKNOWN", message: `Unknown diagnosis code ${code}` });
    else if (!diagnosis.billable)
      reasons.push({
        code: "DIAGNOSIS_NOT_BILLABLE",
        message: `Diagnosis code ${code} is a category, not a billable code`,
      });
  }
  return reasons;
}

const sameService = (a: HealthClaimLineInput, b: HealthClaimLineInput) =>
  a.procedureCode === b.procedureCode && a.serviceDate === b.serviceDate && a.amountCents === b.amountCents;

function lineReasons(
  line: HealthClaimLineInput,
  earlierLines: HealthClaimLineInput[],
  facts: HealthClaimFacts,
  costRule: CostAnomalyRule,
): { reasons: Reason[]; fraudReasons: string[] } {
  const reasons: Reason[] = [];
  const fraudReasons: string[] = [];
  const procedure = facts.procedures[line.procedureCode] ?? null;
  if (!procedure) reasons.push({ code: "PROCEDURE_UNKNOWN", message: `Unknown procedure code ${line.procedureCode}` });

  const knownDiagnoses = line.diagnosisCodes.filter((code) => facts.diagnoses[code]);
  const allowed = knownDiagnoses.some((code) =>
    isProcedureAllowed(code, line.procedureCode, facts.rulesByDiagnosis[code] ?? []),
  );
  if (procedure && knownDiagnoses.length > 0 && !allowed) {
    reasons.push({
      code: "PROCEDURE_NOT_ALLOWED",
      message: `Procedure ${line.procedureCode} is not allowed for diagnosis ${knownDiagnoses.join(" or ")}`,
    });
  }

  const anomaly = procedure ? detectCostAnomaly(line.amountCents, procedure, costRule) : null;
  if (anomaly) {
    reasons.push({ code: "COST_ANOMALY", message: anomaly.message });
    fraudReasons.push(anomaly.message);
  }

  const original = facts.duplicateOfClaimIdByLine[line.sequence];
  const twin = earlierLines.find((earlier) => sameService(earlier, line));
  const duplicate = original
    ? `Likely duplicate of claim ${original} (same member, provider, procedure, service date and amount)`
    : twin
      ? `Likely duplicate of item ${twin.sequence} of this claim (same procedure, service date and amount)`
      : null;
  if (duplicate) {
    reasons.push({ code: "DUPLICATE_CLAIM", message: duplicate });
    fraudReasons.push(duplicate);
  }
  return { reasons, fraudReasons };
}

/**
 * The health-claim adjudication gateway for a claim of one or more lines: eligibility → provider → diagnoses, then
 * per line procedure → pairing → cost anomaly → duplicates. Every failed check is reported. The
 * payable lines go on to the benefit cap, applied atomically in the database
 * (claims/health/benefit-ledger.ts).
 */
export function adjudicateHealthClaim(
  claim: HealthClaimParties,
  lines: HealthClaimLineInput[],
  facts: HealthClaimFacts,
  costRule: CostAnomalyRule,
): HealthClaimAdjudication {
  const atClaimLevel = claimReasons(claim, facts);
  const several = lines.length > 1;
  const adjudicated = lines.map((line, i) => {
    const { reasons, fraudReasons } = lineReasons(line, lines.slice(0, i), facts, costRule);
    return {
      sequence: line.sequence,
      payable: atClaimLevel.length === 0 && reasons.length === 0,
      reasons: several ? reasons.map((reason) => ({ ...reason, item_sequence: line.sequence })) : reasons,
      fraudReasons: several ? fraudReasons.map((reason) => `Item ${line.sequence}: ${reason}`) : fraudReasons,
    };
  });
  const fraud = adjudicated.flatMap((line) => line.fraudReasons);
  return {
    claimReasons: atClaimLevel,
    lines: adjudicated,
    fraudFlag: fraud.length > 0,
    fraudReason: fraud.length > 0 ? fraud.join("; ") : null,
  };
}
