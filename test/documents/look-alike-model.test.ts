// Z/2, S/5 and B/8 in scanned policy numbers, decided by the trained look-alike models on words
// cut from photocopies in fonts the models never learned from (scripts/make-glyph-fixtures.ts).
import { describe, expect, it } from "vitest";
import { identifierGlyphs, readIdentifierShapes } from "../../src/pdf/glyph-shapes";
import { LOOK_ALIKE_LETTERS, letterProbability, lookAlikeFeatures } from "../../src/pdf/look-alike-model";
import type { GreyImage } from "../../src/pdf/scan-preprocess";
import crops from "../fixtures/documents/glyphs/crops.bin";
import index from "../fixtures/documents/glyphs/index.json";

interface ScannedWord {
  printed: string;
  read: string;
  font: string;
  image: GreyImage;
  box: { left: number; top: number; right: number; bottom: number };
}

const words: ScannedWord[] = index.map((w) => ({
  ...w,
  image: { width: w.width, height: w.height, data: new Uint8Array(crops, w.offset, w.width * w.height) },
}));

/** Positions OCR read as 2, 5, 8, Z, S or B: where the models decide. */
const decided = (w: ScannedWord) => [...w.read].flatMap((c, i) => (/[258ZSB]/.test(c) ? [i] : []));

const cutApart = (w: ScannedWord) => identifierGlyphs(w.image, { ...w.box, text: w.read }) !== undefined;
const misread = (w: ScannedWord) => decided(w).some((i) => w.printed[i] !== w.read[i]);

describe("look-alike capitals in scanned identifiers", () => {
  it("has cut-apart words whose capitals OCR read as digits, and words of real digits", () => {
    expect(words.filter((w) => misread(w) && cutApart(w)).length).toBeGreaterThanOrEqual(2);
    expect(words.filter((w) => w.read === w.printed && cutApart(w)).length).toBeGreaterThanOrEqual(5);
  });

  it.each(words.filter(cutApart).map((w) => [w.read, w.printed, w.font, w]))(
    "%s (printed %s in %s): each 2, 5, 8, Z, S and B decided as printed, or left as read",
    (_read, _printed, _font, w) => {
      const word = w as ScannedWord;
      const result = readIdentifierShapes(word.image, { ...word.box, text: word.read });
      for (const i of decided(word)) expect([word.printed[i], word.read[i]]).toContain(result[i]);
    },
  );

  it("decides most of the capitals OCR read as digits", () => {
    const misreadGlyphs = words.filter(cutApart).flatMap((w) => {
      const result = readIdentifierShapes(w.image, { ...w.box, text: w.read });
      return decided(w).flatMap((i) => (w.printed[i] !== w.read[i] ? [result[i] === w.printed[i]] : []));
    });
    expect(misreadGlyphs.filter(Boolean).length / misreadGlyphs.length).toBeGreaterThanOrEqual(0.6);
  });

  it.each(words.filter((w) => !cutApart(w)).map((w) => [w.read, w.font, w]))(
    "%s in %s, not cut one glyph per character, is left as read",
    (read, _font, w) => {
      const word = w as ScannedWord;
      expect(readIdentifierShapes(word.image, { ...word.box, text: word.read })).toBe(read);
    },
  );

  it("in a word of fewer than two letters decides the first glyph only, as printed", () => {
    let decidedFirst = 0;
    for (const word of words.filter(misread)) {
      // The same glyphs, read with the word's letters as 4s: a number of digits alone.
      const digitsOnly = word.read.replace(/[A-Z]/g, "4");
      const result = readIdentifierShapes(word.image, { ...word.box, text: digitsOnly });
      expect(result.slice(1)).toBe(digitsOnly.slice(1));
      expect([digitsOnly[0], word.printed[0]]).toContain(result[0]);
      if (result[0] !== digitsOnly[0]) decidedFirst++;
    }
    // "Z2SS62GO" read "225562GO": its Z is told from a 2 even with no other letter read.
    expect(decidedFirst).toBeGreaterThanOrEqual(1);
  });

  it("gives a letter's glyph a higher probability than the digits of its own word", () => {
    for (const word of words) {
      const cut = identifierGlyphs(word.image, { ...word.box, text: word.read });
      if (!cut) continue;
      for (const [digit, letter] of Object.entries(LOOK_ALIKE_LETTERS)) {
        const p = (ch: string) =>
          cut.glyphs
            .filter((_, i) => word.read[i] === digit && word.printed[i] === ch)
            .map((g) => letterProbability(digit, lookAlikeFeatures(g, cut.digitWidth))!);
        for (const letterP of p(letter)) for (const digitP of p(digit)) expect(letterP).toBeGreaterThan(digitP);
      }
    }
  });
});
