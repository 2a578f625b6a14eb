/**
 * How well the perceptual hash tells "same photo" from "another photo", on the real car photos:
 *
 *   nice -n 10 npx tsx bench/photo-phash-pairs.ts [--data ../shared/data/car_damage/training] [--limit N]
 *
 * Same photo: each photo resized to 60% and re-encoded as JPEG q70, and brightened 10% —
 * distance to the original's hash. Other photos: every pair of distinct files — how many fall
 * within NEAR_DUPLICATE_MAX_DISTANCE (the data set holds a few exact duplicates, listed).
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import decodeJpeg, { init as initJpegDecoder } from "@jsquash/jpeg/decode.js";
import encodeJpeg, { init as initJpegEncoder } from "@jsquash/jpeg/encode.js";
import { boxBounds, type RgbaImage } from "../src/domain/photo/image";
import { hammingDistance, NEAR_DUPLICATE_MAX_DISTANCE, perceptualHash } from "../src/domain/photo/phash";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ""), process.argv[i + 1] ?? "");
const dataDir = resolve(args.get("data") ?? join(import.meta.dirname, "../../shared/data/car_damage/training"));
const limit = Number(args.get("limit") ?? Infinity);

const require = createRequire(import.meta.url);
const compileWasm = (path: string) =>
  (WebAssembly as unknown as { compile(bytes: Uint8Array): Promise<WebAssembly.Module> }).compile(
    readFileSync(require.resolve(path)),
  );
await initJpegDecoder(await compileWasm("@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm"));
await initJpegEncoder(await compileWasm("@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm"));

function resize(image: RgbaImage, outW: number, outH: number): RgbaImage {
  const cols = boxBounds(image.width, outW);
  const rows = boxBounds(image.height, outH);
  const data = new Uint8ClampedArray(outW * outH * 4);
  for (let oy = 0; oy < outH; oy++)
    for (let ox = 0; ox < outW; ox++)
      for (let c = 0; c < 4; c++) {
        let s = 0;
        for (let y = rows.start[oy]!; y < rows.end[oy]!; y++)
          for (let x = cols.start[ox]!; x < cols.end[ox]!; x++) s += image.data[(y * image.width + x) * 4 + c]!;
        data[(oy * outW + ox) * 4 + c] = s / ((rows.end[oy]! - rows.start[oy]!) * (cols.end[ox]! - cols.start[ox]!));
      }
  return { data, width: outW, height: outH };
}

const files = ["00-damage", "01-whole"]
  .flatMap((folder) =>
    readdirSync(join(dataDir, folder))
      .filter((f) => /\.jpe?g$/i.test(f))
      .sort()
      .map((f) => join(folder, f)),
  )
  .slice(0, limit);

const hashes: string[] = [];
const sameDistances: Record<string, number[]> = { "resized 60% + JPEG q70": [], "brightened 10%": [] };
for (const file of files) {
  const bytes = readFileSync(join(dataDir, file));
  const image = await decodeJpeg(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const hash = perceptualHash(image);
  hashes.push(hash);
  const small = resize(image, Math.round(image.width * 0.6), Math.round(image.height * 0.6));
  const reencoded = await decodeJpeg(
    await encodeJpeg(small as unknown as Parameters<typeof encodeJpeg>[0], { quality: 70 }),
  );
  sameDistances["resized 60% + JPEG q70"]!.push(hammingDistance(hash, perceptualHash(reencoded)));
  const bright = {
    ...image,
    data: image.data.map((v: number, i: number) => (i % 4 === 3 ? v : Math.min(255, v * 1.1))),
  };
  sameDistances["brightened 10%"]!.push(hammingDistance(hash, perceptualHash(bright)));
}

const histogram = new Array(65).fill(0);
const close: string[] = [];
let pairs = 0;
for (let i = 0; i < hashes.length; i++)
  for (let j = i + 1; j < hashes.length; j++) {
    const d = hammingDistance(hashes[i]!, hashes[j]!);
    histogram[d]++;
    pairs++;
    if (d <= NEAR_DUPLICATE_MAX_DISTANCE) close.push(`${files[i]} ~ ${files[j]} (${d})`);
  }

const pct = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
console.log(`${files.length} photos, threshold: distance <= ${NEAR_DUPLICATE_MAX_DISTANCE} of 64 bits\n`);
const within = (ds: number[], t: number) => `${((100 * ds.filter((d) => d <= t).length) / ds.length).toFixed(1)}%`;
console.log("| same photo, changed | within threshold | within 6 / 7 / 10 | distance p50 / p95 / max |");
console.log("|---|---|---|---|");
for (const [name, ds] of Object.entries(sameDistances))
  console.log(
    `| ${name} | ${within(ds, NEAR_DUPLICATE_MAX_DISTANCE)} | ${within(ds, 6)} / ${within(ds, 7)} / ${within(ds, 10)} | ${pct(ds, 0.5)} / ${pct(ds, 0.95)} / ${Math.max(...ds)} |`,
  );
const cumulative = (max: number) => histogram.slice(0, max + 1).reduce((a: number, b: number) => a + b, 0);
console.log(
  `\ndistinct files: ${pairs} pairs; within ${NEAR_DUPLICATE_MAX_DISTANCE}: ${cumulative(NEAR_DUPLICATE_MAX_DISTANCE)} (${((100 * cumulative(NEAR_DUPLICATE_MAX_DISTANCE)) / pairs).toFixed(4)}%); exactly 0: ${histogram[0]}; within 6: ${cumulative(6)}; within 7: ${cumulative(7)}; within 10: ${cumulative(10)}; within 12: ${cumulative(12)}; within 16: ${cumulative(16)}`,
);
console.log(close.slice(0, 40).join("\n"));
