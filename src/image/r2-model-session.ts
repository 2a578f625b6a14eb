import { loadSession, type ort } from "../platform/onnx";

const sessions = new Map<string, Promise<ort.InferenceSession>>();

/**
 * An ONNX model kept in the MODELS bucket (the photo classifiers are ~7 MB each, too big to
 * bundle beside the ONNX runtime), fetched and compiled once per isolate. A failed load is
 * forgotten so that the next request tries again.
 */
export function r2ModelSession(bucket: R2Bucket, key: string): Promise<ort.InferenceSession> {
  let session = sessions.get(key);
  if (!session) {
    session = bucket.get(key).then(async (object) => {
      if (!object) throw new Error(`model ${key} is missing from R2`);
      return loadSession(await object.arrayBuffer());
    });
    session.catch(() => sessions.delete(key));
    sessions.set(key, session);
  }
  return session;
}
