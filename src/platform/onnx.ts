import ortWasm from "onnxruntime-web/ort-wasm-simd-threaded.wasm";
import * as ort from "onnxruntime-web/wasm";
import { type LoadedModel, loadModel, ModelSet } from "../domain/fraud/model-set";
import { INPUT_NAME } from "../ml/onnx-model";
import { wasmBinaryFor } from "./wasm";

/**
 * onnxruntime-web inside workerd: the wasm is imported as a precompiled module (runtime
 * compilation is forbidden), threads and the worker proxy are off. Initialised once per
 * isolate; sessions are cached by a caller-chosen key (e.g. model name + version).
 */

let configured = false;
const sessions = new Map<string, Promise<ort.InferenceSession>>();

function configure(): void {
  if (configured) return;
  configured = true;
  ort.env.wasm.wasmBinary = wasmBinaryFor(ortWasm as WebAssembly.Module);
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
}

/** A session with these options, uncached (benchmarks compare options on one model). */
export function createSession(bytes: Uint8Array, options: ort.InferenceSession.SessionOptions) {
  configure();
  return ort.InferenceSession.create(bytes, { executionProviders: ["wasm"], ...options });
}

export function loadSession(bytes: Uint8Array | ArrayBuffer, key?: string): Promise<ort.InferenceSession> {
  configure();
  if (key !== undefined) {
    const cached = sessions.get(key);
    if (cached) return cached;
  }
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const created = ort.InferenceSession.create(data, { executionProviders: ["wasm"], graphOptimizationLevel: "all" });
  if (key !== undefined) {
    sessions.set(key, created);
    created.catch(() => sessions.delete(key));
  }
  return created;
}

/** Runs a model on rows of float32 features; returns every output as a flat Float32Array. */
export async function runRows(
  session: ort.InferenceSession,
  inputName: string,
  rows: Float32Array,
  nFeatures: number,
): Promise<Record<string, Float32Array>> {
  const n = rows.length / nFeatures;
  const out = await session.run({ [inputName]: new ort.Tensor("float32", rows, [n, nFeatures]) });
  const result: Record<string, Float32Array> = {};
  for (const [name, tensor] of Object.entries(out)) result[name] = tensor.data as Float32Array;
  return result;
}

/**
 * A fraud/reserve model exported by src/ml/onnx-model.ts, ready for scoreFraud/estimateReserve:
 * the ONNX session (cached under `key`, e.g. "<name>@<version>") plus its trees for TreeSHAP.
 */
export async function loadTreeModel(bytes: Uint8Array | ArrayBuffer, key: string): Promise<LoadedModel> {
  const session = await loadSession(bytes, key);
  return loadModel(bytes, (features, rows) => runRows(session, INPUT_NAME, features, features.length / rows));
}

/**
 * Loads many models at once (e.g. the active ones from R2); a model that fails to load is
 * reported in `errors` by name (for GET /health) instead of failing the others.
 */
export async function loadModelSet(
  sources: { name: string; bytes: Uint8Array | ArrayBuffer; version?: string }[],
): Promise<{ models: ModelSet; errors: Record<string, string> }> {
  const models = new ModelSet();
  const errors: Record<string, string> = {};
  await Promise.all(
    sources.map(async ({ name, bytes, version }) => {
      try {
        models.add(await loadTreeModel(bytes, `${name}@${version ?? "bundled"}`));
      } catch (e) {
        errors[name] = e instanceof Error ? e.message : String(e);
      }
    }),
  );
  return { models, errors };
}

export { ort };
