/**
 * Calibrates the photo quality gate on real car photos and on degraded copies of them.
 *
 *   nice -n 10 npx tsx scripts/calibrate-quality.ts [--data ../shared/data/car_damage/training] [--limit N] [--dump out.json]
 *
 * Reads every JPEG/PNG under 00-damage/ and 01-whole/ (never copies them), decodes with
 * @jsquash (the decoder the Worker uses), and measures each photo as is and degraded:
 * Gaussian blur of several radii, darkened x0.15–0.3, washed out, low contrast, overexposed.
 * Degradations are applied to the luma at native resolution (blur radii are given in
 * working-copy pixels and scaled up for larger photos), rounded to 8 bits, then scored by
 * the same functions as the Worker. Prints distributions and pass/fail rates; the result
 * is written up in models/quality/CALIBRATION.md.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import decodeJpeg, { init as initJpeg } from "@jsquash/jpeg/decode.js";
import decodePng, { init as initPng } from "@jsquash/png/decode.js";
import { fitLongSide, type GreyImage, lumaResized, type RgbaImage } from "../src/domain/photo/image";
import { sniffImageFormat } from "../src/domain/photo/image-header";
import {
  assessQuality,
  measureQuality,
  QUALITY_WORKING_SIDE,
  type QualityMeasures,
  workingLuma,
} from "../src/domain/photo/quality";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ""), process.argv[i + 1] ?? "");
const dataDir = resolve(args.get("data") ?? join(import.meta.dirname, "../../shared/data/car_damage/training"));
const limit = Number(args.get("limit") ?? Infinity);
const dump = args.get("dump");

const require = createRequire(import.meta.url);
// Node can compile wasm from bytes (workerd cannot); the types in this project are workerd's.
const compileWasm = (path: string) =>
  (WebAssembly as unknown as { compile(bytes: Uint8Array): Promise<WebAssembly.Module> }).compile(
    readFileSync(require.resolve(path)),
  );
await initJpeg(await compileWasm("@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm"));
await initPng(await compileWasm("@jsquash/png/codec/pkg/squoosh_png_bg.wasm"));

// Deterministic pseudo-random factors per photo, so runs are reproducible.
let seed = 20261121;
const random = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
const between = (lo: number, hi: number) => lo + (hi - lo) * random();

type Degrade = (g: GreyImage, workScale: number) => GreyImage;
const map = (g: GreyImage, f: (v: number, i: number) => number): GreyImage => ({
  ...g,
  data: g.data.map((v, i) => Math.min(255, Math.max(0, Math.round(f(v, i))))),
});
const meanOf = (g: GreyImage) => g.data.reduce((a, b) => a + b, 0) / g.data.length;

export const VARIANTS: Record<string, { degrade: Degrade; shouldFail: boolean }> = {
  real: { degrade: (g) => g, shouldFail: false },
  "blur σ=1 (mild)": { degrade: (g, s) => blur(g, 1 * s), shouldFail: false },
  "blur σ=2": { degrade: (g, s) => blur(g, 2 * s), shouldFail: true },
  "blur σ=3": { degrade: (g, s) => blur(g, 3 * s), shouldFail: true },
  "blur σ=5": { degrade: (g, s) => blur(g, 5 * s), shouldFail: true },
  "dark ×0.5 (mild)": { degrade: (g) => map(g, (v) => v * 0.5), shouldFail: false },
  "dark ×0.15–0.3": {
    degrade: (g) => {
      const k = between(0.15, 0.3);
      return map(g, (v) => v * k);
    },
    shouldFail: true,
  },
  "washed out (haze)": {
    degrade: (g) => {
      const a = between(0.25, 0.4);
      return map(g, (v) => a * v + (1 - a) * 235);
    },
    shouldFail: true,
  },
  "low contrast": {
    degrade: (g) => {
      const a = between(0.15, 0.3);
      const m = meanOf(g);
      return map(g, (v) => m + a * (v - m));
    },
    shouldFail: true,
  },
  overexposed: {
    degrade: (g) => {
      const k = between(2.2, 3);
      return map(g, (v) => v * k + 50);
    },
    shouldFail: true,
  },
};

function blur(g: GreyImage, sigma: number): GreyImage {
  const radius = Math.ceil(sigma * 3);
  const kernel = new Float32Array(2 * radius + 1);
  let total = 0;
  for (let k = -radius; k <= radius; k++) total += kernel[k + radius] = Math.exp(-(k * k) / (2 * sigma * sigma));
  for (let k = 0; k < kernel.length; k++) kernel[k]! /= total;
  const { width: w, height: h } = g;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++)
        s += kernel[k + radius]! * g.data[y * w + Math.min(w - 1, Math.max(0, x + k))]!;
      tmp[y * w + x] = s;
    }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++)
        s += kernel[k + radius]! * tmp[Math.min(h - 1, Math.max(0, y + k)) * w + x]!;
      out[y * w + x] = Math.round(s);
    }
  return { data: out, width: w, height: h };
}

function greyToRgba(g: GreyImage): RgbaImage {
  const data = new Uint8ClampedArray(g.data.length * 4);
  for (let i = 0; i < g.data.length; i++) {
    data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = g.data[i]!;
    data[i * 4 + 3] = 255;
  }
  return { data, width: g.width, height: g.height };
}

const files = ["00-damage", "01-whole"]
  .flatMap((folder) =>
    readdirSync(join(dataDir, folder))
      .filter((f) => /\.(jpe?g|png)$/i.test(f))
      .sort()
      .map((f) => join(dataDir, folder, f)),
  )
  .filter((_, i, all) => i < limit || all.length <= limit);

const results: Record<
  string,
  Array<{ file: string; measures: QualityMeasures; score: ReturnType<typeof assessQuality> }>
> = {};
for (const name of Object.keys(VARIANTS)) results[name] = [];
let failedDecodes = 0;
const started = Date.now();
for (const [index, file] of files.entries()) {
  const bytes = readFileSync(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  let rgba: RgbaImage;
  try {
    rgba = sniffImageFormat(bytes) === "png" ? await decodePng(buffer) : await decodeJpeg(buffer);
  } catch {
    failedDecodes++;
    continue;
  }
  // Degrade at native resolution (capped at 1024 px to keep the blur affordable).
  const native = fitLongSide(rgba.width, rgba.height, 1024);
  const grey = lumaResized(rgba, native.width, native.height);
  const workScale =
    Math.max(native.width, native.height) / Math.min(QUALITY_WORKING_SIDE, Math.max(native.width, native.height));
  for (const [name, variant] of Object.entries(VARIANTS)) {
    const image = name === "real" ? rgba : greyToRgba(variant.degrade(grey, workScale));
    const measures = measureQuality(workingLuma(image));
    results[name]!.push({ file: file.slice(dataDir.length + 1), measures, score: assessQuality(measures) });
  }
  if (index % 200 === 199)
    console.error(`${index + 1}/${files.length} photos, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3));

console.log(`photos: ${files.length} (${failedDecodes} failed to decode), data: ${dataDir}\n`);
console.log(
  "| variant | n | pass rate | should | quality p5 / p50 / p95 | sharpness p5/p50/p95 | brightness p5/p50/p95 | contrast p5/p50/p95 | main issue |",
);
console.log("|---|---|---|---|---|---|---|---|---|");
for (const [name, rows] of Object.entries(results)) {
  const q = rows.map((r) => r.score.qualityScore);
  const tri = (xs: number[]) => `${fmt(pct(xs, 0.05))} / ${fmt(pct(xs, 0.5))} / ${fmt(pct(xs, 0.95))}`;
  const passRate = rows.filter((r) => r.score.passed).length / rows.length;
  const issues = new Map<string, number>();
  for (const r of rows)
    for (const issue of r.score.issues)
      issues.set(issue.split(" - ")[0]!, (issues.get(issue.split(" - ")[0]!) ?? 0) + 1);
  const top = [...issues.entries()].sort((a, b) => b[1] - a[1])[0];
  console.log(
    `| ${name} | ${rows.length} | ${(passRate * 100).toFixed(1)}% | ${VARIANTS[name]!.shouldFail ? "fail" : "pass"} | ${tri(q)} | ` +
      `${tri(rows.map((r) => r.score.breakdown.sharpness))} | ${tri(rows.map((r) => r.score.breakdown.brightness))} | ` +
      `${tri(rows.map((r) => r.score.breakdown.contrast))} | ${top ? `${top[0]} (${((top[1] / rows.length) * 100).toFixed(0)}%)` : "-"} |`,
  );
}

console.log("\nraw measures (p5 / p50 / p95):\n");
const keys = Object.keys(results.real![0]!.measures).filter((k) => k !== "width" && k !== "height") as Array<
  keyof QualityMeasures
>;
console.log(`| variant | ${keys.join(" | ")} |`);
console.log(`|---|${keys.map(() => "---").join("|")}|`);
for (const [name, rows] of Object.entries(results)) {
  console.log(
    `| ${name} | ${keys
      .map((k) => {
        const xs = rows.map((r) => r.measures[k]);
        return `${fmt(pct(xs, 0.05))} / ${fmt(pct(xs, 0.5))} / ${fmt(pct(xs, 0.95))}`;
      })
      .join(" | ")} |`,
  );
}

if (dump)
  writeFileSync(
    dump,
    JSON.stringify(
      Object.fromEntries(
        Object.entries(results).map(([k, rows]) => [k, rows.map((r) => ({ file: r.file, ...r.measures }))]),
      ),
    ),
  );
console.error(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
