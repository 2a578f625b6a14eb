import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { patchAudited, setTo } from "../../db/audited-patch";
import { PROVIDER_STATUSES, providers } from "../../db/schema";
import { printableLine } from "../../domain/input-rules";
import { ApiError } from "../../errors/api-error";
import { forgetsReferenceData } from "../../middleware/forget-reference-data";
import type { Api } from "../api";
import { jsonBody, jsonResponse } from "../shared/content";
import { referenceIdParams } from "../shared/inputs";
import { protectedRoute } from "../shared/protected-route";
import { PROVIDER_AUDIT_COLUMNS, providerSchema, toProviderView } from "./schema";

const updateProviderRequest = z
  .object({ name: printableLine(1, 200).optional(), status: z.enum(PROVIDER_STATUSES).optional() })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "must change at least one field")
  .openapi("UpdateProviderRequest");

export const patchProviderRoute = protectedRoute({
  method: "patch",
  path: "/providers/{id}",
  tags: ["reference data"],
  summary: "Change a provider's name or status (audited)",
  roles: ["admin"],
  middleware: [forgetsReferenceData],
  request: { params: referenceIdParams, body: jsonBody(updateProviderRequest) },
  responses: { 200: jsonResponse(providerSchema, "The provider after the change") },
  errors: { 404: "No such provider" },
});

export const registerPatchProvider = (app: Api) =>
  app.openapi(patchProviderRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const changes = [
      ...(body.name === undefined ? [] : [setTo("name", body.name)]),
      ...(body.status === undefined ? [] : [setTo("status", body.status)]),
    ];
    const target = {
      table: "providers",
      keyColumn: "provider_id",
      key: id,
      entityType: "provider",
      columns: PROVIDER_AUDIT_COLUMNS,
    };
    const changed = await patchAudited(
      c.env.DB,
      target,
      changes,
      c.get("user"),
      c.get("requestId"),
      new Date().toISOString(),
    );
    if (!changed) throw new ApiError("NOT_FOUND", `Provider ${id} not found`);
    const row = await c.get("db").query.providers.findFirst({ where: eq(providers.providerId, id) });
    return c.json(toProviderView(row!), 200);
  });
