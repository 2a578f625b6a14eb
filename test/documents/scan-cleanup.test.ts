// The image steps before OCR, on synthetic pages: straightening, black and white on grey
// paper, and box rules taken out while letters stay.
import { describe, expect, it } from "vitest";
import { removeLeaders } from "../../src/pdf/leader-removal";
import { cropGrey } from "../../src/pdf/region-reread";
import { removeRules } from "../../src/pdf/rule-removal";
import { flattenBackground } from "../../src/pdf/scan-background";
import { binarise } from "../../src/pdf/scan-binarise";
import {
  boxBlur,
  estimateSkew,
  type GreyImage,
  isBilevel,
  otsuThreshold,
  rotateAndScale,
  stretchContrast,
} from "../../src/pdf/scan-preprocess";
import { cleanScan } from "../../src/pdf/scan-reading";

function page(width: number, height: number, paper: number): GreyImage {
  return { data: new Uint8Array(width * height).fill(paper), width, height };
}
function fill(p: GreyImage, x0: number, y0: number, w: number, h: number, ink: number) {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) p.data[y * p.width + x] = ink;
}
/** Rows of "words": short dark blocks with gaps, like lines of text. */
function textPage(): GreyImage {
  const p = page(800, 600, 210);
  for (let row = 0; row < 12; row++)
    for (let word = 0; word < 9; word++) fill(p, 60 + word * 75, 60 + row * 40, 55, 12, 40);
  return p;
}
const ink = (p: GreyImage, x: number, y: number) => p.data[y * p.width + x]! < 128;

describe("estimateSkew", () => {
  it.each([[-3.5], [-1.2], [0], [2], [4]])("finds a page turned by %d° and rotateAndScale undoes it", (degrees) => {
    const turned = rotateAndScale(textPage(), degrees, 1);
    const found = estimateSkew(turned);
    expect(Math.abs(found - degrees)).toBeLessThan(0.3);
    const straight = rotateAndScale(turned, -found, 1);
    expect(Math.abs(estimateSkew(straight))).toBeLessThan(0.3);
  });

  it.each([[-3.5], [2]])("finds a black-and-white (fax-like) page turned by %d°", (degrees) => {
    const turned = rotateAndScale(textPage(), degrees, 1);
    for (let i = 0; i < turned.data.length; i++) turned.data[i] = turned.data[i]! < 128 ? 0 : 255;
    expect(otsuThreshold(turned)).toBe(1);
    expect(Math.abs(estimateSkew(turned) - degrees)).toBeLessThan(0.3);
  });
});

describe("a black-and-white page", () => {
  const bw = () => {
    const p = page(800, 600, 255);
    for (let word = 0; word < 9; word++) fill(p, 60 + word * 75, 60, 55, 12, 0);
    return p;
  };
  it("is told from a grey copy", () => {
    expect(isBilevel(bw())).toBe(true);
    expect(isBilevel(textPage())).toBe(false);
  });
  it("has its stair-stepped edges softened by boxBlur, the strokes kept dark and the paper white", () => {
    const sharp = bw();
    const soft = boxBlur(sharp, 1);
    expect(sharp.data[60 * 800 + 80]).toBe(0);
    expect(soft.data[66 * 800 + 80]).toBeLessThan(30);
    expect(soft.data[300 * 800 + 400]).toBe(255);
    const edge = soft.data[60 * 800 + 80]!;
    expect(edge).toBeGreaterThan(30);
    expect(edge).toBeLessThan(225);
  });
});

describe("stretchContrast", () => {
  it.each([
    ["a grey copy", 200, 60, 60],
    ["a sparse black-and-white page (under 1% ink)", 255, 0, 3],
  ])("keeps the ink of %s dark and its paper white", (_name, paper, inkLevel, words) => {
    const p = page(800, 600, paper);
    for (let word = 0; word < words; word++) fill(p, 60 + word * 75, 60, 55, 12, inkLevel);
    const out = stretchContrast(p);
    expect(out.data[65 * 800 + 70]).toBeLessThan(60);
    expect(out.data[300 * 800 + 400]).toBeGreaterThan(240);
  });
});

