import { z } from "@hono/zod-openapi";
import { insertAudited } from "../../db/insert-audited";
import { PROVIDER_STATUSES, providers } from "../../db/schema";
import { printableLine } from "../../domain/input-rules";
import { forgetsReferenceData } from "../../middleware/forget-reference-data";
import type { Api } from "../api";
import { jsonBody, jsonResponse } from "../shared/content";
import { referenceIdSchema } from "../shared/inputs";
import { protectedRoute } from "../shared/protected-route";
import { providerSchema, toProviderView } from "./schema";

const createProviderRequest = z
  .object({
    provider_id: referenceIdSchema.openapi({ example: "H456" }),
    name: printableLine(1, 200).openapi({ example: "General Hospital" }),
    status: z.enum(PROVIDER_STATUSES).default("ACTIVE"),
  })
  .strict()
  .openapi("CreateProviderRequest");

export const postProviderRoute = protectedRoute({
  method: "post",
  path: "/providers",
  tags: ["reference data"],
  summary: "Register a partner provider",
  roles: ["admin"],
  middleware: [forgetsReferenceData],
  request: { body: jsonBody(createProviderRequest) },
  responses: { 201: jsonResponse(providerSchema, "The provider") },
  errors: { 409: "Provider id already exists" },
});

export const registerPostProvider = (app: Api) =>
  app.openapi(postProviderRoute, async (c) => {
    const body = c.req.valid("json");
    const db = c.get("db");
    const now = new Date().toISOString();
    const row = { providerId: body.provider_id, name: body.name, status: body.status, createdAt: now, updatedAt: now };
    await insertAudited(
      db,
      db.insert(providers).values(row),
      {
        entityType: "provider",
        entityId: row.providerId,
        action: "provider.created",
        actor: c.get("user"),
        after: row,
        requestId: c.get("requestId"),
      },
      { message: `Provider ${row.providerId} already exists` },
    );
    return c.json(toProviderView(row), 201);
  });
