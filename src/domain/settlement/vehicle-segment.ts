import { normalizeLabel } from "./label";

/** Body styles the price table knows; every free-text vehicle type is read as one of them. */
export const VEHICLE_SEGMENTS = [
  "sedan",
  "hatchback",
  "coupe",
  "convertible",
  "wagon",
  "suv",
  "minivan",
  "van",
  "pickup",
] as const;
export type VehicleSegment = (typeof VEHICLE_SEGMENTS)[number];

/** An unrecognised type is valued as a sedan: the commonest passenger-car body and mid-table in price. */
export const DEFAULT_VEHICLE_SEGMENT: VehicleSegment = "sedan";

// First match wins, so the specific phrases come before the words they contain ("sport utility" before
// "sport", "minivan" before "van", "utility van" before "utility").
const SEGMENT_PHRASES: readonly (readonly [string, VehicleSegment])[] = [
  ["sport utility", "suv"],
  ["sports utility", "suv"],
  ["suv", "suv"],
  ["crossover", "suv"],
  ["cuv", "suv"],
  ["4x4", "suv"],
  ["off road", "suv"],
  ["minivan", "minivan"],
  ["mini van", "minivan"],
  ["mpv", "minivan"],
  ["multi purpose", "minivan"],
  ["people carrier", "minivan"],
  ["people mover", "minivan"],
  ["pickup", "pickup"],
  ["pick up", "pickup"],
  ["truck", "pickup"],
  ["ute", "pickup"],
  ["crew cab", "pickup"],
  ["double cab", "pickup"],
  ["extended cab", "pickup"],
  ["regular cab", "pickup"],
  ["super cab", "pickup"],
  ["supercab", "pickup"],
  ["supercrew", "pickup"],
  ["king cab", "pickup"],
  ["quad cab", "pickup"],
  ["utility van", "van"],
  ["cargo van", "van"],
  ["panel van", "van"],
  ["passenger van", "van"],
  ["camper", "van"],
  ["van", "van"],
  ["utility", "suv"],
  ["convertible", "convertible"],
  ["cabriolet", "convertible"],
  ["cabrio", "convertible"],
  ["roadster", "convertible"],
  ["spyder", "convertible"],
  ["spider", "convertible"],
  ["targa", "convertible"],
  ["soft top", "convertible"],
  ["drop top", "convertible"],
  ["station wagon", "wagon"],
  ["wagon", "wagon"],
  ["estate", "wagon"],
  ["shooting brake", "wagon"],
  ["hatchback", "hatchback"],
  ["hatch", "hatchback"],
  ["liftback", "hatchback"],
  ["3 door", "hatchback"],
  ["three door", "hatchback"],
  ["coupe", "coupe"],
  ["sports car", "coupe"],
  ["sport", "coupe"],
  ["sports", "coupe"],
  ["fastback", "coupe"],
  ["2 door", "coupe"],
  ["two door", "coupe"],
  ["sedan", "sedan"],
  ["saloon", "sedan"],
  ["notchback", "sedan"],
  ["4 door", "sedan"],
  ["four door", "sedan"],
  ["passenger car", "sedan"],
];

export interface VehicleSegmentReading {
  segment: VehicleSegment;
  /** False when nothing in the text named a body style and the default was used. */
  recognized: boolean;
}

/** The body style named in a free-text vehicle type ("Sport Utility", "pick-up truck", "Coupé"). */
export function readVehicleSegment(vehicleType: string): VehicleSegmentReading {
  const text = ` ${normalizeLabel(vehicleType)} `;
  for (const [phrase, segment] of SEGMENT_PHRASES) {
    if (text.includes(` ${phrase} `)) return { segment, recognized: true };
  }
  return { segment: DEFAULT_VEHICLE_SEGMENT, recognized: false };
}
