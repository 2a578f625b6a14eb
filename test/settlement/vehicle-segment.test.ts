import { describe, expect, it } from "vitest";
import {
  DEFAULT_VEHICLE_SEGMENT,
  readVehicleSegment,
  type VehicleSegment,
} from "../../src/domain/settlement/vehicle-segment";

describe("readVehicleSegment", () => {
  it.each<[string, VehicleSegment]>([
    ["Sedan", "sedan"],
    ["4-door sedan", "sedan"],
    ["Saloon", "sedan"],
    ["SUV", "suv"],
    ["suv", "suv"],
    ["Sport Utility", "suv"],
    ["Sport Utility Vehicle", "suv"],
    ["Compact SUV/Crossover", "suv"],
    ["Utility", "suv"],
    ["Truck", "pickup"],
    ["Pickup", "pickup"],
    ["pick-up truck", "pickup"],
    ["Crew Cab", "pickup"],
    ["Coupe", "coupe"],
    ["Coupé", "coupe"],
    ["Sport", "coupe"],
    ["2 door", "coupe"],
    ["Van", "van"],
    ["Cargo Van", "van"],
    ["Utility Van", "van"],
    ["Minivan", "minivan"],
    ["Mini-van", "minivan"],
    ["MPV", "minivan"],
    ["Hatchback", "hatchback"],
    ["5-door hatch", "hatchback"],
    ["Convertible", "convertible"],
    ["Cabriolet", "convertible"],
    ["Roadster", "convertible"],
    ["Wagon", "wagon"],
    ["Station Wagon", "wagon"],
    ["Sport Wagon", "wagon"],
    ["Estate", "wagon"],
    ["  CONVERTIBLE  ", "convertible"],
  ])("%s → %s", (text, segment) => {
    expect(readVehicleSegment(text)).toEqual({ segment, recognized: true });
  });

  it.each(["", "Limo-bus 3000", "motorcycle", "vanity plate", "Computer"])(
    "falls back to the default for %j",
    (text) => {
      expect(readVehicleSegment(text)).toEqual({ segment: DEFAULT_VEHICLE_SEGMENT, recognized: false });
    },
  );
});
