import { describe, expect, it } from "vitest";
import { CAR_COLOURS, carColourClass } from "../../src/domain/photo/car-colour";

describe("carColourClass: a policy's colour name → the colour model's class", () => {
  it.each(CAR_COLOURS.map((c) => [c, c]))("%s is a class of its own", (name, expected) => {
    expect(carColourClass(name)).toBe(expected);
  });

  it.each([
    ["Grey", "silver"], // the training photos have no grey class: grey cars are labelled silver
    ["gray", "silver"],
    [" Dark-Grey ", "silver"],
    ["metallic_silver", "silver"],
    ["Charcoal", "silver"],
    ["NAVY", "blue"],
    ["Maroon", "red"],
    ["burgundy", "red"],
    ["pearl white", "white"],
    ["dark green", "green"],
  ])("%s → %s", (name, expected) => {
    expect(carColourClass(name)).toBe(expected);
  });

  it.each(["orange", "purple", "gold", "beige", "two-tone", "", "   "])(
    "%s has no class: nothing to compare",
    (name) => {
      expect(carColourClass(name)).toBeUndefined();
    },
  );
});
