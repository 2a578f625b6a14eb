import colourModel from "../../models/colour/colour-classifier.onnx";
import damageModel from "../../models/damage/damage-classifier.onnx";
import rfCalibrated from "../../models/fraud/insurance_claims-rf-calibrated.onnx";
import severityModel from "../../models/severity/severity-classifier.onnx";
import { fraudModelName, ModelSet, scoreFraudBatch } from "../../src/domain/fraud";
import { EXAMPLE_AUTO_CLAIM } from "../../src/domain/fraud/example-claim";
import { createSession, loadSession, loadTreeModel, ort } from "../../src/platform/onnx";

let models: Promise<ModelSet> | undefined;

/** GET /damage?n=50 → how long n single-photo damage inferences took inside this isolate. */
async function damage(n: number): Promise<Response> {
  const session = await loadSession(damageModel, "bench-damage");
  const input = new Float32Array(3 * 224 * 224).map((_, i) => Math.sin(i) * 0.5);
  const started = performance.now();
  let checksum = 0;
  for (let i = 0; i < n; i++) {
    const out = await session.run({ image: new ort.Tensor("float32", input, [1, 3, 224, 224]) });
    checksum += (out.probabilities!.data as Float32Array)[1]!;
  }
  const ms = performance.now() - started;
  return Response.json({ n, total_ms: ms, per_inference_ms: ms / n, checksum });
}

const PHOTO_CLASSIFIERS: Record<string, ArrayBuffer> = {
  damage: damageModel,
  colour: colourModel,
  severity: severityModel,
};

/** GET /photo-classifier?model=colour&n=20 → how long n single-photo inferences of that photo classifier took. */
async function photoClassifier(model: string, n: number): Promise<Response> {
  const bytes = PHOTO_CLASSIFIERS[model];
  if (!bytes) return new Response(`unknown model ${model}`, { status: 404 });
  const session = await loadSession(bytes, `bench-${model}`);
  const input = new Float32Array(3 * 224 * 224).map((_, i) => Math.sin(i) * 0.5);
  const started = performance.now();
  let checksum = 0;
  for (let i = 0; i < n; i++) {
    const out = await session.run({ image: new ort.Tensor("float32", input, [1, 3, 224, 224]) });
    checksum += (out.probabilities!.data as Float32Array)[0]!;
  }
  const ms = performance.now() - started;
  return Response.json({ model, n, total_ms: ms, per_inference_ms: ms / n, checksum });
}

/**
 * POST /session-options?n=20&options={…} with an ONNX photo classifier as the body → how long n
 * single-photo inferences took with those onnxruntime-web session options (a fresh session each call).
 */
async function sessionOptions(request: Request, url: URL): Promise<Response> {
  const options = JSON.parse(url.searchParams.get("options") ?? "{}") as ort.InferenceSession.SessionOptions;
  const n = Number(url.searchParams.get("n") ?? "20");
  const createStarted = performance.now();
  const session = await createSession(new Uint8Array(await request.arrayBuffer()), options);
  const createMs = performance.now() - createStarted;
  const input = new Float32Array(3 * 224 * 224).map((_, i) => Math.sin(i) * 0.5);
  const feeds = () => ({ image: new ort.Tensor("float32", input, [1, 3, 224, 224]) });
  await session.run(feeds());
  const times: number[] = [];
  let probabilities: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const out = await session.run(feeds());
    times.push(performance.now() - started);
    // A model cut into parts (bench/damage-layers.ts) has another output: its first one is read.
    probabilities = Array.from(out[session.outputNames[0]!]!.data as Float32Array).slice(0, 2);
  }
  await session.release();
  return Response.json({ n, create_ms: createMs, times, probabilities });
}

/** GET /fraud?explain=1&n=500 → how long n single-claim scores took inside this isolate. */
export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/damage") return damage(Number(url.searchParams.get("n") ?? "50"));
    if (url.pathname === "/session-options" && request.method === "POST") return sessionOptions(request, url);
    if (url.pathname === "/photo-classifier")
      return photoClassifier(url.searchParams.get("model") ?? "", Number(url.searchParams.get("n") ?? "20"));
    if (url.pathname !== "/fraud") return new Response("not found", { status: 404 });
    const n = Number(url.searchParams.get("n") ?? "200");
    const explain = url.searchParams.get("explain") === "1";
    models ??= loadTreeModel(rfCalibrated, "bench-rf").then((m) => new ModelSet([m]));
    const set = await models;
    const started = performance.now();
    let checksum = 0;
    for (let i = 0; i < n; i++) {
      const [score] = await scoreFraudBatch(set, [EXAMPLE_AUTO_CLAIM], { model: "rf", calibrated: true, explain });
      checksum += score!.probability;
    }
    const ms = performance.now() - started;
    return Response.json({
      model: fraudModelName("insurance_claims", "rf", true),
      n,
      explain,
      total_ms: ms,
      per_score_ms: ms / n,
      checksum,
    });
  },
};
