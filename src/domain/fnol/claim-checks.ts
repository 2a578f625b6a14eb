// The checks a first notice of loss must pass before the damage photo is asked for.
import { isCovered } from "../customers/auto-policy";

export const CLAIM_REJECTION_REASONS = [
  "POLICY_NOT_FOUND",
  "POLICY_INACTIVE",
  "OCCURRENCE_IN_FUTURE",
  "LICENCE_MISMATCH",
  "NO_USABLE_PHOTO",
  "ABANDONED",
  "PROCESSING_FAILED",
] as const;
export type ClaimRejectionReason = (typeof CLAIM_REJECTION_REASONS)[number];

/** The source system's wording where it had one; ours in the same voice where it did not. */
export const CLAIM_MESSAGES = {
  accepted: "Claim Information has been accepted",
  POLICY_NOT_FOUND: "Policy information does not match: the policy is not one of yours",
  POLICY_INACTIVE: "The policy was not active at the time of the incident",
  OCCURRENCE_IN_FUTURE: "The incident cannot have occurred after the claim was filed",
  LICENCE_MISMATCH: "Personal information (Driver's License) does not match",
  NO_USABLE_PHOTO: "The claim was closed: none of the damage photos could be assessed",
  ABANDONED: "The claim was closed because no damage photo was received in time",
  PROCESSING_FAILED:
    "We could not process the claim automatically; it was closed and an adjuster will contact you about it",
} as const satisfies Record<"accepted" | ClaimRejectionReason, string>;

export interface ClaimCheckInput {
  /** The customer filing (the caller) and the customer named in the body. */
  customerId: string;
  /** The policy named in the claim, when it exists. */
  policy: { customerId: string; status: string; startsAt: string; endsAt: string } | undefined;
  occurrenceAt: string;
  /** When the claim reached us (the server's clock, not the app's). */
  filedAt: string;
  /** The licence number given on the claim. */
  driversLicenseNumber: string;
  /** DOCUMENT_NUMBER read from the customer's current licence, when one was processed. */
  processedLicenceNumber: string | undefined;
}

export type ClaimCheck = { accepted: true } | { accepted: false; reason: ClaimRejectionReason; message: string };

const reject = (reason: Exclude<ClaimRejectionReason, "ABANDONED" | "NO_USABLE_PHOTO">): ClaimCheck => ({
  accepted: false,
  reason,
  message: CLAIM_MESSAGES[reason],
});

/** Licence numbers compared as printed: case, spaces, hyphens and dots do not count. */
export const normaliseLicenceNumber = (value: string): string => value.toUpperCase().replace(/[\s.-]/g, "");

/**
 * The policy is the customer's and active at the occurrence (start < occurrence < end), the
 * occurrence is not after the filing, and the licence number is the one read from the customer's
 * processed licence. The first failing check decides, in that order.
 */
export function checkClaim(input: ClaimCheckInput): ClaimCheck {
  const { policy } = input;
  if (!policy || policy.customerId !== input.customerId) return reject("POLICY_NOT_FOUND");
  const occurrence = Date.parse(input.occurrenceAt);
  if (!(occurrence <= Date.parse(input.filedAt))) return reject("OCCURRENCE_IN_FUTURE");
  if (policy.status !== "ACTIVE" || !isCovered(policy, input.occurrenceAt)) return reject("POLICY_INACTIVE");
  const given = normaliseLicenceNumber(input.driversLicenseNumber);
  const read = normaliseLicenceNumber(input.processedLicenceNumber ?? "");
  if (read === "" || given !== read) return reject("LICENCE_MISMATCH");
  return { accepted: true };
}
