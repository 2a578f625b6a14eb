// A scanned page made ready for OCR: grey, the paper's skew measured and undone, the contrast
// stretched so that grey paper turns white, and the resolution brought to what tesseract
// reads best (text about 300 dpi). Plain loops over typed arrays: no canvas in workerd.
import type { RgbaImage } from "./ocr-engine";

export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export function toGrey(image: RgbaImage): GreyImage {
  const { width, height, data } = image;
  const out = new Uint8Array(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += 4)
    out[i] = (data[j]! * 77 + data[j + 1]! * 150 + data[j + 2]! * 29) >> 8;
  return { data: out, width, height };
}

export function toRgba(image: GreyImage): RgbaImage {
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0, j = 0; i < image.data.length; i++, j += 4) {
    out[j] = out[j + 1] = out[j + 2] = image.data[i]!;
    out[j + 3] = 255;
  }
  return { data: out, width: image.width, height: image.height };
}

/** The middle value (the upper one of an even count); 0 when there are none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0;
}

/** The grey level below which a pixel is ink (Otsu's threshold over the histogram). */
export function otsuThreshold(image: GreyImage): number {
  const histogram = new Float64Array(256);
  for (let i = 0; i < image.data.length; i += 3) histogram[image.data[i]!]!++;
  const total = histogram.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * histogram[t]!;
  let sumBelow = 0;
  let weightBelow = 0;
  let best = 128;
  let bestVariance = -1;
  for (let t = 0; t < 256; t++) {
    weightBelow += histogram[t]!;
    if (weightBelow === 0) continue;
    const weightAbove = total - weightBelow;
    if (weightAbove === 0) break;
    sumBelow += t * histogram[t]!;
    const meanBelow = sumBelow / weightBelow;
    const meanAbove = (sum - sumBelow) / weightAbove;
    const variance = weightBelow * weightAbove * (meanBelow - meanAbove) ** 2;
    if (variance > bestVariance) {
      bestVariance = variance;
      best = t + 1;
    }
  }
  // Otsu's split puts level `t` itself with the ink: on a black-and-white page (levels 0 and 255
  // only) the ink is level 0, so the threshold below which it lies is 1.
  return best;
}

/**
 * The page's skew in degrees (positive: text runs uphill to the right), from the rotation that
 * makes the ink's row profile sharpest. Searched coarse then fine within ±6°.
 */
export function estimateSkew(image: GreyImage, threshold = otsuThreshold(image)): number {
  const { data, width, height } = image;
  // A sample of ink pixels is enough: every 2nd column and row.
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      if (data[y * width + x]! < threshold) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < 200) return 0;
  const rows = new Float64Array(height * 2 + 16);
  const score = (degrees: number) => {
    const t = Math.tan((degrees * Math.PI) / 180);
    rows.fill(0);
    const offset = height / 2;
    for (let i = 0; i < xs.length; i++) {
      const r = Math.round((ys[i]! - (xs[i]! - width / 2) * t) / 2 + offset / 2);
      if (r >= 0 && r < rows.length) rows[r]!++;
    }
    let s = 0;
    for (let r = 0; r < rows.length; r++) s += rows[r]! * rows[r]!;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let a = -6; a <= 6; a += 0.5) {
    const s = score(a);
    if (s > bestScore) {
      bestScore = s;
      best = a;
    }
  }
  const coarse = best;
  for (let a = coarse - 0.45; a <= coarse + 0.45; a += 0.05) {
    const s = score(a);
    if (s > bestScore) {
      bestScore = s;
      best = a;
    }
  }
  return -Math.round(best * 100) / 100;
}

/**
 * Rotates by `degrees` (counter-clockwise, as the image is seen) about the centre and scales by
 * `scale` in one bilinear pass; what falls outside the page is white.
 */
export function rotateAndScale(image: GreyImage, degrees: number, scale: number): GreyImage {
  const { data, width, height } = image;
  const outW = Math.round(width * scale);
  const outH = Math.round(height * scale);
  const out = new Uint8Array(outW * outH);
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a) / scale;
  const sin = Math.sin(a) / scale;
  const cx = width / 2;
  const cy = height / 2;
  const ox = outW / 2;
  const oy = outH / 2;
  for (let y = 0; y < outH; y++) {
    const dy = y - oy;
    let sx = cx + (0 - ox) * cos - dy * sin;
    let sy = cy + (0 - ox) * sin + dy * cos;
    for (let x = 0; x < outW; x++, sx += cos, sy += sin) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) {
        out[y * outW + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = data[i]! + (data[i + 1]! - data[i]!) * fx;
      const bottom = data[i + width]! + (data[i + width + 1]! - data[i + width]!) * fx;
      out[y * outW + x] = top + (bottom - top) * fy;
    }
  }
  return { data: out, width: outW, height: outH };
}

