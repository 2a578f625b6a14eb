import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { authenticate, requireRole } from "../../auth/middleware";
import { providers } from "../../db/schema";
import type { HonoEnv } from "../../env";
import { ApiError } from "../../errors/api-error";
import { authErrors, bearerSecurity, errorResponse } from "../shared/responses";
import { providerSchema, toProviderView } from "./schema";

export const getProviderRoute = createRoute({
  method: "get",
  path: "/providers/{id}",
  tags: ["reference data"],
  summary: "A provider (admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: "The provider", content: { "application/json": { schema: providerSchema } } },
    ...authErrors,
    404: errorResponse("No such provider"),
  },
});

export const registerGetProvider = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(getProviderRoute, async (c) => {
    const { id } = c.req.valid("param");
    const row = await c.get("db").query.providers.findFirst({ where: eq(providers.providerId, id) });
    if (!row) throw new ApiError("NOT_FOUND", `Provider ${id} not found`);
    return c.json(toProviderView(row), 200);
  });
