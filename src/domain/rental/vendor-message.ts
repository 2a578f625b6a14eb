import { formatUsd } from "../settlement/usd";
import type { RentalDecision } from "./rental-selection";

export interface VendorMessageContext {
  claimId: string;
  /** A totalled car is not repaired: the rental lasts until the claim is settled. */
  totalLoss: boolean;
}

/** The customer's rental message: the established wording when a vendor is booked, the reason when none is. */
export function vendorMessage(decision: RentalDecision, context: VendorMessageContext): string {
  const { claimId } = context;
  const contacted =
    decision.vendorsContacted === 1
      ? `One car rental vendor was contacted for claim with id ${claimId}.`
      : `Multiple car rental vendors were contacted for claim with id ${claimId}.`;
  if (decision.booked) {
    const until = context.totalLoss ? "until your total-loss claim is settled" : "until your car is repaired";
    const finalized = `${contacted} ${decision.offer.vendor.name} has been finalized for you to temporarily use ${until}.`;
    if (decision.daysBeyondCoverage === 0) return finalized;
    return `${finalized} Your policy covers ${decision.days} of the ${decision.days + decision.daysBeyondCoverage} days you need the car.`;
  }
  switch (decision.reason) {
    case "NO_RENTAL_COVERAGE":
      return `Your policy does not include rental car coverage, so no rental car was booked for claim with id ${claimId}.`;
    case "NO_RENTAL_NEEDED":
      return `No rental car is needed for claim with id ${claimId}.`;
    case "NO_VENDOR_AVAILABLE":
      return `Car rental vendors were contacted for claim with id ${claimId}, but none has a car available for your dates, so no rental car has been finalized yet.`;
    case "NO_VENDOR_NEARBY":
      return `Car rental vendors were contacted for claim with id ${claimId}, but none with a car available is near you, so no rental car has been finalized yet.`;
    case "ALL_ABOVE_DAILY_CAP": {
      const cheapest = decision.cheapestAboveCap;
      const lowest = cheapest
        ? ` (the lowest is ${formatUsd(cheapest.vendor.dailyRateCents)} a day at ${cheapest.vendor.name})`
        : "";
      return `Car rental vendors were contacted for claim with id ${claimId}, but every vendor near you charges more than your coverage of ${formatUsd(decision.dailyCapCents)} a day${lowest}, so no rental car has been finalized.`;
    }
  }
}
