import { loadSession, type ort } from "../platform/onnx";

const sessions = new Map<string, Promise<ort.InferenceSession>>();

/** How long a model's load took in this isolate: the R2 read, then the runtime and session start. */
export interface ModelLoadTimings {
  fetchMs: number;
  initMs: number;
}
const loads = new Map<string, ModelLoadTimings>();

/**
 * An ONNX model kept in the MODELS bucket (the photo classifiers are ~7 MB each, too big to
 * bundle beside the ONNX runtime), fetched and compiled once per isolate. A failed load is
 * forgotten so that the next request tries again.
 */
export function r2ModelSession(bucket: R2Bucket, key: string): Promise<ort.InferenceSession> {
  let session = sessions.get(key);
  if (!session) {
    const started = performance.now();
    session = bucket.get(key).then(async (object) => {
      if (!object) throw new Error(`model ${key} is missing from R2`);
      const bytes = await object.arrayBuffer();
      const fetched = performance.now();
      const loaded = await loadSession(bytes);
      loads.set(key, { fetchMs: fetched - started, initMs: performance.now() - fetched });
      return loaded;
    });
    session.catch(() => sessions.delete(key));
    sessions.set(key, session);
  }
  return session;
}

/** The load timings of a model, once: the request that reports them is the one that waited for the load. */
export function takeModelLoadTimings(key: string): ModelLoadTimings | undefined {
  const timings = loads.get(key);
  loads.delete(key);
  return timings;
}
