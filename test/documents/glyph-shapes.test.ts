// Policy numbers whose look-alike letters and digits OCR confused, decided again from the shapes
// of their printed glyphs: a page drawn here glyph by glyph, read as OCR might have read it.
import { describe, expect, it } from "vitest";
import { glyphsOf, readIdentifierShapes } from "../../src/pdf/glyph-shapes";
import type { GreyImage } from "../../src/pdf/scan-preprocess";

const HEIGHT = 28;
const TOP = 10;

type Painter = (image: GreyImage, left: number) => number;

function ink(image: GreyImage, x0: number, y0: number, x1: number, y1: number) {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) image.data[y * image.width + x] = 20;
}

/** An oval ring `width` wide: a 0 when narrow, an O when round. */
const ring =
  (width: number): Painter =>
  (image, left) => {
    const cx = left + width / 2;
    const cy = TOP + HEIGHT / 2;
    for (let y = TOP; y < TOP + HEIGHT; y++)
      for (let x = left; x < left + width; x++) {
        const outer = ((x + 0.5 - cx) / (width / 2)) ** 2 + ((y + 0.5 - cy) / (HEIGHT / 2)) ** 2;
        const inner = ((x + 0.5 - cx) / (width / 2 - 4)) ** 2 + ((y + 0.5 - cy) / (HEIGHT / 2 - 4)) ** 2;
        if (outer <= 1 && inner > 1) image.data[y * image.width + x] = 20;
      }
    return width;
  };

/**
 * Any other digit, a box outline as wide as the digits: read as 3, 4, 6, 7 or 9, since the
 * trained look-alike models decide 0, 1, 2, 5 and 8 and know nothing of this shape.
 */
const digit: Painter = (image, left) => {
  ink(image, left, TOP, left + 18, TOP + 4);
  ink(image, left + 14, TOP, left + 18, TOP + HEIGHT);
  ink(image, left, TOP + 12, left + 18, TOP + 16);
  ink(image, left, TOP + HEIGHT - 4, left + 18, TOP + HEIGHT);
  return 18;
};
/** A capital without look-alikes (an A, a U): wide, with two legs. */
const capital: Painter = (image, left) => {
  ink(image, left, TOP, left + 4, TOP + HEIGHT);
  ink(image, left + 18, TOP, left + 22, TOP + HEIGHT);
  ink(image, left, TOP + 12, left + 22, TOP + 16);
  return 22;
};
const bareBar: Painter = (image, left) => {
  ink(image, left, TOP, left + 5, TOP + HEIGHT);
  return 5;
};
/** A 1 as typewriters print it: a stem, a flag out to the left at the top, and a foot. */
const one: Painter = (image, left) => {
  ink(image, left + 6, TOP, left + 11, TOP + HEIGHT);
  for (let i = 0; i < 7; i++) ink(image, left + 6 - Math.ceil(i * 0.8), TOP + i, left + 7, TOP + i + 2);
  ink(image, left, TOP + HEIGHT - 4, left + 16, TOP + HEIGHT);
  return 16;
};
const ell: Painter = (image, left) => {
  ink(image, left, TOP, left + 5, TOP + HEIGHT);
  ink(image, left, TOP + HEIGHT - 4, left + 16, TOP + HEIGHT);
  return 16;
};
const hyphen: Painter = (image, left) => {
  ink(image, left, TOP + 13, left + 8, TOP + 16);
  return 8;
};

/** A page with the glyphs printed left to right, 5 px apart, and the word's box around them. */
function page(glyphs: Painter[], gap = 5) {
  const image: GreyImage = { data: new Uint8Array(600 * 50).fill(235), width: 600, height: 50 };
  let x = 20;
  for (const paint of glyphs) x += paint(image, x) + gap;
  return { image, box: { left: 20, top: TOP, right: x - gap, bottom: TOP + HEIGHT } };
}

const O = ring(26);
const ZERO = ring(18);
const A = capital;
const D = digit;

