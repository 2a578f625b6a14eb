import { boxBounds, pixelWords, type RgbaImage } from "./image";

/**
 * The damage classifier's input (models/damage/damage-classifier.json, training/damage/preprocess.py):
 * squash the whole image to 224x224 with the integer-bounds box filter, mean of each block in
 * float64 (no rounding), x = mean / 127.5 - 1, NCHW float32 [1, 3, 224, 224], RGB, alpha dropped,
 * after decodePhoto() turned it upright by its EXIF orientation.
 */
export const DAMAGE_INPUT_SIZE = 224;
export const DAMAGE_INPUT_SHAPE = [1, 3, DAMAGE_INPUT_SIZE, DAMAGE_INPUT_SIZE] as const;

export function damageModelInput(image: RgbaImage, size: number = DAMAGE_INPUT_SIZE): Float32Array {
  const { data, width: w, height: h } = image;
  if (data.length < w * h * 4)
    throw new RangeError(`RGBA buffer holds ${data.length} bytes, ${w}x${h} needs ${w * h * 4}`);
  const cols = boxBounds(w, size);
  const rows = boxBounds(h, size);
  const plane = size * size;

  // Rows first: integer column-block sums for every source row (exact in float64).
  const rowSums = new Float64Array(h * size * 3);
  const words = pixelWords(data);
  for (let y = 0; y < h; y++) {
    const rowBase = y * w;
    let o = y * size * 3;
    for (let ox = 0; ox < size; ox++, o += 3) {
      let r = 0;
      let g = 0;
      let b = 0;
      const start = rowBase + cols.start[ox]!;
      const end = rowBase + cols.end[ox]!;
      if (words) {
        for (let p = start; p < end; p++) {
          const v = words[p]!;
          r += v & 0xff;
          g += (v >>> 8) & 0xff;
          b += (v >>> 16) & 0xff;
        }
      } else {
        for (let p = start * 4; p < end * 4; p += 4) {
          r += data[p]!;
          g += data[p + 1]!;
          b += data[p + 2]!;
        }
      }
      rowSums[o] = r;
      rowSums[o + 1] = g;
      rowSums[o + 2] = b;
    }
  }

  // Then columns: sum the row blocks, divide once by the block's pixel count as numpy does.
  const out = new Float32Array(3 * plane);
  const acc = new Float64Array(size * 3);
  for (let oy = 0; oy < size; oy++) {
    acc.fill(0);
    const y0 = rows.start[oy]!;
    const y1 = rows.end[oy]!;
    for (let y = y0; y < y1; y++) {
      const base = y * size * 3;
      for (let i = 0; i < size * 3; i++) acc[i]! += rowSums[base + i]!;
    }
    for (let ox = 0; ox < size; ox++) {
      const count = (y1 - y0) * (cols.end[ox]! - cols.start[ox]!);
      const o = oy * size + ox;
      out[o] = acc[ox * 3]! / count / 127.5 - 1;
      out[plane + o] = acc[ox * 3 + 1]! / count / 127.5 - 1;
      out[2 * plane + o] = acc[ox * 3 + 2]! / count / 127.5 - 1;
    }
  }
  return out;
}
