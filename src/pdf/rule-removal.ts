// Box rules and table lines out of a black-and-white scan: tesseract reads a form's boxes as
// letters ("[Expiration", "|") and lets them merge cells into one line. A run of ink far longer
// than any letter, horizontal or vertical, is a rule; its pixels are turned to paper.
import type { GreyImage } from "./scan-preprocess";

export interface RuleOptions {
  /** Shortest horizontal run taken for a rule, in pixels. */
  minHorizontal: number;
  /** Shortest vertical run taken for a rule, in pixels. */
  minVertical: number;
}

/**
 * A copy of `target` (the page, grey or black and white) without the long straight rules found
 * in `binary` (the same page binarised, ink 0); `removed` counts pixels turned to paper.
 */
export function removeRules(
  binary: GreyImage,
  options: RuleOptions,
  target: GreyImage = binary,
): { image: GreyImage; removed: number } {
  const { data, width, height } = binary;
  const mask = new Uint8Array(width * height);
  // Horizontal runs.
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const ink = x < width && data[y * width + x]! < 128;
      if (ink && start < 0) start = x;
      else if (!ink && start >= 0) {
        if (x - start >= options.minHorizontal) mask.fill(1, y * width + start, y * width + x);
        start = -1;
      }
    }
  }
  // Vertical runs.
  for (let x = 0; x < width; x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      const ink = y < height && data[y * width + x]! < 128;
      if (ink && start < 0) start = y;
      else if (!ink && start >= 0) {
        if (y - start >= options.minVertical) for (let r = start; r < y; r++) mask[r * width + x] = 1;
        start = -1;
      }
    }
  }
  const out = new Uint8Array(target.data);
  let removed = 0;
  for (let i = 0; i < out.length; i++) {
    if (!mask[i]) continue;
    out[i] = 255;
    removed++;
    // A blurred rule's ragged edge: the ink touching it goes too, and its grey halo (paper in
    // the black-and-white copy) two pixels out, which tesseract would otherwise join to the text.
    for (const j of [i - width, i + width, i - 1, i + 1]) {
      if (j >= 0 && j < out.length && !mask[j] && out[j]! !== 255 && data[j]! < 128) {
        out[j] = 255;
        removed++;
      }
    }
    for (const j of [i - 2 * width, i + 2 * width, i - 2, i + 2])
      if (j >= 0 && j < out.length && data[j]! >= 128) out[j] = 255;
  }
  return { image: { data: out, width, height }, removed };
}
