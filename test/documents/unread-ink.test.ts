// Lines OCR skipped: letter-sized ink outside the words it returned, in a row, is found; what
// it read, specks, rules and pictures are not.
import { describe, expect, it } from "vitest";
import type { OcrWordBox } from "../../src/pdf/ocr-engine";
import type { GreyImage } from "../../src/pdf/scan-preprocess";
import { unreadInk } from "../../src/pdf/unread-ink";

const paper = (): GreyImage => ({ data: new Uint8Array(1000 * 400).fill(255), width: 1000, height: 400 });
function ink(p: GreyImage, x0: number, y0: number, w: number, h: number) {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) p.data[y * p.width + x] = 30;
}
/** Four letters 12 px wide and 30 px tall, 6 px apart, starting at x. */
function letters(p: GreyImage, x: number, y: number, count = 4) {
  for (let i = 0; i < count; i++) ink(p, x + i * 18, y, 12, 30);
}
const word = (left: number, top: number, text = "Policy"): OcrWordBox => ({
  text,
  left,
  top,
  right: left + 66,
  bottom: top + 30,
  confidence: 0.95,
});

describe("ink OCR left unread", () => {
  it("a row of letters outside the words read is a region to read, around the letters", () => {
    const p = paper();
    letters(p, 50, 50);
    letters(p, 600, 200);
    const regions = unreadInk(p, [word(50, 50)]);
    expect(regions).toHaveLength(1);
    const [r] = regions;
    expect(r!.left).toBeLessThan(600);
    expect(r!.right).toBeGreaterThan(600 + 66);
    expect(r!.top).toBeLessThan(200);
    expect(r!.bottom).toBeGreaterThan(230);
  });

  it.each([
    ["letters inside the words read", (p: GreyImage) => letters(p, 300, 100)],
    [
      "specks",
      (p: GreyImage) =>
        [0, 1, 2, 3, 4].forEach((i) => {
          ink(p, 600 + i * 9, 200, 3, 3);
        }),
    ],
    ["a box rule", (p: GreyImage) => ink(p, 100, 300, 800, 3)],
    ["a picture", (p: GreyImage) => ink(p, 600, 150, 200, 200)],
    ["two letters, not a line", (p: GreyImage) => letters(p, 600, 200, 2)],
  ])("%s are not", (_case, draw) => {
    const p = paper();
    letters(p, 50, 50);
    draw(p);
    expect(unreadInk(p, [word(50, 50), word(300, 100)])).toEqual([]);
  });

  it("a page without words to size letters by gives nothing", () => {
    const p = paper();
    letters(p, 600, 200);
    expect(unreadInk(p, [])).toEqual([]);
  });

  it("rows are returned longest first, and no more than asked", () => {
    const p = paper();
    letters(p, 50, 50);
    letters(p, 400, 150, 3);
    letters(p, 400, 250, 8);
    const regions = unreadInk(p, [word(50, 50)], { maxRegions: 1 });
    expect(regions).toHaveLength(1);
    expect(regions[0]!.top).toBeGreaterThan(200);
  });
});
