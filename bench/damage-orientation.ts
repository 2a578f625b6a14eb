// Why photos are turned upright by their EXIF orientation before the models see them: the damage
// model on the held-out test split, upright and as a phone stores a portrait shot (sideways) when
// the orientation is ignored. Needs ../shared/data and /usr/bin/python3 (for the split).
//   npx tsx bench/damage-orientation.ts
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import decodeJpeg, { init as initJpeg } from "@jsquash/jpeg/decode.js";
import * as ort from "onnxruntime-node";
import { orientUpright } from "../src/domain/photo/orientation";
import { damageModelInput } from "../src/domain/photo/preprocess";

const require = createRequire(import.meta.url);
// Node compiles wasm from bytes; the Workers types leave compile() out.
const nodeWasm = WebAssembly as unknown as { compile(bytes: Uint8Array): Promise<WebAssembly.Module> };
await initJpeg(await nodeWasm.compile(readFileSync(require.resolve("@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm"))));
const session = await ort.InferenceSession.create("models/damage/damage-classifier.onnx");
const seed = JSON.parse(readFileSync("models/damage/metrics.json", "utf8")).seed as number;
// The training run's own split (training/damage/train.py), so these are photos it never saw.
const items = JSON.parse(
  execFileSync(
    "/usr/bin/python3",
    [
      "-c",
      `import sys, json; sys.argv = ["x"]; sys.path[:0] = ["training/damage", "training"]; import train
from pathlib import Path
items, _ = train.list_dataset(Path("../shared/data/car_damage/training"))
print(json.dumps([[str(items[i]["path"]), int(items[i]["label"])] for i in train.stratified_split(items, ${seed})["test"]]))`,
    ],
    { encoding: "utf8", maxBuffer: 1 << 26 },
  )
    .trim()
    .split("\n")
    .at(-1)!,
) as [string, number][];

const VIEWS = [
  ["upright (orientation applied, or none)", 1],
  ["stored for orientation 6, ignored", 8],
  ["stored for orientation 8, ignored", 6],
  ["stored for orientation 3, ignored", 3],
] as const;
const tally = VIEWS.map(() => ({ right: 0, approvedDamaged: 0, approvedWhole: 0 }));
const damaged = items.filter(([, label]) => label === 1).length;
for (const [path, label] of items) {
  const bytes = readFileSync(path);
  const image = await decodeJpeg(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  for (const [k, [, turn]] of VIEWS.entries()) {
    const input = damageModelInput(orientUpright(image, turn));
    const out = await session.run({ image: new ort.Tensor("float32", input, [1, 3, 224, 224]) });
    const p = (out.probabilities!.data as Float32Array)[1]!;
    const t = tally[k]!;
    if ((p >= 0.5 ? 1 : 0) === label) t.right++;
    if (p >= 0.7) label === 1 ? t.approvedDamaged++ : t.approvedWhole++;
  }
}
console.log(`damage model, held-out test split (${items.length} photos, ${damaged} damaged):`);
console.log("| photo as the model sees it | accuracy | damaged APPROVED | undamaged APPROVED (false) |");
console.log("|---|---|---|---|");
for (const [k, [name]] of VIEWS.entries()) {
  const t = tally[k]!;
  const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
  console.log(
    `| ${name} | ${pct(t.right, items.length)} | ${pct(t.approvedDamaged, damaged)} | ${pct(t.approvedWhole, items.length - damaged)} |`,
  );
}
