import { z } from "@hono/zod-openapi";
import { asc, count } from "drizzle-orm";
import { providers } from "../../db/schema";
import type { Api } from "../api";
import { jsonResponse } from "../shared/content";
import { pageQuery } from "../shared/pagination";
import { protectedRoute } from "../shared/protected-route";
import { providerSchema, toProviderView } from "./schema";

export const providerPageSchema = z
  .object({ providers: z.array(providerSchema), total: z.number(), page: z.number(), page_size: z.number() })
  .openapi("ProviderPage");

export const listProvidersRoute = protectedRoute({
  method: "get",
  path: "/providers",
  tags: ["reference data"],
  summary: "List providers",
  roles: ["admin"],
  request: { query: pageQuery },
  responses: { 200: jsonResponse(providerPageSchema, "A page of providers") },
});

export const registerListProviders = (app: Api) =>
  app.openapi(listProvidersRoute, async (c) => {
    const { page, page_size } = c.req.valid("query");
    const db = c.get("db");
    const [rows, totals] = await db.batch([
      db
        .select()
        .from(providers)
        .orderBy(asc(providers.providerId))
        .limit(page_size)
        .offset((page - 1) * page_size),
      db.select({ total: count() }).from(providers),
    ]);
    return c.json({ providers: rows.map(toProviderView), total: totals[0]?.total ?? 0, page, page_size }, 200);
  });
