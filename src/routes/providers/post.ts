import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { auditInsert } from "../../audit";
import { authenticate, requireRole } from "../../auth/middleware";
import { isUniqueViolation } from "../../db/errors";
import { PROVIDER_STATUSES, providers } from "../../db/schema";
import type { HonoEnv } from "../../env";
import { ApiError } from "../../errors/api-error";
import { memberIdSchema } from "../members/schema";
import { authErrors, bearerSecurity, errorResponse, validationErrors } from "../shared/responses";
import { providerSchema, toProviderView } from "./schema";

const createProviderRequest = z
  .object({
    provider_id: memberIdSchema.openapi({ example: "H456" }),
    name: z.string().trim().min(1).max(200).openapi({ example: "General Hospital" }),
    status: z.enum(PROVIDER_STATUSES).default("ACTIVE"),
  })
  .strict()
  .openapi("CreateProviderRequest");

export const createProviderRoute = createRoute({
  method: "post",
  path: "/providers",
  tags: ["reference data"],
  summary: "Register a partner provider (admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { body: { required: true, content: { "application/json": { schema: createProviderRequest } } } },
  responses: {
    201: { description: "The provider", content: { "application/json": { schema: providerSchema } } },
    ...validationErrors,
    ...authErrors,
    409: errorResponse("Provider id already exists"),
  },
});

export const registerCreateProvider = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(createProviderRoute, async (c) => {
    const body = c.req.valid("json");
    const db = c.get("db");
    const now = new Date().toISOString();
    const row = { providerId: body.provider_id, name: body.name, status: body.status, createdAt: now, updatedAt: now };
    try {
      await db.batch([
        db.insert(providers).values(row),
        auditInsert(db, { entityType: "provider", entityId: row.providerId, action: "provider.created", actor: c.get("user"), after: row, requestId: c.get("requestId") }),
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError("CONFLICT", `Provider ${row.providerId} already exists`);
      throw err;
    }
    return c.json(toProviderView(row), 201);
  });
