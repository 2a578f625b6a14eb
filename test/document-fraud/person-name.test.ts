import { describe, expect, it } from "vitest";
import { nameWords, sameName } from "../../src/domain/document-fraud/person-name";

describe("nameWords", () => {
  it.each([
    ["José-Luis O'Neil", ["JOSE", "LUIS", "ONEIL"]],
    ["  mary   ann ", ["MARY", "ANN"]],
    ["Zoë", ["ZOE"]],
    ["ŁUKASZ", ["UKASZ"]],
    ["", []],
  ])("%s → %o", (name, words) => {
    expect(nameWords(name)).toEqual(words);
  });
});

describe("sameName", () => {
  it.each([
    ["Jelani", "JELANI", undefined, false, true],
    ["jelani", "JELANI", undefined, false, true],
    ["José", "JOSE", undefined, false, true],
    ["Mary Ann", "MARY ANN", undefined, false, true],
    ["Mary Ann", "MARY", "ANN", false, true],
    ["Mary", "MARY ANN", undefined, false, true],
    ["MaryAnn", "MARY-ANN", undefined, false, true],
    ["O'Neil", "ONEIL", undefined, false, true],
    ["Garcia", "GARCIA LOPEZ", undefined, false, true],
    ["Connor", "JELANI", undefined, false, false],
    ["Ann", "MARY ANN", undefined, false, false],
    ["Jelani", "JELANL", undefined, true, true],
    ["Jelani", "JELANL", undefined, false, false],
    ["Wei", "WEL", undefined, true, false],
    ["Jelani", "JEL4NX", undefined, true, false],
    ["", "JELANI", undefined, false, false],
    ["Jelani", "", undefined, false, false],
  ])("given %s, read %s (middle %s, OCR %s) → %s", (given, read, middle, readByOcr, same) => {
    expect(sameName({ given, read, middle, readByOcr })).toBe(same);
  });
});
