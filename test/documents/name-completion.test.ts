// A name box cut at a photocopy's left edge, completed by another box of the same form that
// names the same person with more of the name.
import { describe, expect, it } from "vitest";
import { completeCutName, outvotingName, readsMoreOf } from "../../src/domain/documents/name-completion";

describe("readsMoreOf", () => {
  it.each([
    ["roshi Lewis", "Hiroshi Lewis", "letters"],
    // The first letter at the cut is half a glyph, read as another letter.
    ["itrick Ramirez", "Patrick Ramirez", "letters"],
    ["atricia Michael Johnson", "Patricia Michael Johnson", "letters"],
    ["Louise Johnson", "Anya Louise Johnson", "words"],
    ["Lopez", "Sofia Lopez", "words"],
    // The box's side read as a letter after the name, a speck read as a digit before it.
    ["ica Cook I", "Bianca Cook", "letters"],
    ["1 Green", "Olivia Green", "words"],
    // Read alike: nothing more.
    ["Hiroshi Lewis", "Hiroshi Lewis", undefined],
    // Another surname, another person.
    ["roshi Lewis", "Hiroshi Brooks", undefined],
    ["Louise Johnson", "Anya Louise Jonson", undefined],
    // Less than the cut reading, or only another first name.
    ["Hiroshi Lewis", "roshi Lewis", undefined],
    ["Mary Lewis", "Hiroshi Lewis", undefined],
    ["me R. Williams", "yrone R. Williams", undefined],
    ["", "Hiroshi Lewis", undefined],
  ])("%j against %j: %s", (cut, fuller, how) => {
    expect(readsMoreOf(cut, fuller)).toBe(how);
  });
});

describe("completeCutName", () => {
  it("takes the first other reading that reads more and is a name", () => {
    const contact = { value: "iroshi Lewis", box: "contact" };
    const reporter = { value: "Hiroshi Lewis", box: "reported by" };
    expect(completeCutName("roshi Lewis", [contact, reporter])).toEqual({
      value: "Hiroshi Lewis",
      from: reporter,
      how: "letters",
    });
  });

  it("says the cut reading is incomplete when the fuller readings are cut too", () => {
    expect(completeCutName("Louise Johnson", [{ value: "a Louise Johnson" }, { value: "ya Louise Johnson" }])).toEqual({
      incomplete: true,
    });
  });

  it("has nothing to say of a reading no other box extends", () => {
    expect(completeCutName("Hiroshi Lewis", [{ value: "Hiroshi Lewis" }, { value: "Sarah Kim" }])).toBeUndefined();
    expect(completeCutName("Hiroshi Lewis", [])).toBeUndefined();
  });
});

describe("outvotingName", () => {
  const box = (value: string, confidence: number) => ({ value, confidence });
  it.each([
    // One box OCR was much surer of, or two boxes read alike, outvote a letter misread.
    ["Ofivia Cox", 0.17, [box("Olivia Cox", 0.35)], "Olivia Cox"],
    ["Yuks Yamamoto", 0.15, [box("Yuki Yamamoto", 0.66)], "Yuki Yamamoto"],
    [
      "Priya Abemathy-Cole",
      0.6,
      [box("Priya Abernathy-Cole", 0.5), box("PRIYA ABERNATHY-COLE", 0.4)],
      "Priya Abernathy-Cole",
    ],
    // The box's side read before a word is not a slip.
    ["Ofivia Cox", 0.3, [box("{Olivia Cox", 0.4), box("|Olivia Cox", 0.4)], "Olivia Cox"],
    // A letter lost.
    ["Wei Wrght", 0.2, [box("Wei Wright", 0.5)], "Wei Wright"],
  ])("%j (%s) against %j: %s", (reading, confidence, others, want) => {
    expect(outvotingName({ value: reading, confidence }, others)?.name).toBe(want);
  });

  it.each([
    ["one box read about as surely", "Ofivia Cox", 0.3, [box("Olivia Cox", 0.35)]],
    ["the other boxes disagree", "Ofivia Cox", 0.1, [box("Olivia Cox", 0.5), box("Olivio Cox", 0.5)]],
    ["read alike", "Olivia Cox", 0.1, [box("Olivia Cox", 0.9)]],
    ["another person", "Oliver Cox", 0.1, [box("Olivia Cox", 0.9)]],
    ["a word more", "Olivia Cox", 0.1, [box("Olivia Anne Cox", 0.9)]],
    ["a slip in a word of two letters", "Al Cox", 0.1, [box("Ai Cox", 0.9)]],
    ["two slips in a word of fewer than eight letters", "Oiivla Cox", 0.1, [box("Olivia Cox", 0.9)]],
    ["no other box", "Ofivia Cox", 0.1, []],
  ])("keeps the reading when %s", (_, reading, confidence, others) => {
    expect(outvotingName({ value: reading, confidence }, others)).toBeUndefined();
  });
});
