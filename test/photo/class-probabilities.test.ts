import { describe, expect, it } from "vitest";
import { readClassProbabilities } from "../../src/domain/photo/class-probabilities";

const LABELS = ["minor", "moderate", "severe"] as const;

describe("readClassProbabilities", () => {
  it.each([
    { output: [0.1, 0.7, 0.2], label: "moderate", confidence: 0.7 },
    { output: [0.9, 0.05, 0.05], label: "minor", confidence: 0.9 },
    { output: [0, 0, 1], label: "severe", confidence: 1 },
    { output: [0.4, 0.4, 0.2], label: "minor", confidence: 0.4 }, // a tie goes to the earlier label
    { output: [2, 6, 2], label: "moderate", confidence: 0.6 }, // renormalised
  ])("$output → $label ($confidence)", ({ output, label, confidence }) => {
    const p = readClassProbabilities(LABELS, Float32Array.from(output));
    expect(p.label).toBe(label);
    expect(p.confidence).toBeCloseTo(confidence, 6);
    expect(Object.keys(p.probabilities)).toEqual([...LABELS]);
    expect(Object.values(p.probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });

  it.each([
    ["too few values", [0.5, 0.5]],
    ["too many values", [0.25, 0.25, 0.25, 0.25]],
    ["a negative value", [-0.1, 0.6, 0.5]],
    ["NaN", [Number.NaN, 0.5, 0.5]],
    ["Infinity", [Number.POSITIVE_INFINITY, 0, 0]],
    ["all zero", [0, 0, 0]],
  ])("refuses %s", (_name, output) => {
    expect(() => readClassProbabilities(LABELS, output)).toThrow(RangeError);
  });
});
