// POST /claims/validate end to end for a 1280×960 JPEG (raw image/jpeg body) against a fresh
// local wrangler dev: the first request (cold isolate: model fetch, ORT init), then p50/p99 over
// --requests with the Worker's split into decode, quality, inference and storage, as ratios to
// the damage model's native single-thread inference (onnxruntime-node) measured in the same run
// (before and after the route, so machine load hits both); then the model inside workerd vs native.
//   npm run bench:photo-validate [-- --requests 200]
import { readFileSync } from "node:fs";
import * as ortNode from "onnxruntime-node";
import { startLocalServer } from "../scripts/lib/local-server";
import { signupBody } from "../test/customers/signup-body";
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

// One thread, like the Worker's onnxruntime-web.
const session = await ortNode.InferenceSession.create(readFileSync("models/damage/damage-classifier.onnx"), {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
});
const input = new Float32Array(3 * 224 * 224).map((_, i) => Math.sin(i) * 0.5);
const native: number[] = [];
async function measureNative(runs: number) {
  for (let i = 0; i < runs + 10; i++) {
    const t = performance.now();
    await session.run({ image: new ortNode.Tensor("float32", input, [1, 3, 224, 224]) });
    if (i >= 10) native.push(performance.now() - t);
  }
}
await measureNative(60);

const image = await benchJpeg();
// A load test is a burst by design: the expensive-work rate limits would answer it with 429.
const server = await startLocalServer(".bench-state", undefined, { RATE_LIMITS: "off" });
try {
  const { post, login } = apiClient(server.baseUrl);
  // A customer signs up as in the app (a customer user must belong to a customer that exists).
  const signup = signupBody();
  const { customer_id: customerId } = (await post("/api/v1/customers", signup)) as { customer_id: string };
  const customer = await login(signup.email, signup.password);

  const validate = (i: number) =>
    fetch(`${server.baseUrl}/api/v1/claims/validate?claim_id=BENCH-${i}&customer_id=${customerId}`, {
      method: "POST",
      headers: { "content-type": "image/jpeg", authorization: `Bearer ${customer}` },
      body: image,
    });
  // The first photo in a fresh isolate: the damage model comes from R2 and ORT initialises.
  const coldStarted = performance.now();
  const cold = await validate(-1);
  if (cold.status !== 200) throw new Error(`validate failed: ${cold.status} ${await cold.text()}`);
  await cold.arrayBuffer();
  const coldMs = performance.now() - coldStarted;
  const coldTiming = cold.headers.get("server-timing");

  // The floor: what any authenticated request costs over the same wrangler dev (HTTP, proxy, auth, one D1 read).
  const floor: number[] = [];
  const floorWorker: number[] = [];
  for (let i = 0; i < requests + 20; i++) {
    const started = performance.now();
    const res = await fetch(`${server.baseUrl}/api/v1/auth/me`, { headers: { authorization: `Bearer ${customer}` } });
    if (res.status !== 200) throw new Error(`auth/me failed: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    if (i < 20) continue;
    floor.push(performance.now() - started);
    floorWorker.push(serverTiming(res.headers.get("server-timing")).total ?? NaN);
  }

  const wall: number[] = [];
  const phases = [
    "auth",
    "body",
    "decode",
    "quality",
    "turn",
    "model_wait",
    "inference",
    "storage",
    "storage_wait",
    "claim_write",
    "handler",
    "total",
  ];
  const split: Record<string, number[]> = Object.fromEntries(phases.map((phase) => [phase, []]));
  // Time inside the Worker in no named phase (routing, validation, JSON), and outside it (HTTP, wrangler's proxy).
  const unnamed: number[] = [];
  const outside: number[] = [];
  for (let i = 0; i < requests + 20; i++) {
    const started = performance.now();
    const res = await validate(i);
    if (res.status !== 200) throw new Error(`validate failed: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    if (i < 20) continue;
    const ms = performance.now() - started;
    wall.push(ms);
    const timing = serverTiming(res.headers.get("server-timing"));
    for (const stage of Object.keys(split)) split[stage]!.push(timing[stage] ?? NaN);
    const named = ["auth", "body", "decode", "quality", "turn", "model_wait", "inference", "storage"].reduce(
      (sum, k) => sum + (timing[k] ?? 0),
      0,
    );
    unnamed.push((timing.total ?? NaN) - named);
    outside.push(ms - (timing.total ?? NaN));
  }
  await measureNative(60);
  const n = percentile(native, 50);
  const ratio = (ms: number) => (ms / n).toFixed(2);
  console.log(
    `\nPOST /claims/validate, 1280×960 JPEG as a raw image/jpeg body, ${requests} requests after 20 warm-up (ms; × = over the native model's p50 ${n.toFixed(2)} ms in this run):`,
  );
  console.log("| | p50 | p99 | p50 × native | p99 × native |");
  console.log("|---|---:|---:|---:|---:|");
  const row = (name: string, values: number[]) => {
    const [p50, p99] = [percentile(values, 50), percentile(values, 99)];
    console.log(`| ${name} | ${p50.toFixed(1)} | ${p99.toFixed(1)} | ${ratio(p50)} | ${ratio(p99)} |`);
  };
  row("end to end (HTTP)", wall);
  for (const [stage, values] of Object.entries(split))
    row(stage === "total" ? "inside the Worker (Server-Timing total)" : `${stage} (Server-Timing)`, values);
  row("inside the Worker, in no named phase", unnamed);
  row("outside the Worker (HTTP, wrangler's proxy)", outside);
  row("floor: GET /auth/me end to end", floor);
  row("floor: GET /auth/me inside the Worker", floorWorker);
  console.log(
    `goal: end to end p50 ≤ 4× native (now ${ratio(percentile(wall, 50))}×), p99 ≤ 8× (now ${ratio(percentile(wall, 99))}×)`,
  );
  console.log(`cold start: first validate in a fresh wrangler dev isolate ${coldMs.toFixed(0)} ms (goal ≤ 1000 ms)`);
  console.log(`cold start, the Worker's split: ${coldTiming}`);
  console.log(
    `the damage-photo validation service it replaces reports ${REFERENCE_SERVICE_P50_MS} ms: ours / theirs = ${(percentile(wall, 50) / REFERENCE_SERVICE_P50_MS).toFixed(2)}`,
  );
} finally {
  server.stop();
}

// The same model and input size inside workerd (bench/worker), next to native.
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
