/**
 * Photo pipeline stages (as src/image/pipeline.ts runs them) for a 1280x960 JPEG (generated, quality 85), timed in Node 22 on the
 * same V8 and the same @jsquash wasm as workerd:
 *
 *   nice -n 10 npx tsx bench/photo-pipeline.ts [--runs 200] [--width 1280] [--height 960]
 *
 * Prints p50/p99 per stage in ms and as a ratio to a baseline measured in the same run (one
 * pass summing the decoded RGBA bytes), so results compare across machines. The HTTP
 * end-to-end part (wrangler dev, POST /claims/validate) is added by the API bench.
 */
import decodeJpeg, { init as initJpegDecoder } from "@jsquash/jpeg/decode.js";
import { decodeBase64Image } from "../src/domain/photo/base64";
import { inspectImage } from "../src/domain/photo/image-header";
import { perceptualHashOfLuma } from "../src/domain/photo/phash";
import { damageModelInput } from "../src/domain/photo/preprocess";
import { assessQuality, measureQuality, workingLuma } from "../src/domain/photo/quality";
import { benchJpeg, compileWasm } from "./lib/photo";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ""), process.argv[i + 1] ?? "");
const runs = Number(args.get("runs") ?? 200);
const width = Number(args.get("width") ?? 1280);
const height = Number(args.get("height") ?? 960);

await initJpegDecoder(await compileWasm("@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm"));
const jpeg = await benchJpeg(width, height);
const base64 = Buffer.from(jpeg).toString("base64");

const timings: Record<string, number[]> = {
  baseline: [],
  "base64 decode": [],
  "header checks": [],
  "JPEG decode": [],
  "quality: luma working copy": [],
  "quality: measures + scores": [],
  "model input": [],
  phash: [],
  "total (no inference)": [],
};

let sink = 0;
for (let run = -20; run < runs; run++) {
  const t0 = performance.now();
  const bytes = decodeBase64Image(base64);
  if (!bytes.ok) throw new Error(bytes.error.message);
  const t1 = performance.now();
  const header = inspectImage(bytes.value);
  if (!header.ok) throw new Error(header.error.message);
  const t2 = performance.now();
  const view = bytes.value;
  const image = await decodeJpeg(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer);
  const t3 = performance.now();
  const luma = workingLuma(image);
  const t3b = performance.now();
  const quality = assessQuality(measureQuality(luma));
  const t4 = performance.now();
  const input = damageModelInput(image);
  const t5 = performance.now();
  const hash = perceptualHashOfLuma(luma);
  const t6 = performance.now();
  let sum = 0;
  const d = image.data;
  for (let i = 0; i < d.length; i++) sum += d[i]!;
  const t7 = performance.now();
  sink += sum + quality.qualityScore + input[0]! + hash.length;
  if (run < 0) continue;
  timings["base64 decode"]!.push(t1 - t0);
  timings["header checks"]!.push(t2 - t1);
  timings["JPEG decode"]!.push(t3 - t2);
  timings["quality: luma working copy"]!.push(t3b - t3);
  timings["quality: measures + scores"]!.push(t4 - t3b);
  timings["model input"]!.push(t5 - t4);
  timings.phash!.push(t6 - t5);
  timings.baseline!.push(t7 - t6);
  timings["total (no inference)"]!.push(t6 - t0);
}

const pct = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const baseline = pct(timings.baseline!, 0.5);
console.log(
  `photo pipeline, ${width}x${height} JPEG q85 (${(jpeg.length / 1024).toFixed(0)} KB, base64 ${(base64.length / 1024).toFixed(0)} KB), ${runs} runs, Node ${process.version}`,
);
console.log(`baseline = one pass summing ${width * height * 4} RGBA bytes, p50 ${baseline.toFixed(2)} ms\n`);
console.log("| stage | p50 ms | p99 ms | p50 / baseline |");
console.log("|---|---|---|---|");
for (const [stage, xs] of Object.entries(timings)) {
  if (stage === "baseline") continue;
  console.log(
    `| ${stage} | ${pct(xs, 0.5).toFixed(2)} | ${pct(xs, 0.99).toFixed(2)} | ${(pct(xs, 0.5) / baseline).toFixed(1)}x |`,
  );
}
if (Number.isNaN(sink)) console.log("");
