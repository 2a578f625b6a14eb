// Shaded form bands and uneven paper made white before OCR: each block's background level (a
// high percentile of its pixels, so that noise does not set it) divides the page, so a grey
// heading band becomes paper and its dark letters stay dark. A block that is all ink (a thick
// bar, a large bold letter) keeps the page's paper level instead.
import type { GreyImage } from "./scan-preprocess";
import { interpolateRow } from "./tile-levels";

export interface BackgroundOptions {
  /** Block side in pixels: wider than a letter's stroke, narrower than a heading band. */
  block: number;
}

/** The level a share `fraction` of the values lie at or below. */
function percentile(histogram: Uint32Array, total: number, fraction: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen >= total * fraction) return v;
  }
  return 255;
}

export function flattenBackground(image: GreyImage, options: BackgroundOptions): GreyImage {
  const { data, width, height } = image;
  const block = Math.max(8, Math.round(options.block));
  const bx = Math.ceil(width / block);
  const by = Math.ceil(height / block);
  const pageHistogram = new Uint32Array(256);
  for (let i = 0; i < data.length; i += 7) pageHistogram[data[i]!]!++;
  const paper = percentile(pageHistogram, Math.ceil(data.length / 7), 0.6);
  // Below this a block's background is ink, not a shade: letters are darker than any band.
  const floor = paper * 0.6;
  const background = new Float32Array(bx * by);
  const histogram = new Uint32Array(256);
  for (let ty = 0; ty < by; ty++) {
    for (let tx = 0; tx < bx; tx++) {
      histogram.fill(0);
      const x0 = tx * block;
      const y0 = ty * block;
      const x1 = Math.min(width, x0 + block);
      const y1 = Math.min(height, y0 + block);
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) histogram[data[y * width + x]!]!++;
      const level = percentile(histogram, (x1 - x0) * (y1 - y0), 0.9);
      background[ty * bx + tx] = level < floor ? paper : Math.max(level, 1);
    }
  }
  const out = new Uint8Array(data.length);
  const grid = { levels: background, tilesX: bx, tilesY: by, tile: block };
  const row = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    interpolateRow(grid, y, row);
    for (let x = 0; x < width; x++) {
      out[y * width + x] = Math.min(255, Math.round((data[y * width + x]! * 255) / row[x]!));
    }
  }
  return { data: out, width, height };
}
