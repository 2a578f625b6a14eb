import type { MakeTier } from "./vehicle-make";
import type { VehicleSegment } from "./vehicle-segment";

/**
 * What a new mainstream-make vehicle of each body style costs today, in cents: rounded from US
 * average transaction prices by segment (Kelley Blue Book / Cox Automotive, 2025). An assumption an
 * insurer replaces with its own price guide; README.md gives the sources.
 */
export const NEW_PRICE_CENTS_BY_SEGMENT: Readonly<Record<VehicleSegment, number>> = {
  hatchback: 2_600_000,
  sedan: 3_000_000,
  wagon: 3_400_000,
  coupe: 4_000_000,
  suv: 4_200_000,
  convertible: 4_500_000,
  minivan: 4_600_000,
  van: 5_200_000,
  pickup: 6_000_000,
};

/** New price of a make's tier relative to a mainstream make of the same body style. */
export const TIER_PRICE_FACTOR: Readonly<Record<MakeTier, number>> = {
  economy: 0.85,
  mainstream: 1,
  premium: 1.6,
  luxury: 3,
};

/** The replacement price of a new vehicle of this body style and make tier, in cents. */
export const newVehiclePriceCents = (segment: VehicleSegment, tier: MakeTier): number =>
  Math.round(NEW_PRICE_CENTS_BY_SEGMENT[segment] * TIER_PRICE_FACTOR[tier]);
