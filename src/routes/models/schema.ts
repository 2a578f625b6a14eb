import { z } from "@hono/zod-openapi";
import {
  MODEL_STATUSES,
  MODEL_TYPES,
  type modelStats,
  TRAINING_JOB_STATUSES,
  type trainingJobs,
} from "../../db/schema";

export const modelEntrySchema = z
  .object({
    model_name: z.string().openapi({ example: "insurance_claims-gbdt-calibrated" }),
    model_type: z.enum(MODEL_TYPES),
    dataset: z.string().nullable(),
    version: z.string(),
    metrics: z
      .record(z.string(), z.unknown())
      .openapi({ example: { roc_auc: 0.85, accuracy: 0.84, precision: 0.63, recall: 0.88, f1: 0.73 } }),
    status: z.enum(MODEL_STATUSES),
    trained_at: z.string(),
    promoted_at: z.string().nullable(),
  })
  .openapi("ModelEntry");

export const toModelEntry = (row: typeof modelStats.$inferSelect) => ({
  model_name: row.modelName,
  model_type: row.modelType,
  dataset: row.dataset,
  version: row.version,
  metrics: row.metrics,
  status: row.status,
  trained_at: row.trainedAt,
  promoted_at: row.promotedAt,
});

export const trainingJobSchema = z
  .object({
    job_id: z.string(),
    model_name: z.string(),
    status: z.enum(TRAINING_JOB_STATUSES),
    result: z.record(z.string(), z.unknown()).nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    finished_at: z.string().nullable(),
    status_url: z.string(),
  })
  .openapi("TrainingJob");

export const toTrainingJob = (row: typeof trainingJobs.$inferSelect) => ({
  job_id: row.id,
  model_name: row.modelName,
  status: row.status,
  result: row.result ?? null,
  created_at: row.createdAt,
  updated_at: row.updatedAt,
  finished_at: row.finishedAt,
  status_url: `/api/v1/models/jobs/${row.id}`,
});
