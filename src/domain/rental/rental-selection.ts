import { parseCalendarDate, startOfDay } from "../settlement/calendar";
import {
  accepted,
  amountProblem,
  type Checked,
  daysProblem,
  type InputProblem,
  isObject,
  notAnObject,
  present,
  refused,
} from "../settlement/input-problem";
import type { Place } from "./place";
import { type Proximity, proximityOf } from "./proximity";
import { isAvailableFor } from "./rental-availability";
import { placeProblems, type RentalVendor, rentalVendorProblems } from "./rental-vendor";

/** The policy's rental reimbursement: what it pays a day and for how many days at most. */
export interface RentalCoverage {
  dailyCapCents: number;
  maxDays: number;
}

export interface RentalRequest {
  customerLocation: Place;
  coverage: RentalCoverage;
  /** Days the car is without its owner: the settlement's rental days. */
  rentalDaysNeeded: number;
  /** First rental day (ISO date): the day the car goes to the shop. */
  startDate: string;
  vendors: readonly RentalVendor[];
}

export type NoRentalReason =
  | "NO_RENTAL_COVERAGE"
  | "NO_RENTAL_NEEDED"
  | "NO_VENDOR_AVAILABLE"
  | "NO_VENDOR_NEARBY"
  | "ALL_ABOVE_DAILY_CAP";

export interface VendorOffer {
  vendor: RentalVendor;
  proximity: Proximity;
}

interface SelectionCounts {
  /** Valid vendor records looked at. */
  vendorsContacted: number;
  /** Ids of vendor records skipped because they are malformed. */
  vendorsIgnored: string[];
}

export type RentalDecision =
  | (SelectionCounts & {
      booked: true;
      offer: VendorOffer;
      days: number;
      dailyRateCents: number;
      totalCents: number;
      /** Days the customer still needs beyond the policy's maximum. */
      daysBeyondCoverage: number;
    })
  | (SelectionCounts & {
      booked: false;
      reason: NoRentalReason;
      /** For ALL_ABOVE_DAILY_CAP: the cheapest nearby vendor, to say what the gap is. */
      cheapestAboveCap?: VendorOffer;
      dailyCapCents: number;
    });

const TIER_ORDER = { local: 0, regional: 1, distant: 2 } as const;

/**
 * The vendor to book: among vendors with a car for the whole rental, local before regional (distant
 * never), then the cheapest within the policy's daily cap, then the nearest, then the id, so the same
 * table always gives the same vendor whatever its order.
 */
export function selectRentalVendor(request: RentalRequest): Checked<RentalDecision> {
  if (!isObject(request)) return refused([notAnObject("rental")]);
  const problems = requestProblems(request);
  if (problems.length > 0) return refused(problems);
  const { coverage, rentalDaysNeeded } = request;
  const startDay = startOfDay(parseCalendarDate(request.startDate)!);
  const days = Math.min(rentalDaysNeeded, coverage.maxDays);

  const vendorsIgnored: string[] = [];
  const valid = request.vendors.filter((vendor) => {
    const ok = rentalVendorProblems(vendor).length === 0;
    if (!ok) vendorsIgnored.push(typeof vendor?.id === "string" ? vendor.id : "(no id)");
    return ok;
  });
  const counts: SelectionCounts = { vendorsContacted: valid.length, vendorsIgnored };
  const none = (reason: NoRentalReason, cheapestAboveCap?: VendorOffer): Checked<RentalDecision> =>
    accepted({
      booked: false,
      reason,
      dailyCapCents: coverage.dailyCapCents,
      ...counts,
      ...(cheapestAboveCap ? { cheapestAboveCap } : {}),
    });

  if (coverage.maxDays === 0 || coverage.dailyCapCents === 0) return none("NO_RENTAL_COVERAGE");
  if (rentalDaysNeeded === 0) return none("NO_RENTAL_NEEDED");
  const available = valid.filter((vendor) => isAvailableFor(vendor, startDay, days));
  if (available.length === 0) return none("NO_VENDOR_AVAILABLE");
  const nearby = available
    .map((vendor) => ({ vendor, proximity: proximityOf(request.customerLocation, vendor.location) }))
    .filter((offer) => offer.proximity.tier !== "distant")
    .sort(compareOffers);
  if (nearby.length === 0) return none("NO_VENDOR_NEARBY");
  // Sorted nearest tier first, so a regional vendor is booked only when no local one is within the cap.
  const withinCap = nearby.find((offer) => offer.vendor.dailyRateCents <= coverage.dailyCapCents);
  if (!withinCap) return none("ALL_ABOVE_DAILY_CAP", nearby[0]);
  return accepted({
    booked: true,
    offer: withinCap,
    days,
    dailyRateCents: withinCap.vendor.dailyRateCents,
    totalCents: withinCap.vendor.dailyRateCents * days,
    daysBeyondCoverage: rentalDaysNeeded - days,
    ...counts,
  });
}

/** Nearer tier, then cheaper, then fewer miles, then the closer address match, then the id. */
function compareOffers(a: VendorOffer, b: VendorOffer): number {
  return (
    TIER_ORDER[a.proximity.tier] - TIER_ORDER[b.proximity.tier] ||
    a.vendor.dailyRateCents - b.vendor.dailyRateCents ||
    (a.proximity.distanceMiles ?? Infinity) - (b.proximity.distanceMiles ?? Infinity) ||
    a.proximity.addressRank - b.proximity.addressRank ||
    (a.vendor.id < b.vendor.id ? -1 : a.vendor.id > b.vendor.id ? 1 : 0)
  );
}

function requestProblems(request: RentalRequest): InputProblem[] {
  return [
    ...placeProblems(request.customerLocation, "customerLocation"),
    ...present([
      amountProblem("coverage.dailyCapCents", request.coverage?.dailyCapCents),
      daysProblem("coverage.maxDays", request.coverage?.maxDays),
      daysProblem("rentalDaysNeeded", request.rentalDaysNeeded),
      parseCalendarDate(request.startDate) === undefined
        ? { path: "startDate", code: "INVALID_DATE", message: "startDate must be an ISO date" }
        : undefined,
      Array.isArray(request.vendors)
        ? undefined
        : { path: "vendors", code: "REQUIRED", message: "vendors must be a list" },
    ]),
  ];
}
