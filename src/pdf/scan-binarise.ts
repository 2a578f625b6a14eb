// Black and white for OCR: a Sauvola threshold computed per tile and interpolated between
// tile centres, so that uneven grey paper, shaded form headings and copier gradients all
// turn white while faint, blurred strokes stay ink. Tiles keep the memory small (no
// full-size integral images inside a 128 MB isolate).
import type { GreyImage } from "./scan-preprocess";
import { interpolateRow } from "./tile-levels";

export interface BinariseOptions {
  /** Tile side in pixels (about a line of text or two). */
  tile?: number;
  /** Sauvola's k: higher keeps less of the faint ink. */
  k?: number;
}

/** Ink 0, paper 255. */
export function binarise(image: GreyImage, options: BinariseOptions = {}): GreyImage {
  const { data, width, height } = image;
  const tile = Math.max(8, Math.round(options.tile ?? 48));
  const k = options.k ?? 0.2;
  const tilesX = Math.ceil(width / tile);
  const tilesY = Math.ceil(height / tile);
  // Sauvola over a window of 3×3 tiles around each tile: per-tile sums first.
  const sum = new Float64Array(tilesX * tilesY);
  const sumSq = new Float64Array(tilesX * tilesY);
  const count = new Float64Array(tilesX * tilesY);
  for (let y = 0; y < height; y++) {
    const ty = Math.floor(y / tile) * tilesX;
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x]!;
      const t = ty + Math.floor(x / tile);
      sum[t]! += v;
      sumSq[t]! += v * v;
      count[t]!++;
    }
  }
  const threshold = new Float64Array(tilesX * tilesY);
  for (let ty = 0; ty < tilesY; ty++) {
    for (let tx = 0; tx < tilesX; tx++) {
      let s = 0;
      let s2 = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const x = tx + dx;
          const y = ty + dy;
          if (x < 0 || y < 0 || x >= tilesX || y >= tilesY) continue;
          const t = y * tilesX + x;
          s += sum[t]!;
          s2 += sumSq[t]!;
          n += count[t]!;
        }
      }
      const mean = s / n;
      const sd = Math.sqrt(Math.max(0, s2 / n - mean * mean));
      threshold[ty * tilesX + tx] = mean * (1 + k * (sd / 128 - 1));
    }
  }
  const out = new Uint8Array(width * height);
  const grid = { levels: threshold, tilesX, tilesY, tile };
  const row = new Float64Array(width);
  for (let y = 0; y < height; y++) {
    interpolateRow(grid, y, row);
    for (let x = 0; x < width; x++) out[y * width + x] = data[y * width + x]! < row[x]! ? 0 : 255;
  }
  return { data: out, width, height };
}
