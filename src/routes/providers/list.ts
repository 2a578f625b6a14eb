import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { asc, count } from "drizzle-orm";
import { authenticate, requireRole } from "../../auth/middleware";
import { providers } from "../../db/schema";
import type { HonoEnv } from "../../env";
import { pageQuery } from "../shared/pagination";
import { authErrors, bearerSecurity, validationErrors } from "../shared/responses";
import { providerSchema, toProviderView } from "./schema";

export const listProvidersRoute = createRoute({
  method: "get",
  path: "/providers",
  tags: ["reference data"],
  summary: "List providers (admin)",
  security: bearerSecurity,
  middleware: [authenticate, requireRole("admin")] as const,
  request: { query: pageQuery },
  responses: {
    200: {
      description: "A page of providers",
      content: { "application/json": { schema: z.object({ providers: z.array(providerSchema), total: z.number(), page: z.number(), page_size: z.number() }) } },
    },
    ...validationErrors,
    ...authErrors,
  },
});

export const registerListProviders = (app: OpenAPIHono<HonoEnv>) =>
  app.openapi(listProvidersRoute, async (c) => {
    const { page, page_size } = c.req.valid("query");
    const db = c.get("db");
    const [rows, totals] = await db.batch([
      db.select().from(providers).orderBy(asc(providers.providerId)).limit(page_size).offset((page - 1) * page_size),
      db.select({ total: count() }).from(providers),
    ]);
    return c.json({ providers: rows.map(toProviderView), total: totals[0]?.total ?? 0, page, page_size }, 200);
  });
