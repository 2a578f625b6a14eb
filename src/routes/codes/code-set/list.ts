import { z } from "@hono/zod-openapi";
import type { Api } from "../../api";
import { jsonResponse } from "../../shared/content";
import { protectedRoute } from "../../shared/protected-route";
import type { CodeSet } from "./code-sets";
import { codeSearchQuery } from "./schema";

export const listCodesRoute = (set: CodeSet) =>
  protectedRoute({
    method: "get",
    path: `/codes/${set.path}`,
    tags: ["reference data"],
    summary: `Search ${set.noun} codes`,
    roles: ["admin"],
    request: { query: codeSearchQuery },
    responses: {
      200: jsonResponse(
        z.object({ codes: z.array(set.viewSchema), total: z.number(), page: z.number(), page_size: z.number() }),
        "A page of codes",
      ),
    },
  });

export const registerListCodes = (app: Api, set: CodeSet) =>
  app.openapi(listCodesRoute(set), async (c) => {
    const { q, page, page_size } = c.req.valid("query");
    const { codes, total } = await set.page(c.get("db"), q, page, page_size);
    return c.json({ codes, total, page, page_size }, 200);
  });
