import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { asc, eq } from "drizzle-orm";
import { authenticate, requireRole } from "../../auth/middleware";
import { modelStats } from "../../db/schema";
import type { HonoEnv } from "../../env";
import { authErrors, bearerSecurity } from "../shared/responses";
import { modelEntrySchema, toModelEntry } from "./schema";

export const listModelsRoute = createRoute({
  method: "get",
  path: "/models",
  tags: ["models"],
  summary: "The active version of every model, with its measured metrics (admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  responses: {
    200: { description: "Seed 000's list: one entry per model name", content: { "application/json": { schema: z.array(modelEntrySchema) } } },
    ...authErrors,
  },
});

export const registerListModels = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(listModelsRoute, async (c) => {
    const rows = await c.get("db").select().from(modelStats).where(eq(modelStats.status, "active")).orderBy(asc(modelStats.modelName));
    return c.json(rows.map(toModelEntry), 200);
  });
