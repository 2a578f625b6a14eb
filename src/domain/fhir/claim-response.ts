import type { ClaimLine, ClaimReason, ClaimStatus } from "../../db/schema";
import { formatCents, moneyJson } from "../money";
import { patientReference, providerReference } from "./claim-parties";
import type { FhirClaim } from "./claim-resource";
import { ADJUDICATION_SYSTEM, PAYMENT_TYPE_SYSTEM, REASON_CODE_SYSTEM } from "./code-systems";
import type { CodeableConcept, Reference } from "./datatypes";

/** The recorded outcome of a health claim submitted as a FHIR Claim. */
export interface RecordedFhirClaim {
  id: string;
  memberId: string;
  providerId: string;
  status: ClaimStatus;
  approvedAmountCents: number;
  reasons: ClaimReason[];
  lines: ClaimLine[];
  processedAt: string;
}

/** Reasons that say the claim or a line could not be adjudicated (ClaimResponse.error), not how much it got. */
const CLAIM_ERRORS = new Set([
  "MEMBER_NOT_FOUND",
  "MEMBER_INACTIVE",
  "PROVIDER_NOT_FOUND",
  "PROVIDER_INACTIVE",
  "DIAGNOSIS_UNKNOWN",
  "DIAGNOSIS_NOT_BILLABLE",
]);
const LINE_ERRORS = new Set(["PROCEDURE_UNKNOWN", "PROCEDURE_NOT_ALLOWED"]);
/** Reasons that reduce the benefit of an eligible line. */
const BENEFIT_REASONS = new Set(["BENEFIT_CAP_APPLIED", "BENEFIT_EXHAUSTED"]);

export const CLAIM_OUTCOME: Record<ClaimStatus, "complete" | "partial" | "error" | "queued"> = {
  APPROVED: "complete",
  PARTIAL: "partial",
  REJECTED: "error",
  PENDING: "queued",
  PROCESSING: "queued",
  PROCESSED: "complete",
  FAILED: "error",
};

const reasonConcept = (reason: ClaimReason): CodeableConcept => ({
  coding: [{ system: REASON_CODE_SYSTEM, code: reason.code, display: reason.message }],
  text: reason.message,
});

const category = (code: "submitted" | "eligible" | "benefit"): CodeableConcept => ({
  coding: [{ system: ADJUDICATION_SYSTEM, code }],
});

const inWords = (reason: ClaimReason) =>
  reason.item_sequence === undefined ? reason.message : `Item ${reason.item_sequence}: ${reason.message}`;

/** Adjudication says what a line got; this says whether it was eligible at all (before the benefit). */
const eligibleCents = (line: ClaimLine) =>
  line.reasons.some((r) => !BENEFIT_REASONS.has(r.code)) ? 0 : line.claim_amount_cents;

function disposition(claim: RecordedFhirClaim, submittedCents: number, currency: string | null): string {
  const amount = (cents: number) => `${formatCents(cents)}${currency ? ` ${currency}` : ""}`;
  const why = claim.reasons.map(inWords).join("; ");
  if (claim.status === "APPROVED")
    return `Approved in full: ${amount(claim.approvedAmountCents)} for ${claim.lines.length} item${claim.lines.length === 1 ? "" : "s"}.`;
  if (claim.status === "PARTIAL")
    return `Partially approved: ${amount(claim.approvedAmountCents)} of ${amount(submittedCents)}. ${why}.`;
  return `Rejected: ${why || "nothing was payable"}.`;
}

/**
 * The FHIR R4 ClaimResponse for an adjudicated claim: per item the submitted, eligible and benefit
 * amounts with the reason that reduced them, the totals, the payment when something is paid, and
 * as errors what stopped the claim or an item from being adjudicated, in the same reason codes
 * the JSON channel returns.
 */
export function buildClaimResponse(resource: FhirClaim, claim: RecordedFhirClaim, currency: string | null) {
  const money = (cents: number) => ({ value: moneyJson(cents), ...(currency ? { currency } : {}) });
  const lines = [...claim.lines].sort((a, b) => a.sequence - b.sequence);
  const oneLine = lines.length === 1;
  const notes = claim.reasons.map((reason, i) => ({
    number: i + 1,
    type: "display" as const,
    text: inWords(reason),
    item: reason.item_sequence,
  }));
  const submitted = lines.reduce((sum, line) => sum + line.claim_amount_cents, 0);
  const eligible = lines.reduce((sum, line) => sum + eligibleCents(line), 0);

  const items = lines.map((line) => {
    const denial = line.reasons.find((r) => !BENEFIT_REASONS.has(r.code));
    const reduction = line.reasons.find((r) => BENEFIT_REASONS.has(r.code));
    const lineEligible = eligibleCents(line);
    const noteNumbers = notes.filter((note) => oneLine || note.item === line.sequence).map((note) => note.number);
    return {
      itemSequence: line.sequence,
      ...(noteNumbers.length > 0 ? { noteNumber: noteNumbers } : {}),
      adjudication: [
        { category: category("submitted"), amount: money(line.claim_amount_cents) },
        {
          category: category("eligible"),
          ...(denial ? { reason: reasonConcept(denial) } : {}),
          amount: money(lineEligible),
        },
        {
          category: category("benefit"),
          ...(reduction && line.approved_amount_cents < lineEligible ? { reason: reasonConcept(reduction) } : {}),
          amount: money(line.approved_amount_cents),
        },
      ],
    };
  });

  const errors: { itemSequence?: number; code: CodeableConcept }[] = [
    ...claim.reasons.filter((r) => CLAIM_ERRORS.has(r.code)).map((r) => ({ code: reasonConcept(r) })),
    ...lines.flatMap((line) =>
      line.reasons
        .filter((r) => LINE_ERRORS.has(r.code))
        .map((r) => ({ itemSequence: line.sequence, code: reasonConcept(r) })),
    ),
  ];
  const insurer: Reference = resource.insurer ?? { display: "ClaimsEdge" };

  return {
    resourceType: "ClaimResponse" as const,
    id: claim.id,
    meta: { lastUpdated: claim.processedAt },
    status: "active" as const,
    type: resource.type,
    use: "claim" as const,
    patient: patientReference(resource, claim.memberId),
    created: claim.processedAt,
    insurer,
    requestor: providerReference(resource, claim.providerId),
    request: { reference: `Claim/${claim.id}` },
    outcome: CLAIM_OUTCOME[claim.status],
    disposition: disposition(claim, submitted, currency),
    item: items,
    ...(errors.length > 0 ? { error: errors } : {}),
    total: [
      { category: category("submitted"), amount: money(submitted) },
      { category: category("eligible"), amount: money(eligible) },
      { category: category("benefit"), amount: money(claim.approvedAmountCents) },
    ],
    ...(claim.approvedAmountCents > 0
      ? {
          payment: {
            type: { coding: [{ system: PAYMENT_TYPE_SYSTEM, code: "complete" }] },
            amount: money(claim.approvedAmountCents),
          },
        }
      : {}),
    ...(notes.length > 0 ? { processNote: notes.map(({ number, type, text }) => ({ number, type, text })) } : {}),
  };
}

export type ClaimResponse = ReturnType<typeof buildClaimResponse>;
