// Where the damage model's time goes, layer by layer, in workerd (onnxruntime-web wasm, one thread)
// and natively (onnxruntime-node, one thread) in the same run: the model is cut after each
// activation, every cut is timed whole, and a layer's cost is the difference to the previous cut.
//   npm run bench:damage-layers [-- --runs 30 --rounds 3]
import { readFileSync } from "node:fs";
import * as ortNode from "onnxruntime-node";
import { startBenchWorker } from "./lib/bench-worker";
import { graphNodes, graphPrefix } from "./lib/onnx-graph-prefix";

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 30;
const roundsArg = process.argv.indexOf("--rounds");
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 3;
const model = new Uint8Array(readFileSync("models/damage/damage-classifier.onnx"));
const input = new Float32Array(3 * 224 * 224).map((_, i) => Math.sin(i) * 0.5);

// Cut after every activation (Clip) and at the end (pooling, head, softmax).
const nodes = graphNodes(model);
const cuts = nodes.flatMap((node, i) => (node.opType === "Clip" || i === nodes.length - 1 ? [i] : []));
const parts = cuts.map((last) => ({ name: nodes[last]!.output.replace(/^\/|\/act\/Clip_output_0$/g, ""), last }));

/** Mean of the middle 80 %: workerd's clock ticks in whole ms, so a median of sub-ms parts would be 0 or 1. */
function trimmedMean(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = sorted.slice(Math.floor(sorted.length * 0.1), Math.ceil(sorted.length * 0.9));
  return middle.reduce((sum, t) => sum + t, 0) / middle.length;
}

async function nativeMs(bytes: Uint8Array): Promise<number> {
  const session = await ortNode.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const times: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const started = performance.now();
    await session.run({ image: new ortNode.Tensor("float32", input, [1, 3, 224, 224]) });
    if (i >= 5) times.push(performance.now() - started);
  }
  await session.release();
  return trimmedMean(times);
}

const worker = await startBenchWorker();
try {
  const workerdMs = async (bytes: Uint8Array): Promise<number> => {
    const res = await fetch(
      `${worker.url}/session-options?n=${runs}&options=${encodeURIComponent(JSON.stringify({ graphOptimizationLevel: "all" }))}`,
      { method: "POST", body: bytes },
    );
    if (!res.ok) throw new Error(`bench worker: ${res.status} ${await res.text()}`);
    return trimmedMean(((await res.json()) as { times: number[] }).times);
  };
  // Rounds over all cuts, keeping each cut's fastest round: a burst of load on the shared machine skews one round only.
  const rows = parts.map(({ name }) => ({ name, native: Infinity, workerd: Infinity }));
  for (let round = 0; round < rounds; round++)
    for (const [i, { last }] of parts.entries()) {
      const prefix = graphPrefix(model, last);
      const row = rows[i]!;
      row.native = Math.min(row.native, await nativeMs(prefix));
      row.workerd = Math.min(row.workerd, await workerdMs(prefix));
    }
  console.log(
    `\ndamage model, cumulative time up to each cut and each layer's share (ms, mean of the middle 80 % of ${runs} runs):`,
  );
  console.log("| layer | native | workerd | layer native | layer workerd | layer workerd / native |");
  console.log("|---|---:|---:|---:|---:|---:|");
  const totals = new Map<string, { native: number; workerd: number }>();
  rows.forEach((row, i) => {
    const native = row.native - (rows[i - 1]?.native ?? 0);
    const workerd = row.workerd - (rows[i - 1]?.workerd ?? 0);
    const kind = row.name.endsWith("/dw") ? "depthwise 3×3" : row.name.endsWith("/pw") ? "pointwise 1×1" : row.name;
    const total = totals.get(kind) ?? { native: 0, workerd: 0 };
    totals.set(kind, { native: total.native + native, workerd: total.workerd + workerd });
    console.log(
      `| ${row.name} | ${row.native.toFixed(2)} | ${row.workerd.toFixed(2)} | ${native.toFixed(2)} | ${workerd.toFixed(2)} | ${(workerd / native).toFixed(1)} |`,
    );
  });
  console.log("\nby kind of layer (sum of the layers' differences):");
  console.log("| kind | native ms | workerd ms | workerd / native | share of workerd time |");
  console.log("|---|---:|---:|---:|---:|");
  const all = rows.at(-1)!.workerd;
  for (const [kind, t] of totals)
    console.log(
      `| ${kind} | ${t.native.toFixed(2)} | ${t.workerd.toFixed(2)} | ${(t.workerd / t.native).toFixed(1)} | ${((100 * t.workerd) / all).toFixed(0)} % |`,
    );
} finally {
  worker.stop();
}
