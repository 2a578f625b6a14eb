import { milesBetween } from "./distance";
import { cityKey, coordinates, type Place, stateCode, zip5 } from "./place";

/** How near a vendor is: local vendors are preferred, regional ones accepted, distant ones never offered. */
export type ProximityTier = "local" | "regional" | "distant";

/** Within this many miles a vendor is local (a short ride to pick the car up). */
export const LOCAL_RADIUS_MILES = 25;
/** Within this many miles a vendor is regional (across a metro area or a state line). */
export const REGIONAL_RADIUS_MILES = 100;

export interface Proximity {
  tier: ProximityTier;
  /** Miles between the two when both have coordinates. */
  distanceMiles: number | null;
  /** Without coordinates, how the places matched: 0 same ZIP, 1 same city, 2 same ZIP area, 3 same state, 4 none. */
  addressRank: number;
}

/** Coordinates decide when both places have them; otherwise ZIP, city and state do. */
export function proximityOf(customer: Place, vendor: Place): Proximity {
  const from = coordinates(customer);
  const to = coordinates(vendor);
  const addressRank = addressMatchRank(customer, vendor);
  if (from && to) {
    const miles = milesBetween(from, to);
    const tier = miles <= LOCAL_RADIUS_MILES ? "local" : miles <= REGIONAL_RADIUS_MILES ? "regional" : "distant";
    return { tier, distanceMiles: Math.round(miles * 10) / 10, addressRank };
  }
  return {
    tier: addressRank <= 2 ? "local" : addressRank === 3 ? "regional" : "distant",
    distanceMiles: null,
    addressRank,
  };
}

function addressMatchRank(customer: Place, vendor: Place): number {
  const [customerZip, vendorZip] = [zip5(customer.zip), zip5(vendor.zip)];
  const [customerState, vendorState] = [stateCode(customer.state), stateCode(vendor.state)];
  const sameState = customerState !== undefined && customerState === vendorState;
  const customerCity = cityKey(customer.city);
  if (customerZip && customerZip === vendorZip) return 0;
  if (sameState && customerCity !== undefined && customerCity === cityKey(vendor.city)) return 1;
  // The first three digits of a ZIP code name one sectional mail centre: one town and its surroundings.
  if (customerZip && vendorZip && customerZip.slice(0, 3) === vendorZip.slice(0, 3)) return 2;
  if (sameState) return 3;
  return 4;
}
