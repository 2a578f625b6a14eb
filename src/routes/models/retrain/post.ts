import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { auditInsert } from "../../../audit";
import { trainingJobs } from "../../../db/schema";
import { ApiError } from "../../../errors/api-error";
import { activeModel } from "../../../model-registry/registry";
import { trainingDataKey } from "../../../model-registry/training-data";
import type { Api } from "../../api";
import { jsonBody, jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { toTrainingJob, trainingJobSchema } from "../schema";

const retrainRequest = z
  .object({
    model_name: z.string().min(1).max(128).openapi({ example: "insurance_claims-gbdt-calibrated" }),
    model_type: z.literal("fraud").optional().openapi({ description: "Only fraud models are retrained" }),
  })
  .strict()
  .openapi("RetrainRequest");

export const retrainAcceptedSchema = trainingJobSchema.extend({ message: z.string() }).openapi("RetrainAccepted");

export const postRetrainRoute = protectedRoute({
  method: "post",
  path: "/models/retrain",
  tags: ["models"],
  summary: "Retrain a fraud model as a challenger; promoted only if it beats the active one",
  description:
    "Queues a job that trains a challenger on the stored training data plus adjudicated claims, evaluates challenger " +
    "and champion on the same held-out split, stores the challenger in R2 and the registry, and promotes it only if " +
    "its held-out ROC-AUC is higher. Follow it at `status_url`. Too little labelled data ends the job as `refused`, " +
    "with the reason.",
  roles: ["admin"],
  rateLimit: { family: "retraining", tier: "expensive" },
  request: { body: jsonBody(retrainRequest) },
  responses: { 202: jsonResponse(retrainAcceptedSchema, "Retraining queued") },
  errors: { 404: "No such model, or no stored training data for it" },
});

export const registerPostRetrain = (app: Api) =>
  app.openapi(postRetrainRoute, async (c) => {
    const { model_name: name } = c.req.valid("json");
    const db = c.get("db");
    const champion = await activeModel(db, name);
    if (champion?.modelType !== "fraud" || !champion.dataset) {
      throw new ApiError("NOT_FOUND", `No active fraud model named ${name}`, { details: { model_name: name } });
    }
    if (!(await c.env.MODELS.head(trainingDataKey(champion.dataset)))) {
      throw new ApiError("NOT_FOUND", `No stored training data for ${champion.dataset}`, {
        details: { key: trainingDataKey(champion.dataset) },
      });
    }
    const now = new Date().toISOString();
    const job = {
      id: crypto.randomUUID(),
      modelName: name,
      status: "queued" as const,
      requestedBy: c.get("user").id,
      result: null,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    };
    await db.batch([
      db.insert(trainingJobs).values(job),
      auditInsert(db, {
        entityType: "model",
        entityId: name,
        action: "model.retrain_requested",
        actor: c.get("user"),
        after: { job_id: job.id },
        requestId: c.get("requestId"),
      }),
    ]);
    try {
      await c.env.MODEL_TRAINING_QUEUE.send({ jobId: job.id });
    } catch (err) {
      await db
        .update(trainingJobs)
        .set({ status: "failed", result: { reason: "could not enqueue the job" }, updatedAt: new Date().toISOString() })
        .where(eq(trainingJobs.id, job.id));
      throw err;
    }
    c.header("Location", `/api/v1/models/jobs/${job.id}`);
    return c.json({ ...toTrainingJob(job), message: "Retraining started" }, 202);
  });
