// A photo turned by a few degrees about its centre (bilinear, white outside), for readers
// that find a symbol only when its rows are close to level.
import type { RgbaImage } from "../domain/photo/image";

export function turnedBy(image: RgbaImage, degrees: number): RgbaImage {
  const { data, width, height } = image;
  const out = new Uint8ClampedArray(width * height * 4).fill(255);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Inverse mapping: where this output pixel comes from in the source.
      const u = cos * (x - cx) + sin * (y - cy) + cx;
      const v = -sin * (x - cx) + cos * (y - cy) + cy;
      if (u < 0 || v < 0 || u >= width - 1 || v >= height - 1) continue;
      const x0 = u | 0;
      const y0 = v | 0;
      const fx = u - x0;
      const fy = v - y0;
      const i = (y0 * width + x0) * 4;
      const j = i + width * 4;
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        out[o + c] =
          (data[i + c]! * (1 - fx) + data[i + 4 + c]! * fx) * (1 - fy) +
          (data[j + c]! * (1 - fx) + data[j + 4 + c]! * fx) * fy;
      }
    }
  }
  return { data: out, width, height };
}