describe("flattenBackground", () => {
  it("turns a shaded heading band into paper and keeps its letters and a thick bar dark", () => {
    const p = page(800, 400, 235);
    fill(p, 40, 100, 720, 60, 180); // a shaded band, taller than a block
    for (let letter = 0; letter < 8; letter++) fill(p, 60 + letter * 30, 115, 6, 30, 40); // bold strokes on it
    fill(p, 40, 250, 200, 80, 30); // a thick black bar, wider than a block both ways
    const out = flattenBackground(p, { block: 25 });
    expect(out.data[130 * 800 + 600]).toBeGreaterThan(240); // band, away from its edges
    expect(out.data[130 * 800 + 62]).toBeLessThan(80); // a letter on the band
    expect(out.data[290 * 800 + 140]).toBeLessThan(60); // the bar's middle
    expect(out.data[50 * 800 + 400]).toBeGreaterThan(240); // paper
  });
});

describe("binarise", () => {
  it("turns grey paper and a shaded band white and keeps faint ink", () => {
    const p = page(400, 200, 200);
    fill(p, 0, 0, 400, 40, 170); // a shaded heading band
    fill(p, 50, 100, 30, 10, 110); // faint, blurred ink
    fill(p, 150, 10, 30, 10, 60); // ink on the band
    const bw = binarise(p, { tile: 25 });
    expect(ink(bw, 300, 150)).toBe(false);
    expect(ink(bw, 300, 20)).toBe(false);
    expect(ink(bw, 60, 105)).toBe(true);
    expect(ink(bw, 160, 15)).toBe(true);
  });
});

describe("removeRules", () => {
  it("erases long horizontal and vertical rules and keeps letter-sized strokes", () => {
    const p = page(600, 400, 255);
    fill(p, 20, 100, 560, 3, 0); // a box's top rule
    fill(p, 20, 20, 3, 360, 0); // its left side
    fill(p, 100, 60, 40, 30, 0); // a letter-sized blot
    fill(p, 200, 70, 4, 28, 0); // a tall letter stroke (an "l")
    const { image, removed } = removeRules(p, { minHorizontal: 135, minVertical: 90, maxThickness: 12 });
    expect(removed).toBeGreaterThan(560 * 3);
    expect(ink(image, 300, 101)).toBe(false);
    expect(ink(image, 21, 300)).toBe(false);
    expect(ink(image, 120, 75)).toBe(true);
    expect(ink(image, 201, 80)).toBe(true);
  });

  it("keeps bold print that a blurred copy ran into one long run, and erases rules thin or longer than words", () => {
    const p = page(600, 240, 255);
    // A bold word's letters joined by their middle strokes: 300 px of ink in one row, crossed by stems.
    fill(p, 50, 60, 300, 4, 0);
    for (let x = 50; x < 350; x += 10) fill(p, x, 50, 4, 24, 0);
    // A short rule under a caption, a few letters' feet standing on it.
    fill(p, 50, 120, 200, 3, 0);
    for (let x = 60; x < 100; x += 12) fill(p, x, 104, 3, 16, 0);
    // A shaded band's border, made thick and ragged by the band's remnants, across the page.
    fill(p, 20, 180, 560, 18, 0);
    const { image } = removeRules(p, { minHorizontal: 135, minVertical: 90, maxThickness: 12 });
    expect(ink(image, 56, 61)).toBe(true);
    expect(ink(image, 200, 62)).toBe(true);
    expect(ink(image, 200, 121)).toBe(false);
    expect(ink(image, 61, 108)).toBe(true);
    expect(ink(image, 300, 190)).toBe(false);
  });

  it("paints the rules found on the black-and-white copy out of the grey page", () => {
    const grey = page(300, 100, 230);
    fill(grey, 10, 50, 280, 2, 70);
    fill(grey, 40, 20, 10, 10, 80);
    const { image } = removeRules(
      binarise(grey, { tile: 20 }),
      { minHorizontal: 100, minVertical: 60, maxThickness: 12 },
      grey,
    );
    expect(image.data[51 * 300 + 150]).toBe(255);
    expect(image.data[25 * 300 + 45]).toBe(80);
  });
});

