// A name box cut at a photocopy's left edge, completed by another box of the same form that
// names the same person with more of the name.
import { describe, expect, it } from "vitest";
import { completeCutName, readsMoreOf } from "../../src/domain/documents/name-completion";

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