describe("look-alikes in a policy number, told apart by shape", () => {
  it.each([
    ["a round O among digits read as a zero", [A, A, D, D, D, D, O, D, D, D], "AU78830465", "AU7883O465"],
    ["a zero read as an O", [A, A, D, D, D, D, ZERO, D, D, D], "AU7883O465", "AU78830465"],
    ["zeros read as zeros", [A, A, D, D, D, D, ZERO, D, D, D], "AU78830465", "AU78830465"],
    ["a bare capital I read as a 1", [bareBar, D, D, ZERO, ZERO, D, D, D, D], "143004794", "I43004794"],
    ["a 1 with its flag read as an I", [one, D, D, ZERO, ZERO, D, D, D, D], "I43004794", "143004794"],
    ["a 1 with its flag read as a 1", [one, D, D, ZERO, ZERO, D, D, D, D], "143004794", "143004794"],
    ["an L with its foot read as a 1", [ell, D, D, D, D, D, D, D, D], "198983493", "L98983493"],
    ["an I and an O before the digits", [bareBar, O, ZERO, D, D, D, D, ZERO, D, D], "1007460934", "IO07460934"],
    ["parts joined by hyphens", [A, bareBar, O, D, D, D, D, D, D, hyphen, D, D], "Z10874652-34", "ZIO874652-34"],
    ["a round O read as a zero before a letter", [O, A, D, D, D, one, ZERO, D, D, A], "0X6551043M", "OX6551043M"],
    ["a full stop after the number", [A, A, D, D, D, D, O, D, D, D, hyphen], "AU78830465.", "AU7883O465."],
  ])("%s", (_, glyphs, read, want) => {
    const { image, box } = page(glyphs);
    expect(readIdentifierShapes(image, { ...box, text: read })).toBe(want);
  });

  it.each([
    ["letters between letters are not decided (XIK)", [A, bareBar, A, hyphen, D, D, D, D], "X1K-3467"],
    ["a date", [D, D, D, D, hyphen, one, ZERO, hyphen, D, ZERO], "2026-10-20"],
    ["a box's date whose slashes the copy lost, a round zero first", [O, D, D, D, D, ZERO, D, D], "05242025"],
    ["a word with small letters", [D, D, D, ZERO, A, A, A, A, A], "6270Claim"],
    ["fewer than four digits", [A, A, A, hyphen, O, D, D], "CLM-O23"],
  ])("leaves alone %s", (_, glyphs, read) => {
    const { image, box } = page(glyphs);
    expect(readIdentifierShapes(image, { ...box, text: read })).toBe(read);
  });

  it("leaves a VIN alone: 17 characters, never an O", () => {
    const glyphs = [D, A, A, D, D, D, D, A, D, D, D, D, O, D, D, D, D];
    const { image, box } = page(glyphs);
    expect(readIdentifierShapes(image, { ...box, text: "4TK8083C336006004" })).toBe("4TK8083C336006004");
  });

  it("leaves the word alone when its glyphs cannot be cut one per character", () => {
    const { image, box } = page([A, A, D, D, D, D, O, D, D, D]);
    // One character more than was printed: the cut cannot line up.
    expect(readIdentifierShapes(image, { ...box, text: "AU788330465" })).toBe("AU788330465");
  });

  it("cuts a word whose glyphs all touch where its reading expects them, thin letters and hyphens narrower", () => {
    // A blurred copy: each glyph joined to the next by a bridge of ink one pixel wide.
    const touching = page([A, D, D, hyphen, bareBar, D, D], 1);
    for (let x = 20; x < touching.box.right; x++)
      if (touching.image.data[(TOP + 20) * 600 + x] !== 20 && touching.image.data[(TOP + 20) * 600 + x + 1] === 20)
        touching.image.data[(TOP + 14) * 600 + x] = 20;
    const glyphs = glyphsOf(touching.image, touching.box, 7, "Z74-I96")!;
    const printed = [22, 18, 18, 8, 5, 18, 18];
    // Each piece is its glyph, give or take the bridge's column.
    for (const [i, g] of glyphs.entries()) expect(Math.abs(g.width - printed[i]!)).toBeLessThanOrEqual(1);
    // Without the reading, only the faintest column of a blot much wider than the rest is cut.
    expect(glyphsOf(touching.image, touching.box, 7)).toBeUndefined();
  });

  it("puts a letter broken in two by a faint stroke back together", () => {
    const broken = page([A, D, D, D]);
    // The crossbar of the first capital lost: its two legs stand apart.
    for (let y = TOP + 12; y < TOP + 16; y++) for (let x = 24; x < 38; x++) broken.image.data[y * 600 + x] = 235;
    const glyphs = glyphsOf(broken.image, broken.box, 4, "A123")!;
    expect(glyphs.map((g) => g.width)).toEqual([22, 18, 18, 18]);
  });

  it("cuts touching glyphs apart at their faintest column, and drops a speck at the edge", () => {
    const { image, box } = page([D, D, D]);
    image.data[25 * image.width + 17] = 20; // a speck just left of the word
    const glyphs = glyphsOf(image, { ...box, left: box.left - 3 }, 3)!;
    expect(glyphs.map((g) => g.width)).toEqual([18, 18, 18]);
    expect(glyphs.map((g) => g.height)).toEqual([HEIGHT, HEIGHT, HEIGHT]);
  });
});
