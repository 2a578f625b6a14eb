import { eq } from "drizzle-orm";
import { providers } from "../../db/schema";
import { ApiError } from "../../errors/api-error";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { referenceIdParams } from "../shared/inputs";
import { protectedRoute } from "../shared/protected-route";
import { providerSchema, toProviderView } from "./schema";

export const getProviderRoute = protectedRoute({
  method: "get",
  path: "/providers/{id}",
  tags: ["reference data"],
  summary: "A provider",
  roles: ["admin"],
  request: { params: referenceIdParams },
  responses: { 200: jsonResponse(providerSchema, "The provider") },
  errors: { 404: "No such provider" },
});

export const registerGetProvider = (app: Api) =>
  app.openapi(getProviderRoute, async (c) => {
    const { id } = c.req.valid("param");
    const row = await c.get("db").query.providers.findFirst({ where: eq(providers.providerId, id) });
    if (!row) throw new ApiError("NOT_FOUND", `Provider ${id} not found`);
    return c.json(toProviderView(row), 200);
  });
