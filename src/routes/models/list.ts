import { z } from "@hono/zod-openapi";
import { asc, eq } from "drizzle-orm";
import { modelStats } from "../../db/schema";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { modelEntrySchema, toModelEntry } from "./schema";

export const listModelsRoute = protectedRoute({
  method: "get",
  path: "/models",
  tags: ["models"],
  summary: "The active version of every model, with its measured metrics",
  roles: ["admin"],
  responses: { 200: jsonResponse(z.array(modelEntrySchema), "One entry per model name") },
});

export const registerListModels = (app: Api) =>
  app.openapi(listModelsRoute, async (c) => {
    const rows = await c
      .get("db")
      .select()
      .from(modelStats)
      .where(eq(modelStats.status, "active"))
      .orderBy(asc(modelStats.modelName));
    return c.json(rows.map(toModelEntry), 200);
  });
