import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { trainingJobs } from "../../../db/schema";
import { ApiError } from "../../../errors/api-error";
import type { Api } from "../../api";
import { jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import { toTrainingJob, trainingJobSchema } from "../schema";

export const getTrainingJobRoute = protectedRoute({
  method: "get",
  path: "/models/jobs/{id}",
  tags: ["models"],
  summary: "Follow a retraining job",
  roles: ["admin"],
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: { 200: jsonResponse(trainingJobSchema, "The job") },
  errors: { 404: "No such job" },
});

export const registerGetTrainingJob = (app: Api) =>
  app.openapi(getTrainingJobRoute, async (c) => {
    const { id } = c.req.valid("param");
    const job = await c.get("db").query.trainingJobs.findFirst({ where: eq(trainingJobs.id, id) });
    if (!job) throw new ApiError("NOT_FOUND", `Training job ${id} not found`);
    return c.json(toTrainingJob(job), 200);
  });
