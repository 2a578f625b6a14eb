import { describe, expect, it } from "vitest";
import type { ModelColour } from "../../src/domain/document-fraud/colour-names";
import {
  CLAIM_COLOUR_MISMATCH_REASON,
  judgeDamagePhoto,
  NO_DAMAGE_REASON,
} from "../../src/domain/fnol/damage-photo-verdict";

const COLOURS: ModelColour[] = ["black", "blue", "brown", "green", "pink", "red", "silver", "white", "yellow"];

/** Probabilities with `top` at `p` and the rest spread evenly. */
function probabilities(top: ModelColour, p: number): Record<ModelColour, number> {
  const rest = (1 - p) / (COLOURS.length - 1);
  return Object.fromEntries(COLOURS.map((c) => [c, c === top ? p : rest])) as Record<ModelColour, number>;
}

describe("what a claim's damage photo says about the claim", () => {
  it.each([
    ["the policy's colour, damaged", "Green", probabilities("green", 0.95), 0.9, []],
    ["grey on the policy, silver in the photo", "Grey", probabilities("silver", 0.9), 0.8, []],
    ["white on the policy, silver in the photo (look-alikes)", "White", probabilities("silver", 0.97), 0.8, []],
    ["another colour but the model unsure", "Green", probabilities("red", 0.6), 0.9, []],
    ["a colour the model has no class for", "Rainbow", probabilities("red", 0.99), 0.9, []],
    ["the model unsure about damage (0.4)", "Green", probabilities("green", 0.9), 0.4, []],
    ["confidently red, policy green", "Green", probabilities("red", 0.95), 0.9, [CLAIM_COLOUR_MISMATCH_REASON]],
    ["confidently no damage", "Green", probabilities("green", 0.95), 0.2, [NO_DAMAGE_REASON]],
    [
      "no damage and the wrong car",
      "Green",
      probabilities("red", 0.95),
      0.05,
      [NO_DAMAGE_REASON, CLAIM_COLOUR_MISMATCH_REASON],
    ],
  ] as const)("%s", (_name, policyColour, colourProbabilities, damageProbability, expectedFirst) => {
    const verdict = judgeDamagePhoto({ policyColour, colourProbabilities, damageProbability });
    if (expectedFirst.length === 0) {
      expect(verdict).toEqual({ fraud: false });
    } else {
      expect(verdict.fraud).toBe(true);
      const reasons = verdict.fraud ? verdict.reasons : [];
      for (const reason of expectedFirst) expect(reasons).toContain(reason);
      expect(reasons[0]).toBe(expectedFirst[0]);
    }
  });

  it("names the colour seen and the policy's in the second reason", () => {
    const verdict = judgeDamagePhoto({
      policyColour: "Green",
      colourProbabilities: probabilities("red", 0.95),
      damageProbability: 0.9,
    });
    expect(verdict).toEqual({
      fraud: true,
      reasons: [CLAIM_COLOUR_MISMATCH_REASON, "The photo shows a red car (95%); the policy says Green."],
    });
  });
});
