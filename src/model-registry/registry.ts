import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { modelStats } from "../db/schema";
import type { ModelMetadata } from "../domain/fraud/train";
import { parseOnnx } from "../ml/onnx-model";

export const artifactKey = (name: string, version: string) => `models/${name}/${version}.onnx`;

export type ModelType = "fraud" | "reserve";

/** The metrics a registry entry shows: the held-out test report the model carries. */
export const registryMetrics = (metadata: ModelMetadata): Record<string, unknown> => ({
  ...metadata.metrics.test,
  ...(metadata.threshold === undefined ? {} : { threshold: metadata.threshold }),
  split: metadata.split,
});

/**
 * Stores a trained model (its ONNX carries its own metadata) in R2 and the registry. The first
 * version of a name becomes active; later ones are stored inactive until promoted. Idempotent.
 */
export async function installModel(
  db: Database,
  bucket: R2Bucket,
  bytes: Uint8Array,
): Promise<{ name: string; version: string; installed: boolean }> {
  const { metadata } = parseOnnx<ModelMetadata>(bytes);
  const key = artifactKey(metadata.name, metadata.version);
  const existing = await db.query.modelStats.findFirst({
    where: and(eq(modelStats.modelName, metadata.name), eq(modelStats.version, metadata.version)),
  });
  if (existing) return { name: metadata.name, version: metadata.version, installed: false };
  await bucket.put(key, bytes, { customMetadata: { name: metadata.name, version: metadata.version } });
  const active = await db.query.modelStats.findFirst({
    where: and(eq(modelStats.modelName, metadata.name), eq(modelStats.status, "active")),
  });
  await db
    .insert(modelStats)
    .values({
      modelName: metadata.name,
      modelType: metadata.task === "regression" ? "reserve" : "fraud",
      dataset: metadata.dataset,
      version: metadata.version,
      status: active ? "inactive" : "active",
      metrics: registryMetrics(metadata),
      artifactKey: key,
      trainedAt: metadata.trained_at,
      promotedAt: active ? null : new Date().toISOString(),
    })
    .onConflictDoNothing();
  return { name: metadata.name, version: metadata.version, installed: true };
}

export async function activeModel(db: Database, name: string) {
  return db.query.modelStats.findFirst({ where: and(eq(modelStats.modelName, name), eq(modelStats.status, "active")) });
}

export async function modelVersions(db: Database, name: string) {
  return db.select().from(modelStats).where(eq(modelStats.modelName, name)).orderBy(desc(modelStats.id));
}
