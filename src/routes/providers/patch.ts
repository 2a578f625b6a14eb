import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { authenticate, requireRole } from "../../auth/middleware";
import { PROVIDER_STATUSES, providers } from "../../db/schema";
import type { HonoEnv } from "../../env";
import { ApiError } from "../../errors/api-error";
import { patchAudited, setTo } from "../../db/audited-patch";
import { authErrors, bearerSecurity, errorResponse, validationErrors } from "../shared/responses";
import { PROVIDER_AUDIT_COLUMNS, providerSchema, toProviderView } from "./schema";

const updateProviderRequest = z
  .object({ name: z.string().trim().min(1).max(200).optional(), status: z.enum(PROVIDER_STATUSES).optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "must change at least one field")
  .openapi("UpdateProviderRequest");

export const updateProviderRoute = createRoute({
  method: "patch",
  path: "/providers/{id}",
  tags: ["reference data"],
  summary: "Change a provider's name or status (admin, audited)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: {
    params: z.object({ id: z.string().min(1).max(64) }),
    body: { required: true, content: { "application/json": { schema: updateProviderRequest } } },
  },
  responses: {
    200: { description: "The provider after the change", content: { "application/json": { schema: providerSchema } } },
    ...validationErrors,
    ...authErrors,
    404: errorResponse("No such provider"),
  },
});

export const registerUpdateProvider = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(updateProviderRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const changes = [
      ...(body.name === undefined ? [] : [setTo("name", body.name)]),
      ...(body.status === undefined ? [] : [setTo("status", body.status)]),
    ];
    const target = { table: "providers", keyColumn: "provider_id", key: id, entityType: "provider", columns: PROVIDER_AUDIT_COLUMNS };
    const changed = await patchAudited(c.env.DB, target, changes, c.get("user"), c.get("requestId"), new Date().toISOString());
    if (!changed) throw new ApiError("NOT_FOUND", `Provider ${id} not found`);
    const row = await c.get("db").query.providers.findFirst({ where: eq(providers.providerId, id) });
    return c.json(toProviderView(row!), 200);
  });
