// One fraud score inside the Worker (onnxruntime-web wasm, via wrangler dev) with and without
// its TreeSHAP explanation, next to the same model in onnxruntime-node (native) in this run.
//   npm run bench:fraud-score [-- --requests 300 --seconds 8]
import { readFileSync } from "node:fs";
import * as ortNode from "onnxruntime-node";
import { startLocalServer } from "../scripts/lib/local-server";
import { EXAMPLE_AUTO_CLAIM as claim } from "../src/domain/fraud/example-claim";
import { encodeClaimInto } from "../src/domain/fraud/features";
import type { ModelMetadata } from "../src/domain/fraud/train";
import { INPUT_NAME, parseOnnx } from "../src/ml/onnx-model";
import { modelShap } from "../src/ml/treeshap";
import { startBenchWorker } from "./lib/bench-worker";
import { load, printTable } from "./lib/http-load";
import { percentile } from "./lib/stats";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const requests = arg("requests", 300);
const seconds = arg("seconds", 8);
const MODEL = "insurance_claims-rf-calibrated";

// Native baseline: the same ONNX file in onnxruntime-node, the same feature encoding and TreeSHAP code.
const bytes = readFileSync(`models/fraud/${MODEL}.onnx`);
const parsed = parseOnnx<ModelMetadata>(bytes);
const session = await ortNode.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
const features = new Float32Array(parsed.nFeatures);
const native = async (explain: boolean) => {
  const times: number[] = [];
  for (let i = 0; i < requests + 50; i++) {
    const t = performance.now();
    encodeClaimInto(parsed.metadata.schema, claim, features);
    await session.run({ [INPUT_NAME]: new ortNode.Tensor("float32", features, [1, parsed.nFeatures]) });
    if (explain) modelShap(parsed.model, features, parsed.nFeatures);
    if (i >= 50) times.push(performance.now() - t);
  }
  return times;
};

const server = await startLocalServer(".bench-state");
try {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  const token = ((await login.json()) as { access_token: string }).access_token;
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const url = (explain: boolean) => `${server.baseUrl}/api/v1/fraud/score?model=rf&calibrated=true&explain=${explain}`;

  // Inside workerd: n scores per call, timed by the runtime's own clock (ms resolution).
  const benchWorker = await startBenchWorker();
  const inside = async (explain: boolean) => {
    const perScore: number[] = [];
    await fetch(`${benchWorker.url}/fraud?explain=${explain ? 1 : 0}&n=50`);
    for (let round = 0; round < 5; round++) {
      const res = await fetch(`${benchWorker.url}/fraud?explain=${explain ? 1 : 0}&n=${requests}`);
      perScore.push(((await res.json()) as { per_score_ms: number }).per_score_ms);
    }
    return perScore;
  };
  const http = async (explain: boolean) => {
    const times: number[] = [];
    for (let i = 0; i < 120; i++) {
      const t = performance.now();
      const res = await fetch(url(explain), { method: "POST", headers, body: JSON.stringify(claim) });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`score failed: ${res.status}`);
      if (i >= 20) times.push(performance.now() - t);
    }
    return times;
  };

  console.log(
    `\nOne score of ${MODEL} (ms; Worker inside = median of 5 rounds of ${requests} scores; native = p50 of ${requests}):`,
  );
  console.log("| | Worker inside (wasm) | onnxruntime-node native | Worker / native | API round trip p50 (HTTP) |");
  console.log("|---|---:|---:|---:|---:|");
  try {
    for (const explain of [false, true]) {
      const w = percentile(await inside(explain), 50);
      const n = percentile(await native(explain), 50);
      const h = percentile(await http(explain), 50);
      console.log(
        `| ${explain ? "with explanation" : "without explanation"} | ${w.toFixed(3)} | ${n.toFixed(3)} | ${(w / n).toFixed(2)} | ${h.toFixed(2)} |`,
      );
    }
  } finally {
    benchWorker.stop();
  }

  const throughput = [];
  for (const explain of [false, true]) {
    throughput.push(
      await load(`POST /fraud/score explain=${explain}`, {
        url: url(explain),
        method: "POST",
        headers,
        body: () => JSON.stringify(claim),
        connections: 8,
        seconds,
      }),
    );
  }
  printTable(throughput);
} finally {
  server.stop();
}
