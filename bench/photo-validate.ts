// POST /claims/validate end to end for a 1280×960 JPEG against the local wrangler dev (p50/p99
// over --requests, with the Worker's split into decode, quality, inference and storage), and
// the damage model's inference inside workerd next to onnxruntime-node on the same model and
// input, in the same run.
//   npm run bench:photo-validate [-- --requests 200]
import { readFileSync } from "node:fs";
import * as ortNode from "onnxruntime-node";
import { startLocalServer } from "../scripts/lib/local-server";
import { apiClient } from "./lib/api";
import { startBenchWorker } from "./lib/bench-worker";
import { benchJpeg } from "./lib/photo";
import { percentile, serverTiming } from "./lib/stats";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const requests = arg("requests", 200);
const REFERENCE_SERVICE_P50_MS = 48;

const image = Buffer.from(await benchJpeg()).toString("base64");
const server = await startLocalServer(".bench-state");
try {
  const { post, login } = apiClient(server.baseUrl);
  const admin = await login(server.adminEmail, server.adminPassword);
  await post(
    "/api/v1/auth/register",
    {
      email: "bench@mobile.test",
      password: "bench-password",
      first_name: "B",
      last_name: "M",
      role: "customer",
      customer_id: "BENCH",
    },
    admin,
  );
  const customer = await login("bench@mobile.test", "bench-password");

  const wall: number[] = [];
  const split: Record<string, number[]> = { decode: [], quality: [], inference: [], storage: [] };
  for (let i = 0; i < requests + 20; i++) {
    const started = performance.now();
    const res = await fetch(`${server.baseUrl}/api/v1/claims/validate`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${customer}` },
      body: JSON.stringify({ claim_id: `BENCH-${i}`, customer_id: "BENCH", image }),
    });
    if (res.status !== 200) throw new Error(`validate failed: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    if (i < 20) continue;
    wall.push(performance.now() - started);
    const timing = serverTiming(res.headers.get("server-timing"));
    for (const stage of Object.keys(split)) split[stage]!.push(timing[stage] ?? NaN);
  }
  console.log(`\nPOST /claims/validate, 1280×960 JPEG as base64 JSON, ${requests} requests after 20 warm-up (ms):`);
  console.log("| | p50 | p99 |");
  console.log("|---|---:|---:|");
  console.log(`| end to end (HTTP) | ${percentile(wall, 50).toFixed(1)} | ${percentile(wall, 99).toFixed(1)} |`);
  for (const [stage, values] of Object.entries(split))
    console.log(
      `| ${stage} (Server-Timing) | ${percentile(values, 50).toFixed(1)} | ${percentile(values, 99).toFixed(1)} |`,
    );
  console.log(
    `the damage-photo validation service it replaces reports ${REFERENCE_SERVICE_P50_MS} ms: ours / theirs = ${(percentile(wall, 50) / REFERENCE_SERVICE_P50_MS).toFixed(2)}`,
  );
} finally {
  server.stop();
}

// The same model and input size in onnxruntime-node, next to workerd (bench/worker).
// One thread, like the Worker's onnxruntime-web.
const session = await ortNode.InferenceSession.create(readFileSync("models/damage/damage-classifier.onnx"), {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
});
const input = new Float32Array(3 * 224 * 224).map((_, i) => Math.sin(i) * 0.5);
const native: number[] = [];
for (let i = 0; i < 60; i++) {
  const t = performance.now();
  await session.run({ image: new ortNode.Tensor("float32", input, [1, 3, 224, 224]) });
  if (i >= 10) native.push(performance.now() - t);
}
const benchWorker = await startBenchWorker();
try {
  await fetch(`${benchWorker.url}/damage?n=5`);
  const inside: number[] = [];
  for (let round = 0; round < 5; round++)
    inside.push(
      ((await (await fetch(`${benchWorker.url}/damage?n=20`)).json()) as { per_inference_ms: number }).per_inference_ms,
    );
  const w = percentile(inside, 50);
  const n = percentile(native, 50);
  console.log(
    `\ndamage model inference, one 224×224 photo: workerd (onnxruntime-web wasm) ${w.toFixed(2)} ms, onnxruntime-node native (1 thread) ${n.toFixed(2)} ms, ratio ${(w / n).toFixed(2)}`,
  );
} finally {
  benchWorker.stop();
}
