// Dot leaders ("Insured Name ........ Rogers, Marcus") out of a black-and-white scan:
// tesseract reads a row of dots as a word of letters ("cccoeevivivin") that hides the value
// behind the caption. A leader is a row of six or more dots, each no taller or wider than a
// period and with paper all round, at a period's spacing; its dots are turned to paper.
import type { GreyImage } from "./scan-preprocess";

export interface LeaderOptions {
  /** Largest dot, in pixels (width and height). */
  maxDot: number;
  /** Largest gap between two dots of a leader, in pixels. */
  maxGap: number;
  /** Fewest dots in a leader. */
  minDots?: number;
}

/**
 * Whether the run of ink [x0, x1] on row y is a dot: short, and paper all round it (a letter's
 * thin bottom curve has its sides going up).
 */
function dotAt(
  image: GreyImage,
  x0: number,
  x1: number,
  y: number,
  maxDot: number,
): { top: number; bottom: number } | undefined {
  const { data, width, height } = image;
  if (x1 - x0 + 1 > maxDot) return undefined;
  const x = (x0 + x1) >> 1;
  let top = y;
  while (top > 0 && y - top <= maxDot && data[(top - 1) * width + x]! < 128) top--;
  let bottom = y;
  while (bottom + 1 < height && bottom - y <= maxDot && data[(bottom + 1) * width + x]! < 128) bottom++;
  if (bottom - top + 1 > maxDot) return undefined;
  const paper = (xx: number, yy: number) =>
    xx < 0 || yy < 0 || xx >= width || yy >= height || data[yy * width + xx]! >= 128;
  for (let xx = x0 - 2; xx <= x1 + 2; xx++) if (!paper(xx, top - 2) || !paper(xx, bottom + 2)) return undefined;
  for (let yy = top - 2; yy <= bottom + 2; yy++) if (!paper(x0 - 2, yy) || !paper(x1 + 2, yy)) return undefined;
  return { top, bottom };
}

/**
 * A copy of `target` (grey or black and white) without the dot leaders found in `binary`
 * (the same page binarised, ink 0); `removed` counts the dots.
 */
export function removeLeaders(
  binary: GreyImage,
  options: LeaderOptions,
  target: GreyImage = binary,
): { image: GreyImage; removed: number } {
  const { width, height } = binary;
  // Found dots leave this copy too, so that the next rows do not find them again.
  const data = new Uint8Array(binary.data);
  const seen: GreyImage = { data, width, height };
  const minDots = options.minDots ?? 6;
  const out = new Uint8Array(target.data);
  let removed = 0;
  // The leader's band goes whole, with the dots' grey halo: between and around its dots the
  // black-and-white copy is paper (checked by dotAt), so no letter is touched.
  const erase = (x0: number, x1: number, top: number, bottom: number) => {
    for (let yy = Math.max(0, top - 3); yy <= Math.min(height - 1, bottom + 3); yy++)
      for (let xx = Math.max(0, x0 - 3); xx <= Math.min(width - 1, x1 + 3); xx++)
        if (data[yy * width + xx]! >= 128 || (yy >= top && yy <= bottom)) {
          out[yy * width + xx] = 255;
          data[yy * width + xx] = 255;
        }
  };
  // Rows are scanned every other pixel: a dot is several pixels tall.
  for (let y = 0; y < height; y += 2) {
    const row = y * width;
    let chain: Array<[number, number, number, number]> = [];
    const close = () => {
      if (chain.length >= minDots) {
        erase(
          chain[0]![0],
          chain[chain.length - 1]![1],
          Math.min(...chain.map((c) => c[2])),
          Math.max(...chain.map((c) => c[3])),
        );
        removed += chain.length;
      }
      chain = [];
    };
    let x = 0;
    while (x < width) {
      if (data[row + x]! >= 128) {
        x++;
        continue;
      }
      let end = x;
      while (end + 1 < width && data[row + end + 1]! < 128) end++;
      const dot = dotAt(seen, x, end, y, options.maxDot);
      const last = chain[chain.length - 1];
      if (!dot) close();
      else {
        if (last && x - last[1] - 1 > options.maxGap) close();
        chain.push([x, end, dot.top, dot.bottom]);
      }
      x = end + 1;
    }
    close();
  }
  return { image: { data: out, width, height }, removed };
}
