import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { authenticate, requireRole } from "../../auth/middleware";
import type { HonoEnv } from "../../env";
import { ApiError } from "../../errors/api-error";
import { modelVersions } from "../../model-registry/registry";
import { authErrors, bearerSecurity, errorResponse } from "../shared/responses";
import { modelEntrySchema, toModelEntry } from "./schema";

export const getModelRoute = createRoute({
  method: "get",
  path: "/models/{name}",
  tags: ["models"],
  summary: "A model's active version and its version history (admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { params: z.object({ name: z.string().min(1).max(128) }) },
  responses: {
    200: {
      description: "The active (or latest) version, plus every version",
      content: { "application/json": { schema: modelEntrySchema.extend({ versions: z.array(modelEntrySchema) }).openapi("ModelDetail") } },
    },
    ...authErrors,
    404: errorResponse("Model not found"),
  },
});

export const registerGetModel = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(getModelRoute, async (c) => {
    const { name } = c.req.valid("param");
    const versions = (await modelVersions(c.get("db"), name)).map(toModelEntry);
    const current = versions.find((v) => v.status === "active") ?? versions[0];
    if (!current) throw new ApiError("NOT_FOUND", `Model ${name} not found`);
    return c.json({ ...current, versions }, 200);
  });
