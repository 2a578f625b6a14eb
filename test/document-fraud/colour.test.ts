import { describe, expect, it } from "vitest";
import { checkCarColour } from "../../src/domain/document-fraud/colour-check";
import { MODEL_COLOURS, type ModelColour, readPolicyColour } from "../../src/domain/document-fraud/colour-names";

describe("readPolicyColour: what customers type, as the model's classes", () => {
  it.each([
    ["Green", ["green"]],
    ["grey", ["silver", "white"]],
    ["Gray", ["silver", "white"]],
    ["Silver", ["silver", "white"]],
    ["White", ["white", "silver"]],
    ["Charcoal", ["silver", "black"]],
    ["Navy", ["blue", "black"]],
    ["Dark Blue Metallic", ["blue", "black"]],
    ["Light Blue", ["blue", "white", "silver"]],
    ["Maroon", ["red", "brown"]],
    ["Red", ["red", "pink"]],
    ["Pink", ["pink", "red"]],
    ["Gold", ["yellow", "brown"]],
    ["Beige", ["brown", "white", "silver", "yellow"]],
    ["Tan", ["brown", "white", "silver", "yellow"]],
    ["Orange", ["red", "yellow", "brown"]],
    ["Purple", ["blue", "pink", "red", "black"]],
    ["Pearl White", ["white", "silver"]],
    ["Pearl", ["white", "silver"]],
    ["two-tone black and white", ["black", "white", "silver"]],
    ["BLACK", ["black"]],
    ["Vert émeraude? no: Emerald", ["green"]],
  ])("%s → %o", (typed, classes) => {
    expect(readPolicyColour(typed)?.accepted.sort()).toEqual([...classes].sort());
  });

  it.each(["Rainbow", "Custom wrap", "", "42"])("%s names no colour: not compared", (typed) => {
    expect(readPolicyColour(typed)).toBeUndefined();
  });

  it("maps only to the model's classes", () => {
    for (const typed of ["grey", "navy", "orange", "purple", "beige", "gold", "teal"]) {
      for (const colour of readPolicyColour(typed)!.accepted) expect(MODEL_COLOURS).toContain(colour);
    }
  });
});

const probabilities = (weights: Partial<Record<ModelColour, number>>): Record<ModelColour, number> => {
  const rest = 1 - Object.values(weights).reduce((a, b) => a + b, 0);
  const others = MODEL_COLOURS.filter((c) => !(c in weights));
  return Object.fromEntries(MODEL_COLOURS.map((c) => [c, weights[c] ?? rest / others.length])) as Record<
    ModelColour,
    number
  >;
};

describe("checkCarColour: a mismatch needs a confident model and a colour the policy's cannot look like", () => {
  it.each([
    ["Green", { green: 0.95 }, false, "green"],
    ["Green", { red: 0.95 }, true, "red"],
    ["Grey", { silver: 0.9 }, false, "silver"],
    ["Grey", { white: 0.9 }, false, "white"],
    ["White", { silver: 0.92 }, false, "silver"],
    ["Red", { pink: 0.9 }, false, "pink"],
    ["Navy", { black: 0.93 }, false, "black"],
    ["Blue", { black: 0.93 }, true, "black"],
    ["Green", { red: 0.65, green: 0.05 }, false, "red"],
    ["Green", { red: 0.8, green: 0.12 }, false, "red"],
    ["Green", { red: 0.8, green: 0.09 }, true, "red"],
    ["Orange", { red: 0.9 }, false, "red"],
    ["Orange", { blue: 0.9 }, true, "blue"],
    ["Beige", { brown: 0.5, white: 0.4 }, false, "brown"],
    ["Black", { white: 0.97 }, true, "white"],
  ] as const)("policy %s, photo %o → mismatch %s", (policyColour, weights, mismatch, predicted) => {
    const result = checkCarColour({ policyColour, probabilities: probabilities(weights) });
    expect(result).toMatchObject({ compared: true, mismatch, predicted });
  });

  it("compares nothing when the policy's colour names none the model knows", () => {
    expect(checkCarColour({ policyColour: "Rainbow", probabilities: probabilities({ red: 0.99 }) })).toEqual({
      compared: false,
      mismatch: false,
      note: 'colour "Rainbow" names no colour the model knows',
    });
  });
});
