/** Decoded pixels as the decoders return them: tightly packed RGBA, 8 bits per channel. */
export interface RgbaImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/** A single-channel image (luma 0..255) in row-major order. */
export interface GreyImage {
  data: Float32Array;
  width: number;
  height: number;
}

/**
 * Integer-bounds box filter (the damage model's resampling rule): output index o takes source
 * indices [floor(o*src/dst), max(floor((o+1)*src/dst), floor(o*src/dst)+1)) clipped to src.
 */
export function boxBounds(src: number, dst: number): { start: Int32Array; end: Int32Array } {
  const start = new Int32Array(dst);
  const end = new Int32Array(dst);
  for (let o = 0; o < dst; o++) {
    const s = Math.floor((o * src) / dst);
    start[o] = s;
    end[o] = Math.min(Math.max(Math.floor(((o + 1) * src) / dst), s + 1), src);
  }
  return { start, end };
}

/** Size that fits `longSide` (never upscales), keeping the aspect ratio. */
export function fitLongSide(width: number, height: number, longSide: number): { width: number; height: number } {
  const scale = longSide / Math.max(width, height);
  if (scale >= 1) return { width, height };
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** One 32-bit load per pixel, R in the low byte; undefined on a big-endian host or a misaligned view. */
export function pixelWords(data: Uint8Array | Uint8ClampedArray): Uint32Array | undefined {
  if (!LITTLE_ENDIAN || data.byteOffset % 4 !== 0) return undefined;
  return new Uint32Array(data.buffer, data.byteOffset, data.length >> 2);
}

/** BT.601 luma of an RGBA image, box-downscaled to outW x outH in one separable pass. */
export function lumaResized(image: RgbaImage, outW: number, outH: number): GreyImage {
  const { data, width: w, height: h } = image;
  const cols = boxBounds(w, outW);
  const rows = boxBounds(h, outH);
  const words = pixelWords(data);
  // Horizontal pass: per source row, sum luma over each output column's block.
  const horizontal = new Float32Array(outW * h);
  for (let y = 0; y < h; y++) {
    const rowBase = y * w;
    const outBase = y * outW;
    for (let ox = 0; ox < outW; ox++) {
      let sum = 0;
      const start = cols.start[ox]!;
      const end = cols.end[ox]!;
      if (words) {
        for (let p = rowBase + start, last = rowBase + end; p < last; p++) {
          const v = words[p]!;
          sum += 0.299 * (v & 0xff) + 0.587 * ((v >>> 8) & 0xff) + 0.114 * ((v >>> 16) & 0xff);
        }
      } else {
        for (let p = (rowBase + start) * 4, last = (rowBase + end) * 4; p < last; p += 4) {
          sum += 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!;
        }
      }
      horizontal[outBase + ox] = sum / (end - start);
    }
  }
  const out = new Float32Array(outW * outH);
  for (let oy = 0; oy < outH; oy++) {
    const y0 = rows.start[oy]!;
    const y1 = rows.end[oy]!;
    const base = oy * outW;
    for (let y = y0; y < y1; y++) {
      const src = y * outW;
      for (let ox = 0; ox < outW; ox++) out[base + ox]! += horizontal[src + ox]!;
    }
    const inv = 1 / (y1 - y0);
    for (let ox = 0; ox < outW; ox++) out[base + ox]! *= inv;
  }
  return { data: out, width: outW, height: outH };
}

/** Box-downscale of a single-channel image (same integer-bounds rule). */
export function greyResized(image: GreyImage, outW: number, outH: number): GreyImage {
  const { data, width: w, height: h } = image;
  const cols = boxBounds(w, outW);
  const rows = boxBounds(h, outH);
  const out = new Float32Array(outW * outH);
  for (let oy = 0; oy < outH; oy++) {
    const y0 = rows.start[oy]!;
    const y1 = rows.end[oy]!;
    for (let ox = 0; ox < outW; ox++) {
      const x0 = cols.start[ox]!;
      const x1 = cols.end[ox]!;
      let sum = 0;
      for (let y = y0; y < y1; y++) for (let x = x0, i = y * w + x0; x < x1; x++, i++) sum += data[i]!;
      out[oy * outW + ox] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return { data: out, width: outW, height: outH };
}
