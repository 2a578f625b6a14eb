// Reduced (DCT-scaled, libjpeg-turbo) against full (@jsquash mozjpeg) decoding of the real car
// photos the API accepts: the quality gate's pass/fail and the damage model's decision must agree.
// Photos decoded at scale 1 take the unchanged full path and are only counted. Then the decode
// time of the benchmarks' 1280×960 JPEG, full against reduced, interleaved in the same run (V8's wasm).
//   npx tsx bench/photo-decode-agreement.ts [--data ../shared/data/car_damage/training]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import decodeJpeg, { init as initJpeg } from "@jsquash/jpeg/decode.js";
import * as ortNode from "onnxruntime-node";
import { decidePhotoClaim, interpretDamageProbabilities } from "../src/domain/photo/decision";
import { jpegDecodeScale, PHOTO_DECODE_NEEDS } from "../src/domain/photo/decode-scale";
import type { RgbaImage } from "../src/domain/photo/image";
import { inspectImage } from "../src/domain/photo/image-header";
import { damageModelInput } from "../src/domain/photo/preprocess";
import { assessPhotoQuality } from "../src/domain/photo/quality";
import { createJpegTurboDecoder } from "../src/image/jpeg-turbo";

import { benchJpeg, compileWasm } from "./lib/photo";
import { percentile } from "./lib/stats";

const i = process.argv.indexOf("--data");
const dataDir = resolve(
  i > 0 ? process.argv[i + 1]! : join(import.meta.dirname, "../../shared/data/car_damage/training"),
);
if (!existsSync(dataDir)) {
  console.log(`skipped: ${dataDir} is absent (the shared car photos are not in the repository)`);
  process.exit(0);
}
await initJpeg(await compileWasm("@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm"));
const turbo = createJpegTurboDecoder(await compileWasm("@cwasm/jpeg-turbo/jpeg-turbo.wasm"));
const session = await ortNode.InferenceSession.create(readFileSync("models/damage/damage-classifier.onnx"), {
  intraOpNumThreads: 1,
});
const decide = async (image: RgbaImage) => {
  const out = await session.run({ image: new ortNode.Tensor("float32", damageModelInput(image), [1, 3, 224, 224]) });
  const probabilities = Array.from(out.probabilities!.data as Float32Array);
  return { pDamage: probabilities[1]!, status: decidePhotoClaim(interpretDamageProbabilities(probabilities)).status };
};

const files: string[] = [];
const walk = (dir: string) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.(jpe?g|png)$/i.test(name)) files.push(path);
  }
};
walk(dataDir);

let refused = 0;
let full = 0;
const rows: { quality: boolean; scoreDiff: number; decision: boolean; pDiff: number; scale: number }[] = [];
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const header = inspectImage(bytes);
  if (!header.ok) {
    refused++;
    continue;
  }
  const { width, height, format } = header.value;
  const scale = format === "jpeg" ? jpegDecodeScale(width, height, PHOTO_DECODE_NEEDS) : 1;
  if (scale === 1) {
    full++;
    continue;
  }
  const a = await decodeJpeg(bytes.slice().buffer, { preserveOrientation: false });
  const b = (await turbo(bytes, scale)).image;
  const [qa, qb] = [assessPhotoQuality(a), assessPhotoQuality(b)];
  const [da, db] = [await decide(a), await decide(b)];
  rows.push({
    quality: qa.passed === qb.passed,
    scoreDiff: Math.abs(qa.qualityScore - qb.qualityScore),
    decision: da.status === db.status,
    pDiff: Math.abs(da.pDamage - db.pDamage),
    scale,
  });
}
const share = (f: (r: (typeof rows)[number]) => boolean) => `${rows.filter(f).length}/${rows.length}`;
const max = (f: (r: (typeof rows)[number]) => number) => Math.max(0, ...rows.map(f)).toFixed(3);
console.log(
  `${files.length} photos: ${refused} refused by the header checks (under 320×320), ${full} decoded in full (unchanged path), ${rows.length} decoded reduced`,
);
console.log("| reduced vs full decode | agree | max difference |");
console.log("|---|---:|---:|");
console.log(`| quality gate pass/fail | ${share((r) => r.quality)} | quality_score ${max((r) => r.scoreDiff)} |`);
console.log(`| damage decision (status) | ${share((r) => r.decision)} | p(damage) ${max((r) => r.pDiff)} |`);

const jpeg = await benchJpeg();
const times = { full: [] as number[], reduced: [] as number[] };
for (let round = 0; round < 40; round++) {
  let t = performance.now();
  await decodeJpeg(jpeg.slice().buffer, { preserveOrientation: false });
  if (round >= 5) times.full.push(performance.now() - t);
  t = performance.now();
  await turbo(jpeg, jpegDecodeScale(1280, 960, PHOTO_DECODE_NEEDS));
  if (round >= 5) times.reduced.push(performance.now() - t);
}
const [f, r] = [percentile(times.full, 50), percentile(times.reduced, 50)];
console.log(
  `\n1280×960 JPEG decode p50: full (@jsquash mozjpeg) ${f.toFixed(1)} ms, reduced to 640×480 (libjpeg-turbo) ${r.toFixed(1)} ms, ratio ${(r / f).toFixed(2)}`,
);
