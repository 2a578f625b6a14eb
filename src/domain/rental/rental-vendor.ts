import { parseCalendarDate } from "../settlement/calendar";
import {
  amountProblem,
  type InputProblem,
  isObject,
  notAnObject,
  present,
  textProblem,
} from "../settlement/input-problem";
import { coordinates, type Place, stateCode, zip5 } from "./place";

/** A car rental vendor's branch the insurer books with (the vendor table an admin maintains). */
export interface RentalVendor {
  id: string;
  name: string;
  location: Place;
  dailyRateCents: number;
  /** Cars the branch can hand out now. */
  availableUnits: number;
  /** First and last day (ISO dates, inclusive) the branch takes bookings; absent means no limit. */
  availableFrom?: string | null;
  availableUntil?: string | null;
}

export const MAX_DAILY_RATE_CENTS = 1_000_000;
export const MAX_AVAILABLE_UNITS = 100_000;
const MAX_TEXT = 200;

/** What is wrong with a vendor record; the admin route refuses it, the selection skips it. */
export function rentalVendorProblems(vendor: RentalVendor, path = "vendor"): InputProblem[] {
  if (!isObject(vendor)) return [notAnObject(path)];
  const problems = present([
    textProblem(`${path}.id`, vendor.id, MAX_TEXT),
    textProblem(`${path}.name`, vendor.name, MAX_TEXT),
    amountProblem(`${path}.dailyRateCents`, vendor.dailyRateCents),
  ]);
  if (typeof vendor.dailyRateCents === "number" && vendor.dailyRateCents > MAX_DAILY_RATE_CENTS) {
    problems.push({
      path: `${path}.dailyRateCents`,
      code: "AMOUNT_TOO_LARGE",
      message: `${path}.dailyRateCents must not exceed ${MAX_DAILY_RATE_CENTS}`,
    });
  }
  if (
    !Number.isInteger(vendor.availableUnits) ||
    vendor.availableUnits < 0 ||
    vendor.availableUnits > MAX_AVAILABLE_UNITS
  ) {
    problems.push({
      path: `${path}.availableUnits`,
      code: "INVALID_UNITS",
      message: `${path}.availableUnits must be a whole number from 0 to ${MAX_AVAILABLE_UNITS}`,
    });
  }
  problems.push(...placeProblems(vendor.location, `${path}.location`));
  const from = vendor.availableFrom == null ? undefined : parseCalendarDate(vendor.availableFrom);
  const until = vendor.availableUntil == null ? undefined : parseCalendarDate(vendor.availableUntil);
  if (vendor.availableFrom != null && from === undefined)
    problems.push({
      path: `${path}.availableFrom`,
      code: "INVALID_DATE",
      message: `${path}.availableFrom must be an ISO date`,
    });
  if (vendor.availableUntil != null && until === undefined)
    problems.push({
      path: `${path}.availableUntil`,
      code: "INVALID_DATE",
      message: `${path}.availableUntil must be an ISO date`,
    });
  if (from !== undefined && until !== undefined && from > until) {
    problems.push({
      path: `${path}.availableUntil`,
      code: "INVALID_PERIOD",
      message: `${path}.availableUntil must not be before availableFrom`,
    });
  }
  return problems;
}

/** A place must be findable: coordinates, a US state or a ZIP code; given coordinates must be real. */
export function placeProblems(place: Place | null | undefined, path: string): InputProblem[] {
  if (typeof place !== "object" || place === null) return [{ path, code: "REQUIRED", message: `${path} is required` }];
  const problems: InputProblem[] = [];
  const hasLatitude = place.latitude !== undefined && place.latitude !== null;
  const hasLongitude = place.longitude !== undefined && place.longitude !== null;
  if ((hasLatitude || hasLongitude) && !coordinates(place)) {
    problems.push({
      path,
      code: "INVALID_COORDINATES",
      message: `${path} needs both latitude (-90…90) and longitude (-180…180), or neither`,
    });
  }
  if (place.state != null && place.state !== "" && stateCode(place.state) === undefined) {
    problems.push({
      path: `${path}.state`,
      code: "UNKNOWN_STATE",
      message: `${path}.state must be a US state or territory`,
    });
  }
  if (place.zip != null && place.zip !== "" && zip5(place.zip) === undefined) {
    problems.push({
      path: `${path}.zip`,
      code: "INVALID_ZIP",
      message: `${path}.zip must be a US ZIP code such as 94107 or 94107-1234`,
    });
  }
  if (
    problems.length === 0 &&
    !coordinates(place) &&
    stateCode(place.state) === undefined &&
    zip5(place.zip) === undefined
  ) {
    problems.push({ path, code: "LOCATION_UNKNOWN", message: `${path} needs coordinates, a state or a ZIP code` });
  }
  return problems;
}
