import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { authenticate, requireRole } from "../../../auth/middleware";
import { trainingJobs } from "../../../db/schema";
import type { HonoEnv } from "../../../env";
import { ApiError } from "../../../errors/api-error";
import { authErrors, bearerSecurity, errorResponse } from "../../shared/responses";
import { toTrainingJob, trainingJobSchema } from "../schema";

export const trainingJobRoute = createRoute({
  method: "get",
  path: "/models/jobs/{id}",
  tags: ["models"],
  summary: "Follow a retraining job (admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: "The job", content: { "application/json": { schema: trainingJobSchema } } },
    ...authErrors,
    404: errorResponse("No such job"),
  },
});

export const registerTrainingJob = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(trainingJobRoute, async (c) => {
    const { id } = c.req.valid("param");
    const job = await c.get("db").query.trainingJobs.findFirst({ where: eq(trainingJobs.id, id) });
    if (!job) throw new ApiError("NOT_FOUND", `Training job ${id} not found`);
    return c.json(toTrainingJob(job), 200);
  });
