import { centsToDollars } from "../settlement/usd";
import type { NoRentalReason, RentalDecision } from "./rental-selection";
import { type VendorMessageContext, vendorMessage } from "./vendor-message";

/** The detail of a Vendor.Finalized event: the booked vendor, or why none was booked. */
export interface VendorFinalizedDetail {
  customerId: string;
  claimId: string;
  finalized: boolean;
  vendor: string | null;
  vendorId: string | null;
  daily_rate: number | null;
  days: number;
  total_cost: number | null;
  currency: "USD";
  reason: NoRentalReason | null;
  vendorMessage: string;
}

export function vendorFinalizedDetail(
  decision: RentalDecision,
  context: VendorMessageContext & { customerId: string },
): VendorFinalizedDetail {
  const message = vendorMessage(decision, context);
  const base = {
    customerId: context.customerId,
    claimId: context.claimId,
    currency: "USD" as const,
    vendorMessage: message,
  };
  if (!decision.booked) {
    return {
      ...base,
      finalized: false,
      vendor: null,
      vendorId: null,
      daily_rate: null,
      days: 0,
      total_cost: null,
      reason: decision.reason,
    };
  }
  return {
    ...base,
    finalized: true,
    vendor: decision.offer.vendor.name,
    vendorId: decision.offer.vendor.id,
    daily_rate: centsToDollars(decision.dailyRateCents),
    days: decision.days,
    total_cost: centsToDollars(decision.totalCents),
    reason: null,
  };
}