/** Stretches the grey levels so that the paper is white and the ink black (1st and 60th percentiles). */
export function stretchContrast(image: GreyImage): GreyImage {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < image.data.length; i += 5) histogram[image.data[i]!]!++;
  const total = histogram.reduce((a, b) => a + b, 0);
  const level = (fraction: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v]!;
      if (seen >= total * fraction) return v;
    }
    return 255;
  };
  // Most of a page is paper: its level is well above the median.
  const white = Math.max(40, level(0.6));
  // A sparse page (under 1% ink) has paper at its 1% level: ink is then anything well below the paper.
  const black = Math.min(level(0.01), white - 40);
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) lut[v] = Math.max(0, Math.min(255, Math.round(((v - black) / (white - black)) * 255)));
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = lut[image.data[i]!]!;
  return { data: out, width: image.width, height: image.height };
}

/** Whether a page is black and white only (a fax or a thresholded copy): nearly no grey levels between. */
export function isBilevel(image: GreyImage): boolean {
  let between = 0;
  let seen = 0;
  for (let i = 0; i < image.data.length; i += 7, seen++) {
    const v = image.data[i]!;
    if (v > 24 && v < 231) between++;
  }
  return seen > 0 && between / seen < 0.01;
}

/** A separable box blur of `radius` pixels, run twice (close to a Gaussian); the image given is left as it was. */
export function boxBlur(image: GreyImage, radius: number): GreyImage {
  const { width, height } = image;
  let src: Uint8Array = image.data.slice();
  let dst: Uint8Array = new Uint8Array(src.length);
  const pass = (horizontal: boolean) => {
    const lines = horizontal ? height : width;
    const length = horizontal ? width : height;
    const step = horizontal ? 1 : width;
    const span = 2 * radius + 1;
    for (let line = 0; line < lines; line++) {
      const base = horizontal ? line * width : line;
      let sum = 0;
      for (let k = -radius; k <= radius; k++) sum += src[base + Math.min(length - 1, Math.max(0, k)) * step]!;
      for (let i = 0; i < length; i++) {
        dst[base + i * step] = Math.round(sum / span);
        const add = Math.min(length - 1, i + radius + 1);
        const drop = Math.max(0, i - radius);
        sum += src[base + add * step]! - src[base + drop * step]!;
      }
    }
    [src, dst] = [dst, src];
  };
  pass(true);
  pass(false);
  pass(true);
  pass(false);
  return { data: src, width, height };
}

export interface PreparedScan {
  image: GreyImage;
  /** Degrees undone. */
  skew: number;
  /** Factor the image was scaled by. */
  scale: number;
  /** The scan's resolution as embedded on the page, in dots per inch. */
  dpi: number;
}

export interface PrepareOptions {
  /** The page's width in inches (from the PDF), to know the scan's resolution. */
  pageWidthInches?: number;
  /** Resolution to bring text to. */
  targetDpi?: number;
  /** Largest image handed to OCR. */
  maxPixels?: number;
}

/** Deskews, whitens and rescales a page scan for OCR. */
export function prepareScan(rgba: RgbaImage, options: PrepareOptions = {}): PreparedScan {
  const grey = stretchContrast(toGrey(rgba));
  const dpi = rgba.width / (options.pageWidthInches ?? 8.5);
  const target = options.targetDpi ?? 300;
  const maxPixels = options.maxPixels ?? 12_000_000;
  let scale = Math.min(2.5, Math.max(0.5, target / dpi));
  scale = Math.min(scale, Math.sqrt(maxPixels / (rgba.width * rgba.height)));
  // Skew is measured on a small copy: the profile does not need every pixel.
  const probeScale = Math.min(1, 1200 / rgba.width);
  const probe = probeScale < 1 ? rotateAndScale(grey, 0, probeScale) : grey;
  const skew = estimateSkew(probe);
  const straight = Math.abs(skew) < 0.15 && Math.abs(scale - 1) < 0.05;
  const turned = straight ? grey : rotateAndScale(grey, Math.abs(skew) < 0.15 ? 0 : -skew, scale);
  return {
    // A black-and-white copy brought up to 300 dpi keeps its stair-stepped edges; softened by a
    // pixel, its strokes read as the letters they were (fax-like dev copies: 65% → 70% of core fields).
    image: isBilevel(grey) ? boxBlur(turned, 1) : turned,
    skew: Math.abs(skew) < 0.15 ? 0 : skew,
    scale,
    dpi,
  };
}
