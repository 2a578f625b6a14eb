// Pixel work before OCR on a photo of a card: grey with the contrast stretched, resized so
// that card text is tall enough for tesseract, binarised against uneven light, rotated.
import type { RgbaImage } from "../domain/photo/image";

export interface GreyPixels {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Luma, resized (bilinear) to `scale`, with the 1st–99th percentile stretched to 0–255. */
export function greyForOcr(image: RgbaImage, scale: number): GreyPixels {
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const src = image.data;
  const luma = new Uint8Array(image.width * image.height);
  // The darkest channel, not luma: coloured label ink (red, blue) turns as dark as black ink.
  for (let i = 0, p = 0; i < luma.length; i++, p += 4) luma[i] = Math.min(src[p]!, src[p + 1]!, src[p + 2]!);
  const out = new Uint8Array(width * height);
  const sx = image.width / width;
  const sy = image.height / height;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(image.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const wy = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(image.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(image.width - 1, x0 + 1);
      const wx = fx - x0;
      const top = luma[y0 * image.width + x0]! * (1 - wx) + luma[y0 * image.width + x1]! * wx;
      const bottom = luma[y1 * image.width + x0]! * (1 - wx) + luma[y1 * image.width + x1]! * wx;
      out[y * width + x] = top * (1 - wy) + bottom * wy;
    }
  }
  stretchContrast(out);
  return { data: out, width, height };
}

function stretchContrast(data: Uint8Array): void {
  const histogram = new Uint32Array(256);
  for (const v of data) histogram[v]!++;
  const quantile = (q: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v]!;
      if (seen >= q * data.length) return v;
    }
    return 255;
  };
  const lo = quantile(0.01);
  const hi = quantile(0.99);
  if (hi - lo < 16) return;
  const k = 255 / (hi - lo);
  for (let i = 0; i < data.length; i++) data[i] = Math.max(0, Math.min(255, (data[i]! - lo) * k));
}

/**
 * Local-mean threshold (Bradley's method on an integral image): a pixel is ink when it is
 * `darker` below the mean of its window, so a lamp's gradient and a card's pattern drop out.
 */
export function binarise(
  grey: GreyPixels,
  window = Math.max(15, Math.round(Math.min(grey.width, grey.height) / 24)),
  darker = 0.12,
): GreyPixels {
  const { data, width, height } = grey;
  const integral = new Float64Array((width + 1) * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += data[y * width + x]!;
      integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1]! + row;
    }
  }
  const out = new Uint8Array(width * height);
  const half = window >> 1;
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - half);
    const y1 = Math.min(height, y + half + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - half);
      const x1 = Math.min(width, x + half + 1);
      const sum =
        integral[y1 * (width + 1) + x1]! -
        integral[y0 * (width + 1) + x1]! -
        integral[y1 * (width + 1) + x0]! +
        integral[y0 * (width + 1) + x0]!;
      const mean = sum / ((x1 - x0) * (y1 - y0));
      out[y * width + x] = data[y * width + x]! < mean * (1 - darker) ? 0 : 255;
    }
  }
  return { data: out, width, height };
}

/** Rotated clockwise by 90, 180 or 270 degrees. */
export function rotate(grey: GreyPixels, degrees: 90 | 180 | 270): GreyPixels {
  const { data, width, height } = grey;
  const turned = degrees !== 180;
  const w = turned ? height : width;
  const h = turned ? width : height;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = data[y * width + x]!;
      if (degrees === 90) out[x * w + (height - 1 - y)] = v;
      else if (degrees === 270) out[(width - 1 - x) * w + y] = v;
      else out[(height - 1 - y) * w + (width - 1 - x)] = v;
    }
  }
  return { data: out, width: w, height: h };
}

/** Tesseract takes RGBA: the grey value in every channel. */
export function toRgba(grey: GreyPixels): RgbaImage {
  const out = new Uint8ClampedArray(grey.width * grey.height * 4);
  for (let i = 0, p = 0; i < grey.data.length; i++, p += 4) {
    out[p] = out[p + 1] = out[p + 2] = grey.data[i]!;
    out[p + 3] = 255;
  }
  return { data: out, width: grey.width, height: grey.height };
}
