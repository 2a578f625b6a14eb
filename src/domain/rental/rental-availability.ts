import { DAY_MS, parseCalendarDate } from "../settlement/calendar";
import type { RentalVendor } from "./rental-vendor";

/** A vendor can take the booking when it has a car and its booking period covers every rental day. */
export function isAvailableFor(vendor: RentalVendor, startTime: number, days: number): boolean {
  if (vendor.availableUnits < 1) return false;
  const from = vendor.availableFrom == null ? undefined : parseCalendarDate(vendor.availableFrom);
  const until = vendor.availableUntil == null ? undefined : parseCalendarDate(vendor.availableUntil);
  const lastDay = startTime + Math.max(0, days - 1) * DAY_MS;
  return (from === undefined || from <= startTime) && (until === undefined || until >= lastDay);
}
