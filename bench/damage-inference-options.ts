// The damage model's inference inside workerd (onnxruntime-web wasm, one thread) under different
// session options and model files, each as a ratio to the served model's native single-thread
// time (onnxruntime-node) measured in the same run, before and after the workerd runs.
//   npm run bench:damage-inference [-- --runs 40 --rounds 3] [-- --model path.onnx …extra models]
import { readFileSync } from "node:fs";
import * as ortNode from "onnxruntime-node";
import { startBenchWorker } from "./lib/bench-worker";
import { percentile } from "./lib/stats";

const SERVED_MODEL = "models/damage/damage-classifier.onnx";
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 40;
const roundsArg = process.argv.indexOf("--rounds");
// Variants take turns, round after round, so that a burst of load on the machine hits them all.
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
const extraModels = process.argv.flatMap((a, i) => (process.argv[i - 1] === "--model" ? [a] : []));

const input = new Float32Array(3 * 224 * 224).map((_, i) => Math.sin(i) * 0.5);
async function nativeTimes(path: string, n: number) {
  const session = await ortNode.InferenceSession.create(readFileSync(path), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
  });
  const times: number[] = [];
  let probabilities: number[] = [];
  for (let i = 0; i < n + 10; i++) {
    const started = performance.now();
    const out = await session.run({ image: new ortNode.Tensor("float32", input, [1, 3, 224, 224]) });
    if (i >= 10) times.push(performance.now() - started);
    probabilities = Array.from(out.probabilities!.data as Float32Array);
  }
  await session.release();
  return { times, probabilities };
}

const variants: { name: string; model: string; options: Record<string, unknown> }[] = [
  {
    name: "served: graphOptimizationLevel all (as the Worker runs it)",
    model: SERVED_MODEL,
    options: { graphOptimizationLevel: "all" },
  },
  { name: "optimisation disabled", model: SERVED_MODEL, options: { graphOptimizationLevel: "disabled" } },
  { name: "basic", model: SERVED_MODEL, options: { graphOptimizationLevel: "basic" } },
  {
    name: "all + memory arena + memory pattern",
    model: SERVED_MODEL,
    options: { graphOptimizationLevel: "all", enableCpuMemArena: true, enableMemPattern: true },
  },
  {
    name: "all + arena + pattern + batch fixed at 1",
    model: SERVED_MODEL,
    options: {
      graphOptimizationLevel: "all",
      enableCpuMemArena: true,
      enableMemPattern: true,
      freeDimensionOverrides: { batch: 1 },
    },
  },
  ...extraModels.map((model) => ({
    name: `${model}: all + arena + pattern + batch 1`,
    model,
    options: {
      graphOptimizationLevel: "all",
      enableCpuMemArena: true,
      enableMemPattern: true,
      freeDimensionOverrides: { batch: 1 },
    },
  })),
];

const nativeBefore = await nativeTimes(SERVED_MODEL, runs);
const worker = await startBenchWorker();
const rows: {
  variant: string;
  "create ms": string;
  "p50 ms": string;
  "p99 ms": string;
  "p50 × native": string;
  "max |Δp| vs native": string;
}[] = [];
const results = variants.map((v) => ({
  name: v.name,
  create: [] as number[],
  times: [] as number[],
  probabilities: [] as number[],
}));
try {
  for (let round = 0; round < rounds; round++) {
    for (const [i, variant] of variants.entries()) {
      const res = await fetch(
        `${worker.url}/session-options?n=${runs}&options=${encodeURIComponent(JSON.stringify(variant.options))}`,
        { method: "POST", body: readFileSync(variant.model) },
      );
      if (!res.ok) throw new Error(`${variant.name}: ${res.status} ${await res.text()}`);
      const body = (await res.json()) as { create_ms: number; times: number[]; probabilities: number[] };
      // The first session of the isolate also pays the wasm initialisation.
      if (round > 0 || i > 0) results[i]!.create.push(body.create_ms);
      results[i]!.times.push(...body.times);
      results[i]!.probabilities = body.probabilities;
    }
  }
} finally {
  worker.stop();
}
const nativeAfter = await nativeTimes(SERVED_MODEL, runs);
const native = percentile([...nativeBefore.times, ...nativeAfter.times], 50);
for (const r of results) {
  const delta = Math.max(...r.probabilities.map((p, i) => Math.abs(p - nativeBefore.probabilities[i]!)));
  rows.push({
    variant: r.name,
    "create ms": percentile(r.create, 50).toFixed(0),
    "p50 ms": percentile(r.times, 50).toFixed(2),
    "p99 ms": percentile(r.times, 99).toFixed(2),
    "p50 × native": (percentile(r.times, 50) / native).toFixed(2),
    "max |Δp| vs native": delta.toExponential(1),
  });
}
for (const model of extraModels) {
  const other = await nativeTimes(model, runs);
  console.log(
    `native ${model}: p50 ${percentile(other.times, 50).toFixed(2)} ms (${(percentile(other.times, 50) / native).toFixed(2)}× the served model's native)`,
  );
}
console.log(
  `\ndamage model, one 224×224 photo, ${rounds} rounds of ${runs} runs each (session creation: median over rounds); native = the served model (${SERVED_MODEL}) in onnxruntime-node on 1 thread, p50 ${native.toFixed(2)} ms (before ${percentile(nativeBefore.times, 50).toFixed(2)}, after ${percentile(nativeAfter.times, 50).toFixed(2)})`,
);
console.table(rows);
