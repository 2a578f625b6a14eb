import { createDatabase } from "../db/client";
import { type LoadedModel, ModelSet, ModelUnavailableError } from "../domain/fraud/model-set";
import type { Env } from "../env";
import { loadTreeModel } from "../platform/onnx";
import { activeModel } from "./registry";

// Which version is active is re-read from D1 at most this often; the model bytes are loaded
// from R2 once per isolate and version.
const ACTIVE_TTL_MS = 30_000;

const activeKeys = new Map<string, { key: string; expires: number }>();
const loaded = new Map<string, Promise<LoadedModel>>();
const loadErrors = new Map<string, string>();

async function activeArtifactKey(env: Env, name: string): Promise<string> {
  const cached = activeKeys.get(name);
  if (cached && cached.expires > Date.now()) return cached.key;
  const row = await activeModel(createDatabase(env.DB), name);
  if (!row) throw new ModelUnavailableError(name, `no active model named ${name}`);
  activeKeys.set(name, { key: row.artifactKey, expires: Date.now() + ACTIVE_TTL_MS });
  return row.artifactKey;
}

async function loadArtifact(env: Env, name: string, key: string): Promise<LoadedModel> {
  const object = await env.MODELS.get(key);
  if (!object) throw new ModelUnavailableError(name, `model artifact ${key} is missing from R2`);
  return loadTreeModel(await object.arrayBuffer(), key);
}

/** The active versions of the named models, loaded from R2 (cached per isolate). */
export async function activeModelSet(env: Env, names: string[]): Promise<ModelSet> {
  const models = await Promise.all(
    names.map(async (name) => {
      const key = await activeArtifactKey(env, name);
      let model = loaded.get(key);
      if (!model) {
        model = loadArtifact(env, name, key);
        loaded.set(key, model);
        model.then(
          () => loadErrors.delete(name),
          (err: unknown) => {
            loaded.delete(key);
            loadErrors.set(name, err instanceof Error ? err.message : String(err));
          },
        );
      }
      return model;
    }),
  );
  return new ModelSet(models);
}

/** What this isolate has loaded, and what failed to load, for GET /health. */
export function modelLoadingReport(): { loaded: string[]; errors: Record<string, string> } {
  return {
    loaded: [...loaded.keys()].map((key) => key.replace(/^models\//, "").replace(/\.onnx$/, "")),
    errors: Object.fromEntries(loadErrors),
  };
}

/** Forget the cached active version of a model (after a promotion in this isolate). */
export function forgetActive(name: string): void {
  activeKeys.delete(name);
}
