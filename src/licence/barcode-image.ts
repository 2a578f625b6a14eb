// Second chances for a PDF417 symbol that was seen but not decoded (blur, low resolution):
// the region around it, enlarged and sharpened, then turned a few degrees.
import type { RgbaImage } from "../domain/photo/image";

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The region, grown by `margin` of its size on each side and clipped to the image. */
export function crop(image: RgbaImage, region: Region, margin = 0.15): RgbaImage {
  const x0 = Math.max(0, Math.floor(region.x - region.width * margin));
  const y0 = Math.max(0, Math.floor(region.y - region.height * margin));
  const x1 = Math.min(image.width, Math.ceil(region.x + region.width * (1 + margin)));
  const y1 = Math.min(image.height, Math.ceil(region.y + region.height * (1 + margin)));
  const width = Math.max(1, x1 - x0);
  const height = Math.max(1, y1 - y0);
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    out.set(
      image.data.subarray(((y0 + y) * image.width + x0) * 4, ((y0 + y) * image.width + x0 + width) * 4),
      y * width * 4,
    );
  return { data: out, width, height };
}

/** Luma enlarged `factor` times (bilinear) with an unsharp mask (radius ~ factor, amount 1.5). */
export function enlargedSharpened(image: RgbaImage, factor: number): RgbaImage {
  const width = Math.round(image.width * factor);
  const height = Math.round(image.height * factor);
  const src = new Float32Array(image.width * image.height);
  for (let i = 0, p = 0; i < src.length; i++, p += 4)
    src[i] = 0.299 * image.data[p]! + 0.587 * image.data[p + 1]! + 0.114 * image.data[p + 2]!;
  const big = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(image.height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = fy | 0;
    const y1 = Math.min(image.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(image.width - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = fx | 0;
      const x1 = Math.min(image.width - 1, x0 + 1);
      const wx = fx - x0;
      big[y * width + x] =
        (src[y0 * image.width + x0]! * (1 - wx) + src[y0 * image.width + x1]! * wx) * (1 - wy) +
        (src[y1 * image.width + x0]! * (1 - wx) + src[y1 * image.width + x1]! * wx) * wy;
    }
  }
  const blurred = boxBlur(
    boxBlur(big, width, height, Math.max(1, Math.round(factor))),
    width,
    height,
    Math.max(1, Math.round(factor)),
  );
  const out = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, p = 0; i < big.length; i++, p += 4) {
    const v = big[i]! + 1.5 * (big[i]! - blurred[i]!);
    out[p] = out[p + 1] = out[p + 2] = v;
    out[p + 3] = 255;
  }
  return { data: out, width, height };
}

/** Separable box blur of radius r (edges clamped). */
function boxBlur(data: Float32Array, width: number, height: number, r: number): Float32Array {
  const tmp = new Float32Array(data.length);
  const out = new Float32Array(data.length);
  const n = 2 * r + 1;
  for (let y = 0; y < height; y++) {
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += data[y * width + Math.min(width - 1, Math.max(0, k))]!;
    for (let x = 0; x < width; x++) {
      tmp[y * width + x] = sum / n;
      sum += data[y * width + Math.min(width - 1, x + r + 1)]! - data[y * width + Math.max(0, x - r)]!;
    }
  }
  for (let x = 0; x < width; x++) {
    let sum = 0;
    for (let k = -r; k <= r; k++) sum += tmp[Math.min(height - 1, Math.max(0, k)) * width + x]!;
    for (let y = 0; y < height; y++) {
      out[y * width + x] = sum / n;
      sum += tmp[Math.min(height - 1, y + r + 1) * width + x]! - tmp[Math.max(0, y - r) * width + x]!;
    }
  }
  return out;
}
