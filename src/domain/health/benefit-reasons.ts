import { formatCents } from "../money";
import type { Reason } from "./adjudicate";

// The reasons about a member's benefit, written once: adjudication gives them from the facts it
// read, and the benefit ledger's atomic deduction gives them from the row it changed.

export const memberInactive = (memberId: string, status: string): Reason => ({
  code: "MEMBER_INACTIVE",
  message: `Member ${memberId} is ${status}`,
});

export const benefitExhausted = (memberId: string): Reason => ({
  code: "BENEFIT_EXHAUSTED",
  message: `Member ${memberId} has no remaining benefit`,
});

/** `approved` is preformatted money ("4500.00"), or a placeholder the database fills in. */
export const benefitCapApplied = (approved: string, requestedCents: number): Reason => ({
  code: "BENEFIT_CAP_APPLIED",
  message: `Approved ${approved} of ${formatCents(requestedCents)}: capped at the remaining benefit`,
});
