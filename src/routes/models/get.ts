import { z } from "@hono/zod-openapi";
import { ApiError } from "../../errors/api-error";
import { modelVersions } from "../../model-registry/registry";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { protectedRoute } from "../shared/protected-route";
import { modelEntrySchema, toModelEntry } from "./schema";

export const modelDetailSchema = modelEntrySchema
  .extend({ versions: z.array(modelEntrySchema) })
  .openapi("ModelDetail");

export const getModelRoute = protectedRoute({
  method: "get",
  path: "/models/{name}",
  tags: ["models"],
  summary: "A model's active version and its version history",
  roles: ["admin"],
  request: { params: z.object({ name: z.string().min(1).max(128) }) },
  responses: { 200: jsonResponse(modelDetailSchema, "The active (or latest) version, plus every version") },
  errors: { 404: "Model not found" },
});

export const registerGetModel = (app: Api) =>
  app.openapi(getModelRoute, async (c) => {
    const { name } = c.req.valid("param");
    const versions = (await modelVersions(c.get("db"), name)).map(toModelEntry);
    const current = versions.find((v) => v.status === "active") ?? versions[0];
    if (!current) throw new ApiError("NOT_FOUND", `Model ${name} not found`);
    return c.json({ ...current, versions }, 200);
  });
