/** Synthetic photos made inside the test: a textured "car" scene and the usual ways photos go wrong. */

import mozjpegEncoder from "@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm";
import encodeJpegWasm, { init as initJpegEncoder } from "@jsquash/jpeg/encode.js";
import encodePngWasm from "@jsquash/png/encode.js";
import { boxBounds, type RgbaImage } from "../../src/domain/photo/image";
import { initPhotoDecoders } from "../../src/image/decode";

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Sky, ground, a car body with panels, wheels, a dent, scratches and fine sensor-like texture. */
export function makeScene(width: number, height: number, seed = 1): RgbaImage {
  const random = rng(seed);
  const data = new Uint8ClampedArray(width * height * 4);
  // Composition varies with the seed: horizon, where the car stands and how big it is.
  const horizon = (0.35 + 0.3 * random()) * height;
  const left = 0.05 + 0.35 * random();
  const span = 0.35 + 0.25 * random();
  const top = 0.2 + 0.25 * random();
  const body = {
    x0: left * width,
    x1: (left + span) * width,
    y0: top * height,
    y1: (top + 0.25 + 0.15 * random()) * height,
  };
  const hue = [80 + 120 * random(), 40 + 80 * random(), 60 + 120 * random()];
  const wheels = [0.2, 0.8].map((f) => ({
    cx: body.x0 + f * (body.x1 - body.x0),
    cy: body.y1,
    r: 0.12 * (body.x1 - body.x0),
  }));
  const scratches = Array.from({ length: 12 }, () => ({
    x: body.x0 + random() * (body.x1 - body.x0),
    y: body.y0 + random() * (body.y1 - body.y0),
    len: 20 + random() * 0.2 * width,
    slope: random() - 0.5,
  }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r: number, g: number, b: number;
      if (y < horizon) {
        const t = y / height;
        [r, g, b] = [120 + 80 * t, 160 + 60 * t, 230 - 40 * t];
      } else {
        const checker = ((Math.floor(x / 24) + Math.floor(y / 24)) & 1) * 25;
        [r, g, b] = [90 + checker, 90 + checker, 85 + checker];
      }
      if (x > body.x0 && x < body.x1 && y > body.y0 && y < body.y1) {
        const panel = Math.floor(((x - body.x0) / (body.x1 - body.x0)) * 4) % 2 ? 1.0 : 0.8;
        const shade = 1 - 0.4 * ((y - body.y0) / (body.y1 - body.y0));
        [r, g, b] = hue.map((c) => c * panel * shade) as [number, number, number];
        const window =
          y < body.y0 + 0.3 * (body.y1 - body.y0) &&
          x > body.x0 + 0.2 * (body.x1 - body.x0) &&
          x < body.x1 - 0.2 * (body.x1 - body.x0);
        if (window) [r, g, b] = [40, 50, 70];
      }
      for (const w of wheels) {
        const d = Math.hypot(x - w.cx, y - w.cy);
        if (d < w.r) [r, g, b] = d < 0.45 * w.r ? [170, 170, 175] : [25, 25, 28];
      }
      const texture = (random() - 0.5) * 24;
      const i = (y * width + x) * 4;
      data[i] = r + texture;
      data[i + 1] = g + texture;
      data[i + 2] = b + texture;
      data[i + 3] = 255;
    }
  }
  for (const s of scratches) {
    for (let k = 0; k < s.len; k++) {
      const x = Math.round(s.x + k);
      const y = Math.round(s.y + k * s.slope);
      if (x < 0 || y < 0 || x >= width || y >= height) continue;
      const i = (y * width + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = 235;
    }
  }
  return { data, width, height };
}

export function gaussianBlur(image: RgbaImage, sigma: number): RgbaImage {
  const { width: w, height: h } = image;
  const radius = Math.ceil(3 * sigma);
  const kernel = Array.from({ length: 2 * radius + 1 }, (_, k) => Math.exp(-((k - radius) ** 2) / (2 * sigma * sigma)));
  const total = kernel.reduce((a, b) => a + b, 0);
  const weights = kernel.map((k) => k / total);
  const pass = (src: Uint8ClampedArray, horizontal: boolean) => {
    const dst = new Uint8ClampedArray(src.length);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let c = 0; c < 4; c++) {
          let s = 0;
          for (let k = -radius; k <= radius; k++) {
            const xx = horizontal ? Math.min(w - 1, Math.max(0, x + k)) : x;
            const yy = horizontal ? y : Math.min(h - 1, Math.max(0, y + k));
            s += weights[k + radius]! * src[(yy * w + xx) * 4 + c]!;
          }
          dst[(y * w + x) * 4 + c] = s;
        }
    return dst;
  };
  return { width: w, height: h, data: pass(pass(Uint8ClampedArray.from(image.data), true), false) };
}

/** Applies f to R, G and B (alpha kept). */
export function mapColours(image: RgbaImage, f: (v: number) => number): RgbaImage {
  const data = Uint8ClampedArray.from(image.data);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = f(data[i]!);
    data[i + 1] = f(data[i + 1]!);
    data[i + 2] = f(data[i + 2]!);
  }
  return { ...image, data };
}

export function meanOfLuma(image: RgbaImage): number {
  let s = 0;
  for (let i = 0; i < image.data.length; i += 4)
    s += 0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!;
  return s / (image.data.length / 4);
}

/** Box-filter resize of RGBA to outW x outH, rounded to 8 bits (as an app would before upload). */
export function resize(image: RgbaImage, outW: number, outH: number): RgbaImage {
  const cols = boxBounds(image.width, outW);
  const rows = boxBounds(image.height, outH);
  const data = new Uint8ClampedArray(outW * outH * 4);
  for (let oy = 0; oy < outH; oy++)
    for (let ox = 0; ox < outW; ox++)
      for (let c = 0; c < 4; c++) {
        let s = 0;
        for (let y = rows.start[oy]!; y < rows.end[oy]!; y++)
          for (let x = cols.start[ox]!; x < cols.end[ox]!; x++) s += image.data[(y * image.width + x) * 4 + c]!;
        data[(oy * outW + ox) * 4 + c] = Math.round(
          s / ((rows.end[oy]! - rows.start[oy]!) * (cols.end[ox]! - cols.start[ox]!)),
        );
      }
  return { data, width: outW, height: outH };
}

type EncoderInput = Parameters<typeof encodeJpegWasm>[0];

let encoderReady: Promise<void> | undefined;
async function encoders(): Promise<void> {
  encoderReady ??= Promise.all([initJpegEncoder(mozjpegEncoder), initPhotoDecoders()]).then(() => undefined);
  return encoderReady;
}

export async function encodeJpeg(image: RgbaImage, quality = 85, progressive = false): Promise<Uint8Array> {
  await encoders();
  const imageData = {
    data: Uint8ClampedArray.from(image.data),
    width: image.width,
    height: image.height,
    colorSpace: "srgb",
  } as unknown as EncoderInput;
  return new Uint8Array(await encodeJpegWasm(imageData, { quality, progressive, baseline: !progressive }));
}

export async function encodePng(image: RgbaImage): Promise<Uint8Array> {
  await encoders();
  const imageData = {
    data: Uint8ClampedArray.from(image.data),
    width: image.width,
    height: image.height,
    colorSpace: "srgb",
  } as unknown as EncoderInput;
  return new Uint8Array(await encodePngWasm(imageData));
}