describe("removeLeaders", () => {
  it("erases a row of dots between a caption and its value and keeps the letters and a lone period", () => {
    const p = page(900, 120, 255);
    for (let i = 0; i < 8; i++) fill(p, 60 + i * 14, 40, 6, 12, 0); // a caption's letters: tall strokes
    for (let i = 0; i < 25; i++) fill(p, 200 + i * 18, 48, 5, 5, 0); // the dot leader
    fill(p, 680, 48, 5, 5, 0); // a full stop after the value
    for (let i = 0; i < 6; i++) fill(p, 700 + i * 14, 40, 6, 12, 0);
    const { image, removed } = removeLeaders(p, { maxDot: 9, maxGap: 30 });
    expect(removed).toBe(25);
    expect(ink(image, 202, 50)).toBe(false);
    expect(ink(image, 200 + 24 * 18 + 2, 50)).toBe(false);
    expect(ink(image, 62, 45)).toBe(true);
    expect(ink(image, 682, 50)).toBe(true);
    expect(ink(image, 702, 45)).toBe(true);
  });

  it("erases a dense leader a blurred copy ran together, found by its dark dots, and keeps the caption", () => {
    const p = page(900, 200, 235);
    for (let i = 0; i < 8; i++) fill(p, 60 + i * 12, 90, 8, 18, 40); // the caption's letters
    // Dots six pixels wide every nine, the gaps between them left mid-grey by the blur; shorter
    // than a rule.
    fill(p, 250, 102, 14 * 9, 6, 150);
    for (let i = 0; i < 14; i++) fill(p, 250 + i * 9, 102, 6, 6, 40);
    const leaders = { maxDot: 9, maxGap: 30 };
    // On the usual black-and-white copy the dots and the grey between them are one bar.
    expect(removeLeaders(binarise(p, { tile: 50 }), leaders).removed).toBe(0);
    const clean = cleanScan(p, 300);
    expect(clean.data[104 * 900 + 252]).toBeGreaterThan(200);
    expect(clean.data[104 * 900 + 250 + 10 * 9 + 2]).toBeGreaterThan(200);
    expect(clean.data[99 * 900 + 62]).toBe(40);
  });

  it("leaves small print alone: letters whose thin bottoms look like dots have sides going up", () => {
    const p = page(400, 80, 255);
    // "u"-shaped letters 8 px wide: two stems and a thin bottom.
    for (let i = 0; i < 10; i++) {
      fill(p, 20 + i * 12, 30, 2, 10, 0);
      fill(p, 26 + i * 12, 30, 2, 10, 0);
      fill(p, 20 + i * 12, 38, 8, 2, 0);
    }
    const { removed } = removeLeaders(p, { maxDot: 9, maxGap: 30 });
    expect(removed).toBe(0);
  });
});

describe("a value box cropped to be read again", () => {
  // A box 200×40 at (100, 100): side rules, a value in the middle, the caption of the row
  // below cut by the crop's bottom edge.
  const boxed = () => {
    const p = page(400, 240, 240);
    fill(p, 100, 90, 2, 60, 20);
    fill(p, 298, 90, 2, 60, 20);
    fill(p, 130, 110, 80, 18, 30);
    fill(p, 140, 135, 60, 6, 30);
    return p;
  };

  it("keeps the value, turns the box's sides and the cut-off caption to paper, in a white margin", () => {
    const crop = cropGrey(boxed(), { left: 100, top: 100, right: 300, bottom: 140 })!;
    const at = (x: number, y: number) => ink(crop.image, x - crop.left, y - crop.top);
    expect(at(150, 118)).toBe(true);
    expect(at(100, 120)).toBe(false);
    expect(at(298, 120)).toBe(false);
    expect(at(160, 138)).toBe(false);
    expect(crop.left).toBeLessThan(100);
    expect(crop.image.data[0]).toBe(255);
  });

  it.each([
    ["a sliver", { left: 10, top: 10, right: 15, bottom: 60 }],
    ["outside the page", { left: 500, top: 10, right: 600, bottom: 60 }],
  ])("%s: nothing to read", (_, region) => {
    expect(cropGrey(boxed(), region)).toBeUndefined();
  });
});
