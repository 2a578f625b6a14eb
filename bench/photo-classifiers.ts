// The three photo classifiers (damage, car colour, damage severity), one 224×224 photo each:
// inference inside workerd (onnxruntime-web wasm, one thread, bench/worker) next to the same
// model in onnxruntime-node (native, one thread) in the same run, and the cost of running all
// three on one FNOL damage photo against the damage model alone.
//   npm run bench:photo-classifiers [-- --rounds 7 --n 20]
import { readFileSync } from "node:fs";
import * as ortNode from "onnxruntime-node";
import { startBenchWorker } from "./lib/bench-worker";
import { percentile } from "./lib/stats";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg("rounds", 7);
const n = arg("n", 20);
const MODELS = {
  damage: "models/damage/damage-classifier.onnx",
  colour: "models/colour/colour-classifier.onnx",
  severity: "models/severity/severity-classifier.onnx",
};
const input = new Float32Array(3 * 224 * 224).map((_, i) => Math.sin(i) * 0.5);

async function nativeMs(file: string): Promise<number> {
  const session = await ortNode.InferenceSession.create(readFileSync(file), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
  });
  const feeds = { image: new ortNode.Tensor("float32", input, [1, 3, 224, 224]) };
  for (let i = 0; i < 10; i++) await session.run(feeds);
  const perRound: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (let i = 0; i < n; i++) await session.run(feeds);
    perRound.push((performance.now() - t) / n);
  }
  return percentile(perRound, 50);
}

const worker = await startBenchWorker();
const rows: { model: string; workerd: number; native: number; mb: number }[] = [];
try {
  for (const [model, file] of Object.entries(MODELS)) {
    await fetch(`${worker.url}/photo-classifier?model=${model}&n=3`); // session creation and warm-up
    const inside: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const res = await fetch(`${worker.url}/photo-classifier?model=${model}&n=${n}`);
      if (!res.ok) throw new Error(`bench worker: ${res.status} ${await res.text()}`);
      inside.push(((await res.json()) as { per_inference_ms: number }).per_inference_ms);
    }
    rows.push({
      model,
      workerd: percentile(inside, 50),
      native: await nativeMs(file),
      mb: readFileSync(file).length / 1e6,
    });
  }
} finally {
  worker.stop();
}

console.log(`\nphoto classifiers, one 224×224 input, median of ${rounds} rounds × ${n} inferences (ms):`);
console.log("| model | size MB | workerd (onnxruntime-web wasm) | onnxruntime-node (native) | workerd / native |");
console.log("|---|---:|---:|---:|---:|");
for (const r of rows)
  console.log(
    `| ${r.model} | ${r.mb.toFixed(2)} | ${r.workerd.toFixed(2)} | ${r.native.toFixed(2)} | ${(r.workerd / r.native).toFixed(2)} |`,
  );
const all = rows.reduce((s, r) => s + r.workerd, 0);
const damage = rows.find((r) => r.model === "damage")!.workerd;
console.log(
  `all three on one FNOL damage photo in workerd: ${all.toFixed(2)} ms, ${(all / damage).toFixed(2)}x the damage model alone`,
);
