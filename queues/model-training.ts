import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { auditInsert } from "../src/audit";
import { createDatabase, type Database } from "../src/db/client";
import { modelStats, trainingJobs } from "../src/db/schema";
import {
  type Challenger,
  challengerWins,
  evaluateModel,
  type ModelMetadata,
  TrainingRefusedError,
  trainChallenger,
} from "../src/domain/fraud";
import type { FraudDataset } from "../src/domain/fraud/train";
import type { Env, ModelTrainingMessage } from "../src/env";
import { activeModelSet, forgetActive } from "../src/model-registry/loader";
import { activeModel, artifactKey, registryMetrics } from "../src/model-registry/registry";
import { adjudicatedClaimRows, storedTrainingRows } from "../src/model-registry/training-data";

export const modelTrainingMessageSchema = z.object({ jobId: z.string().min(1) });

type JobStatus = (typeof trainingJobs.$inferSelect)["status"];

async function finish(db: Database, jobId: string, status: JobStatus, result: Record<string, unknown>) {
  const now = new Date().toISOString();
  await db
    .update(trainingJobs)
    .set({ status, result, updatedAt: now, finishedAt: now })
    .where(eq(trainingJobs.id, jobId));
}

/**
 * Retrains one fraud model: a challenger on the stored training data plus the document claims
 * adjusters have labelled (insurance_claims models), evaluated with the champion on the challenger's
 * held-out split, stored in R2 and the registry, and promoted only if its ROC-AUC is higher.
 * A redelivered message for a finished job does nothing; one for a running job is retried.
 */
export async function retrainModel(env: Env, jobId: string): Promise<void> {
  const db = createDatabase(env.DB);
  const claimed = await db
    .update(trainingJobs)
    .set({ status: "running", updatedAt: new Date().toISOString() })
    .where(and(eq(trainingJobs.id, jobId), inArray(trainingJobs.status, ["queued", "running"])))
    .returning();
  const job = claimed[0];
  if (!job) return;

  const champion = await activeModel(db, job.modelName);
  if (!champion?.dataset) return finish(db, jobId, "failed", { reason: `no active model named ${job.modelName}` });
  const championModel = (await activeModelSet(env, [job.modelName])).get(job.modelName);
  const meta: ModelMetadata = championModel.metadata;
  const dataset = champion.dataset as FraudDataset;
  const stored = await storedTrainingRows(env.MODELS, dataset);
  const adjudicated = dataset === "insurance_claims" ? await adjudicatedClaimRows(db) : [];
  const rows = [...stored, ...adjudicated];

  const trainedAt = new Date().toISOString();
  const version = `retrain-${trainedAt.replace(/[-:T]/g, "").slice(0, 14)}-${jobId.slice(0, 8)}`;
  let challenger: Challenger;
  try {
    challenger = trainChallenger(rows, {
      dataset,
      kind: meta.kind === "reserve" ? "gbdt" : meta.kind,
      calibrated: meta.calibrated,
      version,
      trainedAt,
      randomState: Date.parse(trainedAt) % 100_000,
    });
  } catch (err) {
    if (err instanceof TrainingRefusedError)
      return finish(db, jobId, "refused", { reason: err.message, code: err.code, details: err.details });
    throw err;
  }

  const championOnHoldout = evaluateModel(
    championModel.model,
    meta.schema,
    dataset,
    challenger.holdout,
    meta.threshold ?? 0.5,
  );
  const promote = challengerWins(challenger.metrics, championOnHoldout);
  const key = artifactKey(challenger.name, version);
  await env.MODELS.put(key, challenger.onnx, { customMetadata: { name: challenger.name, version } });

  const now = new Date().toISOString();
  const insert = db
    .insert(modelStats)
    .values({
      modelName: challenger.name,
      modelType: "fraud",
      dataset,
      version,
      status: "inactive",
      metrics: registryMetrics(challenger.metadata),
      artifactKey: key,
      trainedAt,
    })
    .onConflictDoNothing();
  const result = {
    challenger_version: version,
    champion_version: champion.version,
    training_rows: rows.length,
    adjudicated_rows: adjudicated.length,
    holdout_rows: challenger.holdout.length,
    challenger: challenger.metrics,
    champion_on_same_holdout: championOnHoldout,
    promoted: promote,
    rule: "promote when the challenger's held-out ROC-AUC is higher than the champion's on the same rows",
  };
  const audit = auditInsert(db, {
    entityType: "model",
    entityId: challenger.name,
    action: promote ? "model.promoted" : "model.challenger_kept_inactive",
    actor: null,
    after: result,
  });
  if (promote) {
    await db.batch([
      insert,
      db
        .update(modelStats)
        .set({ status: "inactive" })
        .where(and(eq(modelStats.modelName, challenger.name), eq(modelStats.status, "active"))),
      db
        .update(modelStats)
        .set({ status: "active", promotedAt: now })
        .where(and(eq(modelStats.modelName, challenger.name), eq(modelStats.version, version))),
      db
        .update(trainingJobs)
        .set({ status: "promoted", result, updatedAt: now, finishedAt: now })
        .where(eq(trainingJobs.id, jobId)),
      audit,
    ]);
    forgetActive(challenger.name);
  } else {
    await db.batch([
      insert,
      db
        .update(trainingJobs)
        .set({ status: "kept_champion", result, updatedAt: now, finishedAt: now })
        .where(eq(trainingJobs.id, jobId)),
      audit,
    ]);
  }
}

export async function consumeModelTraining(batch: MessageBatch<ModelTrainingMessage>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    const parsed = modelTrainingMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      message.ack();
      continue;
    }
    try {
      await retrainModel(env, parsed.data.jobId);
      message.ack();
    } catch (err) {
      console.error(
        JSON.stringify({
          level: "error",
          message: "retraining failed",
          job_id: parsed.data.jobId,
          attempts: message.attempts,
          error: String(err),
        }),
      );
      if (message.attempts >= 3) {
        await finish(createDatabase(env.DB), parsed.data.jobId, "failed", {
          reason: err instanceof Error ? err.message : String(err),
        });
        message.ack();
      } else message.retry({ delaySeconds: 2 ** message.attempts });
    }
  }
}
