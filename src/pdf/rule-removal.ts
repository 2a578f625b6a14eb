// Box rules and table lines out of a black-and-white scan: tesseract reads a form's boxes as
// letters ("[Expiration", "|") and lets them merge cells into one line. A run of ink far longer
// than any letter, horizontal or vertical, and thin along most of its length, is a rule; its
// pixels are turned to paper. Bold print blurred by a low-resolution copy runs a word's letters
// together into runs as long, but the stems crossing them make them thick: they stay. A run
// longer than any word (a rule ragged with a shaded band's remnants) is a rule however thick.
import type { GreyImage } from "./scan-preprocess";

export interface RuleOptions {
  /** Shortest horizontal run taken for a rule, in pixels. */
  minHorizontal: number;
  /** Shortest vertical run taken for a rule, in pixels. */
  minVertical: number;
  /** Thickest a rule is, in pixels, across it. */
  maxThickness: number;
}

/** A run is a rule when at least this share of it is no thicker than a rule. */
const THIN_SHARE = 0.75;
/** A run this many times the shortest rule is longer than a word run together: a rule, whatever its thickness. */
const BEYOND_WORDS = 3;

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
  const isInk = (x: number, y: number) => x >= 0 && x < width && y >= 0 && y < height && data[y * width + x]! < 128;
  // The ink's extent through (x, y) across the run, (dx, dy) the step across, up to the limit.
  const thin = (x: number, y: number, dx: number, dy: number) => {
    let extent = 1;
    for (let k = 1; extent <= options.maxThickness && isInk(x - k * dx, y - k * dy); k++) extent++;
    for (let k = 1; extent <= options.maxThickness && isInk(x + k * dx, y + k * dy); k++) extent++;
    return extent <= options.maxThickness;
  };
  const isRule = (length: number, shortest: number, thinAt: (i: number) => boolean) => {
    if (length < shortest) return false;
    if (length >= BEYOND_WORDS * shortest) return true;
    let thinCount = 0;
    for (let i = 0; i < length; i++) if (thinAt(i)) thinCount++;
    return thinCount >= THIN_SHARE * length;
  };
  // Horizontal runs.
  for (let y = 0; y < height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const ink = x < width && data[y * width + x]! < 128;
      if (ink && start < 0) start = x;
      else if (!ink && start >= 0) {
        const s0 = start;
        if (isRule(x - start, options.minHorizontal, (i) => thin(s0 + i, y, 0, 1)))
          mask.fill(1, y * width + start, y * width + x);
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
        const s0 = start;
        if (isRule(y - start, options.minVertical, (i) => thin(x, s0 + i, 1, 0)))
          for (let r = start; r < y; r++) mask[r * width + x] = 1;
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
