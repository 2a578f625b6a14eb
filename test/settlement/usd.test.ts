import { describe, expect, it } from "vitest";
import { formatUsd } from "../../src/domain/settlement/usd";

describe("formatUsd", () => {
  it.each<[number, string]>([
    [0, "$0.00"],
    [1, "$0.01"],
    [10, "$0.10"],
    [10_000, "$100.00"],
    [99_999, "$999.99"],
    [100_000, "$1,000.00"],
    [123_456, "$1,234.56"],
    [123_456_789, "$1,234,567.89"],
    [-5_050, "-$50.50"],
  ])("%i cents → %s", (cents, text) => {
    expect(formatUsd(cents)).toBe(text);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses %s, which is not a whole number of cents", (cents) => {
    expect(() => formatUsd(cents)).toThrow(RangeError);
  });
});
